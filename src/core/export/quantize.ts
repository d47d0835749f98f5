import type { SavedModelFiles } from './model-files'

/** How a bundle's weights are stored: as trained, or smaller at some loss of accuracy. */
export const WEIGHT_QUANTIZATIONS = ['float32', 'float16', 'uint8'] as const
export type WeightQuantization = (typeof WEIGHT_QUANTIZATIONS)[number]

/** A weight as model.json's `weightsManifest` lists it (tfjs-core's `WeightsManifestEntry`). */
interface WeightEntry {
  name: string
  shape: number[]
  dtype: string
  quantization?: { dtype: string; min?: number; scale?: number }
}

interface ModelJson {
  weightsManifest: { paths: string[]; weights: WeightEntry[] }[]
  [key: string]: unknown
}

const BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1 }

/** The largest finite float16: a weight beyond it would load as Infinity. */
const FLOAT16_MAX = 65504

function quantizedBytes(values: Float32Array, quantization: 'float16' | 'uint8') {
  if (quantization === 'float16') {
    for (const v of values) if (!(Math.abs(v) <= FLOAT16_MAX)) return null
    const out = new Uint16Array(values.length)
    values.forEach((v, i) => (out[i] = float16Bits(v)))
    return { bytes: new Uint8Array(out.buffer), meta: { dtype: 'float16' } }
  }
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (!Number.isFinite(v)) return null
    if (v < min) min = v
    if (v > max) max = v
  }
  if (values.length === 0) min = max = 0
  const range = affineRange(min, max)
  const out = new Uint8Array(values.length)
  values.forEach((v, i) => {
    const clipped = Math.min(range.max, Math.max(range.min, v))
    out[i] = Math.round((clipped - range.min) / range.scale)
  })
  return { bytes: out, meta: { dtype: 'uint8', min: range.min, scale: range.scale } }
}

/**
 * tfjs-converter's affine range (quantization.py): 255 steps from min to max, with min nudged so
 * that 0 falls exactly on a step. Zero weights (biases at start, pruned units) stay exactly zero.
 */
function affineRange(min: number, max: number): { min: number; max: number; scale: number } {
  if (min === max) return { min, max, scale: 1 }
  const scale = (max - min) / 255
  if (min <= 0 && max >= 0) {
    const zero = Math.round(-min / scale)
    const nudgedMin = -zero * scale
    return { min: nudgedMin, max: 255 * scale + nudgedMin, scale }
  }
  return { min, max, scale }
}

/**
 * The model files with weights stored as `quantization`, in TensorFlow.js's own manifest format
 * (`tf.loadLayersModel` dequantises as it loads): each float32 weight gets
 * `quantization: {dtype: 'float16'}` or `{dtype: 'uint8', min, scale}`, as tfjs-converter writes
 * them. Weights that are not float32 (int32 counters, if a layer ever saves one) and weights the
 * format cannot hold (beyond float16's range, not finite) stay as they were.
 */
export function quantizeModelFiles(
  files: SavedModelFiles,
  quantization: WeightQuantization,
): SavedModelFiles {
  if (quantization === 'float32') return files
  const json = JSON.parse(files.modelJson) as ModelJson
  const described = json.weightsManifest
    .flatMap((g) => g.weights)
    .reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1) * (BYTES[w.dtype] ?? 0), 0)
  if (described !== files.weights.byteLength)
    throw new Error(
      `weights.bin holds ${files.weights.byteLength} bytes but model.json describes ${described}: the model files do not belong together.`,
    )
  const parts: Uint8Array[] = []
  let offset = 0
  const manifest = json.weightsManifest.map((group) => ({
    ...group,
    weights: group.weights.map((entry): WeightEntry => {
      if (entry.quantization)
        throw new Error(
          `The weight ${entry.name} is already stored as ${entry.quantization.dtype}: quantise the model as trained, not a quantised copy.`,
        )
      const count = entry.shape.reduce((a, b) => a * b, 1)
      const width = BYTES[entry.dtype]
      if (width === undefined)
        throw new Error(`The weight ${entry.name} has a type (${entry.dtype}) bundles cannot hold.`)
      const raw = new Uint8Array(files.weights, offset, count * width)
      offset += count * width
      const quantized =
        entry.dtype === 'float32'
          ? quantizedBytes(new Float32Array(raw.slice().buffer), quantization)
          : null
      if (!quantized) {
        parts.push(raw)
        return entry
      }
      parts.push(quantized.bytes)
      return { ...entry, quantization: quantized.meta }
    }),
  }))
  const weights = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    weights.set(part, at)
    at += part.length
  }
  return {
    modelJson: JSON.stringify({ ...json, weightsManifest: manifest }),
    weights: weights.buffer,
  }
}

/** The quantisation model.json says its weights are stored with (float32 when none). */
export function quantizationOf(files: SavedModelFiles): WeightQuantization {
  const json = JSON.parse(files.modelJson) as ModelJson
  const dtypes = json.weightsManifest.flatMap((g) => g.weights.map((w) => w.quantization?.dtype))
  if (dtypes.includes('uint8')) return 'uint8'
  if (dtypes.includes('float16')) return 'float16'
  return 'float32'
}

const f32 = new Float32Array(1)
const u32 = new Uint32Array(f32.buffer)

/**
 * The IEEE 754 half-precision bits of a number, rounded to nearest with ties to even (what
 * numpy's `astype(float16)` and so tfjs-converter give). Beyond ±65504 it is ±Infinity.
 */
export function float16Bits(value: number): number {
  f32[0] = value
  const x = u32[0] as number
  const sign = (x >>> 16) & 0x8000
  const exponent = (x >>> 23) & 0xff
  const mantissa = x & 0x7fffff
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0)
  // Re-bias from float32's 127 to float16's 15.
  const e = exponent - 127 + 15
  if (e >= 0x1f) return sign | 0x7c00
  if (e <= 0) {
    // Subnormal (or zero): shift the mantissa, with its hidden bit, into 10 bits.
    if (e < -10) return sign
    const full = mantissa | 0x800000
    const shift = 14 - e
    const half = full >>> shift
    const rest = full & ((1 << shift) - 1)
    const midpoint = 1 << (shift - 1)
    const rounded = rest > midpoint || (rest === midpoint && (half & 1) === 1) ? half + 1 : half
    return sign | rounded
  }
  const half = (e << 10) | (mantissa >>> 13)
  const rest = mantissa & 0x1fff
  // A carry out of the mantissa moves into the exponent: exactly the next representable value.
  const rounded = rest > 0x1000 || (rest === 0x1000 && (half & 1) === 1) ? half + 1 : half
  return sign | rounded
}
