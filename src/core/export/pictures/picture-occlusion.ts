import type * as tf from '@tensorflow/tfjs'
import { predictMatrix } from '../../model/predict-matrix'
import type { Recipe } from '../../recipe/recipe-schema'
import { decodeOutputs } from '../../recipe/transform'
import { pictureAnswer } from './picture-outputs'
import type { PicturePreparation } from './picture-inputs'

/**
 * Where a picture's prediction comes from, the picture counterpart of reason codes: squares of
 * the resized picture are hidden one at a time (filled with the picture's own average colour, so
 * no new edge or colour appears) and the probability of the predicted class is scored again.
 * `heat` holds, per resized pixel, the mean drop of that probability over the squares covering
 * it: positive where the region supports the prediction, negative where it argues against it.
 */
export interface OcclusionMap {
  readonly width: number
  readonly height: number
  /** height × width, row-major, in probability points (−1…1). */
  readonly heat: Float32Array
  readonly patch: number
  readonly stride: number
  /** The square whose hiding lowers the predicted class's probability most. */
  readonly strongest: { readonly x: number; readonly y: number; readonly drop: number }
}

/** Square side and step: about 7 × 7 overlapping squares whatever the picture's size. */
export function occlusionGrid(width: number, height: number): { patch: number; stride: number } {
  const patch = Math.max(1, Math.ceil(Math.min(width, height) / 4))
  return { patch, stride: Math.max(1, Math.ceil(patch / 2)) }
}

function starts(size: number, patch: number, stride: number): number[] {
  const out: number[] = []
  for (let at = 0; at + patch < size; at += stride) out.push(at)
  out.push(Math.max(0, size - patch))
  return [...new Set(out)]
}

/**
 * The occlusion map of one picture, given its model inputs (`row`: height × width × channels,
 * normalised as the recipe does) and the class whose probability is followed. All squares are
 * scored in one model call.
 */
export async function occlusionMap(
  model: tf.LayersModel,
  recipe: Recipe,
  preparation: PicturePreparation,
  row: Float32Array,
  predicted: number,
): Promise<OcclusionMap> {
  const { width, height, channels } = preparation.spec
  const { patch, stride } = occlusionGrid(width, height)
  const mean = new Float32Array(channels)
  for (let i = 0; i < row.length; i++) {
    const c = i % channels
    mean[c] = (mean[c] ?? 0) + (row[i] ?? 0) / (width * height)
  }
  const xs = starts(width, patch, stride)
  const ys = starts(height, patch, stride)
  const squares = ys.flatMap((y) => xs.map((x) => ({ x, y })))
  const size = row.length
  const values = new Float32Array((squares.length + 1) * size)
  values.set(row, 0)
  squares.forEach(({ x, y }, k) => {
    const base = (k + 1) * size
    values.set(row, base)
    for (let dy = 0; dy < patch && y + dy < height; dy++)
      for (let dx = 0; dx < patch && x + dx < width; dx++)
        for (let c = 0; c < channels; c++)
          values[base + ((y + dy) * width + x + dx) * channels + c] = mean[c] ?? 0
  })
  const outputs = decodeOutputs(
    recipe,
    await predictMatrix(model, { values, rows: squares.length + 1, width: size }),
  )
  const original = pictureAnswer(recipe, outputs, 0).probabilities[predicted] ?? 0
  const sum = new Float32Array(width * height)
  const count = new Float32Array(width * height)
  let strongest = { x: 0, y: 0, drop: -Infinity }
  squares.forEach(({ x, y }, k) => {
    const drop = original - (pictureAnswer(recipe, outputs, k + 1).probabilities[predicted] ?? 0)
    if (drop > strongest.drop) strongest = { x, y, drop }
    for (let dy = 0; dy < patch && y + dy < height; dy++)
      for (let dx = 0; dx < patch && x + dx < width; dx++) {
        const p = (y + dy) * width + x + dx
        sum[p] = (sum[p] ?? 0) + drop
        count[p] = (count[p] ?? 0) + 1
      }
  })
  const heat = sum.map((s, p) => ((count[p] ?? 0) > 0 ? s / (count[p] ?? 1) : 0))
  return { width, height, heat, patch, stride, strongest }
}

const ROWS = ['top', 'middle', 'bottom'] as const
const COLUMNS = ['left', 'centre', 'right'] as const

/** "the top left", "the centre": where a square lies, in words a person uses. */
export function placeOf(
  map: Pick<OcclusionMap, 'width' | 'height' | 'patch'>,
  x: number,
  y: number,
) {
  const third = (at: number, size: number) =>
    Math.min(2, Math.floor(((at + map.patch / 2) / size) * 3))
  const row = ROWS[third(y, map.height)] ?? 'middle'
  const column = COLUMNS[third(x, map.width)] ?? 'centre'
  if (row === 'middle' && column === 'centre') return 'the centre'
  if (row === 'middle') return `the ${column} side`
  if (column === 'centre') return `the ${row} middle`
  return `the ${row} ${column}`
}

/** One sentence on the map, for the picture's card and for screen readers. */
export function describeOcclusion(map: OcclusionMap, className: string): string {
  const { strongest } = map
  const points = (strongest.drop * 100).toFixed(1)
  if (strongest.drop <= 0.005)
    return `Hiding any one part of the picture barely changes the probability of ${className}: the model reads the picture as a whole.`
  return `The model looks most at ${placeOf(map, strongest.x, strongest.y)}: hiding that part lowers the probability of ${className} by ${points} points.`
}
