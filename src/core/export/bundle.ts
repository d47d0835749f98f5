import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { parseRecipe, type Recipe } from '../recipe/recipe-schema'
import { parseUntrustedJson } from '../safe-json'
import type { InputColumn } from './input-schema'
import { WEIGHTS_FILE, type SavedModelFiles } from './model-files'

/** Every file a bundle may hold, by role. */
export const BUNDLE_FILES = {
  model: 'model.json',
  weights: WEIGHTS_FILE,
  recipe: 'recipe.json',
  inputSchema: 'input-schema.json',
  readme: 'README.md',
  cardMarkdown: 'model-card.md',
  cardHtml: 'model-card.html',
  predictHtml: 'predict.html',
  /** predict.html's script, a classic file (no inline scripts, so a strict CSP holds). */
  predictScript: 'predict.js',
  /** model.json, weights and recipe as one classic script: predict.html cannot fetch from file://. */
  modelData: 'model-data.js',
  runtime: 'model-runtime.js',
  serve: 'serve.mjs',
  packageJson: 'package.json',
} as const

export interface ModelBundle {
  readonly model: SavedModelFiles
  readonly recipe: Recipe
  /** The raw columns with ranges and categories; null in bundles made before it was kept. */
  readonly inputSchema: readonly InputColumn[] | null
}

function readme(recipe: Recipe): string {
  const { target } = recipe
  return [
    `# Model for "${target.column}" (${target.task})`,
    '',
    `Trained in Model Studio on "${recipe.source.name}".`,
    '',
    '- `model.json` + `weights.bin`: the TensorFlow.js Layers model (`tf.loadLayersModel`).',
    '- `recipe.json`: the fitted preparation (scalers, one-hot categories, target classes), the',
    '  model spec and the training settings. Apply it to raw rows before calling the model.',
    '',
    target.task === 'regression'
      ? 'The model outputs the standardised target: multiply by `target.scale.std` and add `target.scale.mean`.'
      : `Outputs are probabilities for the classes ${JSON.stringify(target.classes ?? [])}${target.task === 'binary' ? ' (the single output is the probability of the second class)' : ''}.`,
    '',
  ].join('\n')
}

/**
 * The downloadable .zip: model files, the fitted recipe, the input schema and a README, plus
 * `extraFiles` by name (the model card, predict.html, serve.mjs and the runtime).
 */
export function createBundle(
  bundle: ModelBundle,
  extraFiles: Readonly<Record<string, Uint8Array>> = {},
): Uint8Array {
  return zipSync({
    ...extraFiles,
    [BUNDLE_FILES.model]: strToU8(bundle.model.modelJson),
    [BUNDLE_FILES.weights]: new Uint8Array(bundle.model.weights),
    [BUNDLE_FILES.recipe]: strToU8(JSON.stringify(bundle.recipe, null, 2)),
    ...(bundle.inputSchema
      ? { [BUNDLE_FILES.inputSchema]: strToU8(JSON.stringify(bundle.inputSchema, null, 2)) }
      : {}),
    [BUNDLE_FILES.readme]: strToU8(readme(bundle.recipe)),
  })
}

const DOWNLOAD_AGAIN = 'Download the model bundle from Model Studio again.'

/** More than any bundle holds; stops a zip bomb before it is inflated. */
const MAX_UNZIPPED_BYTES = 1024 ** 3
const MAX_FILES = 1_000

/**
 * Reads a bundle back, validating the recipe; a missing file is named in the error. Only the
 * files the studio reads are inflated, after their sizes are checked.
 */
export function readBundle(zip: Uint8Array): ModelBundle {
  let files: Record<string, Uint8Array>
  const wanted = new Set<string>([
    BUNDLE_FILES.model,
    BUNDLE_FILES.weights,
    BUNDLE_FILES.recipe,
    BUNDLE_FILES.inputSchema,
  ])
  let total = 0
  let count = 0
  try {
    files = unzipSync(zip, {
      filter: (file) => {
        count += 1
        if (wanted.has(file.name)) total += file.originalSize
        if (total > MAX_UNZIPPED_BYTES || count > MAX_FILES)
          throw new Error(
            `This bundle unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 ** 3} GB or holds more than ${MAX_FILES.toLocaleString('en')} files: it is not one from Model Studio. It was not opened.`,
          )
        return wanted.has(file.name)
      },
    })
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('This bundle unpacks')) throw error
    throw new Error(
      'This file is not a readable .zip (it may be cut short or damaged). Choose a model bundle downloaded from Model Studio.',
      { cause: error },
    )
  }
  const need = (name: string): Uint8Array => {
    const file = Object.hasOwn(files, name) ? files[name] : undefined
    if (!file)
      throw new Error(
        `The bundle has no ${name}. Choose a model bundle downloaded from Model Studio.`,
      )
    return file
  }
  const weights = need(BUNDLE_FILES.weights)
  const schema = Object.hasOwn(files, BUNDLE_FILES.inputSchema)
    ? files[BUNDLE_FILES.inputSchema]
    : undefined
  const modelJson = strFromU8(need(BUNDLE_FILES.model))
  // Parsed here only to refuse a hostile key early; checkBundle checks its shape.
  parseUntrustedJson(modelJson, `The bundle's ${BUNDLE_FILES.model}`, DOWNLOAD_AGAIN)
  return {
    model: {
      modelJson,
      weights: weights.buffer.slice(
        weights.byteOffset,
        weights.byteOffset + weights.byteLength,
      ) as ArrayBuffer,
    },
    recipe: parseRecipe(readJson(need(BUNDLE_FILES.recipe), BUNDLE_FILES.recipe)),
    // Checked by the import (lead) before use; older bundles have none.
    inputSchema: schema ? (readJson(schema, BUNDLE_FILES.inputSchema) as InputColumn[]) : null,
  }
}

function readJson(file: Uint8Array, name: string): unknown {
  return parseUntrustedJson(strFromU8(file), `The bundle's ${name}`, DOWNLOAD_AGAIN)
}
