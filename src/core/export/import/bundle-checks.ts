import { z } from '../../zod'
import { COLUMN_TYPES } from '../../table/column-type'
import type { ModelBundle } from '../bundle'
import type { InputColumn } from '../input-schema'

/** The biggest bundle the studio opens: a browser tab holds it, unzipped, in memory. */
export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024

const cell = z.union([z.number(), z.string()]).nullable()

/** input-schema.json as written by `inputSchemaOf`; anything else is refused, not guessed at. */
const inputColumnSchema = z.strictObject({
  name: z.string().min(1).max(1000),
  kind: z.enum(['numeric', 'categorical']),
  type: z.enum(COLUMN_TYPES).nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  categories: z.array(z.string()).max(100_000),
  missingSeen: z.boolean(),
  typical: cell,
})

const BYTES_PER_VALUE: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
}

const manifestSchema = z.object({
  modelTopology: z.object({}).loose(),
  weightsManifest: z
    .array(
      z.object({
        paths: z.array(z.string()),
        weights: z.array(
          z.object({
            name: z.string(),
            shape: z.array(z.number().int().nonnegative()),
            dtype: z.string(),
            quantization: z.object({ dtype: z.string() }).loose().optional(),
          }),
        ),
      }),
    )
    .min(1),
})

/** Bytes weights.bin must hold for the manifest in model.json. */
function manifestBytes(manifest: z.infer<typeof manifestSchema>): number {
  let total = 0
  for (const group of manifest.weightsManifest) {
    for (const weight of group.weights) {
      const dtype = weight.quantization?.dtype ?? weight.dtype
      const size = BYTES_PER_VALUE[dtype]
      if (size === undefined)
        throw new Error(
          `model.json stores the weight "${weight.name}" as ${dtype}, which the studio cannot read.`,
        )
      total += size * weight.shape.reduce((a, b) => a * b, 1)
    }
  }
  return total
}

/**
 * Bytes the weights must hold for model.json's manifest (a damaged or missing shard is named
 * before TensorFlow.js reads garbage), or throws saying why model.json cannot be read.
 */
export function expectedWeightBytes(modelJson: string): number {
  const manifest = manifestSchema.safeParse(JSON.parse(modelJson))
  if (!manifest.success)
    throw new Error(
      `model.json is not a TensorFlow.js Layers model (${firstIssue(manifest.error)}).`,
    )
  return manifestBytes(manifest.data)
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue?.path.join('.') ?? ''
  return `${where ? `at "${where}": ` : ''}${issue?.message ?? 'unknown problem'}`
}

/**
 * A bundle read from a file is checked before anything uses it: the model files agree with each
 * other (a truncated weights.bin is named, not loaded as garbage) and the input schema has
 * exactly the fields the studio writes. Returns the bundle with its schema typed.
 */
export function checkBundle(bundle: ModelBundle): ModelBundle {
  let json: unknown
  try {
    json = JSON.parse(bundle.model.modelJson)
  } catch {
    throw new Error(
      "The bundle's model.json is not valid JSON (the file may be damaged). Download the bundle again.",
    )
  }
  const manifest = manifestSchema.safeParse(json)
  if (!manifest.success)
    throw new Error(
      `The bundle's model.json is not a TensorFlow.js Layers model (${firstIssue(manifest.error)}).`,
    )
  const expected = manifestBytes(manifest.data)
  const actual = bundle.model.weights.byteLength
  if (expected !== actual)
    throw new Error(
      `The bundle's weights.bin holds ${actual.toLocaleString('en')} bytes but model.json needs ${expected.toLocaleString('en')}: the file is damaged or from another model. Download the bundle again.`,
    )
  let inputSchema: InputColumn[] | null = null
  if (bundle.inputSchema !== null) {
    const parsed = z.array(inputColumnSchema).max(100_000).safeParse(bundle.inputSchema)
    if (!parsed.success)
      throw new Error(`The bundle's input-schema.json is not valid (${firstIssue(parsed.error)}).`)
    inputSchema = parsed.data
  }
  if (bundle.recipe.source.kind === 'table' && !bundle.recipe.features)
    throw new Error(
      "The bundle's recipe was never fitted, so it cannot prepare rows. Download the bundle again from a trained model.",
    )
  return { ...bundle, inputSchema }
}
