import { strToU8 } from 'fflate'
import predictHtml from './bundle-templates/predict.html?raw'
import predictScript from './bundle-templates/predict.js?raw'
import serveScript from './bundle-templates/serve.mjs?raw'
import { BUNDLE_FILES, type ModelBundle } from './bundle'

/** Where the page finds the built runtime (vite.runtime.config.ts puts it in public/runtime/). */
export const RUNTIME_PATH = 'runtime/model-runtime.js'

/** The built runtime's text, from the studio's own origin (nothing leaves the page). */
export async function fetchRuntime(): Promise<string> {
  const response = await fetch(`${import.meta.env.BASE_URL}${RUNTIME_PATH}`)
  if (!response.ok)
    throw new Error(
      `The model runtime could not be read (${response.status}). Reload the page and try again.`,
    )
  return response.text()
}

function base64(bytes: Uint8Array): string {
  let binary = ''
  // In slices: String.fromCharCode with a million arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * model.json, the weights (base64), the recipe and the input schema as one classic script:
 * predict.html opened from an unzipped folder (file://) may not fetch the files beside it.
 */
function modelData(bundle: ModelBundle): string {
  const data = {
    modelJson: bundle.model.modelJson,
    weightsBase64: base64(new Uint8Array(bundle.model.weights)),
    recipe: bundle.recipe,
    inputSchema: bundle.inputSchema,
  }
  return `// The model for predict.html (the same files as model.json, weights.bin, recipe.json).\nwindow.MODEL_STUDIO_BUNDLE = ${JSON.stringify(data)};\n`
}

function packageJson(bundle: ModelBundle): string {
  const { target, source } = bundle.recipe
  const name = `${source.name}-${target.column}`
    .toLowerCase()
    .replace(/\.[a-z0-9]+-/, '-')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `${JSON.stringify(
    {
      name: `model-${name || 'studio'}`.slice(0, 200),
      version: '1.0.0',
      private: true,
      description: `Predicts ${target.column} (${target.task}); trained in Model Studio on ${source.name}.`,
      scripts: { start: 'node serve.mjs' },
      engines: { node: '>=18' },
    },
    null,
    2,
  )}\n`
}

/**
 * The files that make a bundle run by itself, by name: predict.html (+ predict.js and
 * model-data.js), model-runtime.js, serve.mjs and package.json (no dependencies, and no
 * "type": "module", so model-runtime.js loads as CommonJS under Node).
 */
export function runtimeFiles(bundle: ModelBundle, runtimeJs: string): Record<string, Uint8Array> {
  return {
    [BUNDLE_FILES.predictHtml]: strToU8(predictHtml),
    [BUNDLE_FILES.predictScript]: strToU8(predictScript),
    [BUNDLE_FILES.modelData]: strToU8(modelData(bundle)),
    [BUNDLE_FILES.runtime]: strToU8(runtimeJs),
    [BUNDLE_FILES.serve]: strToU8(serveScript),
    [BUNDLE_FILES.packageJson]: strToU8(packageJson(bundle)),
  }
}
