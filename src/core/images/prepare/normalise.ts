import type { StepOf } from '../../recipe/step-schema'
import { valuesPerImage, type ResizedImages } from './rgba-image'

export type NormaliseStep = StepOf<'image-normalise'>

/**
 * Learns what the step needs from the training pictures only: for `standard`, the mean and the
 * population standard deviation of each channel, in pixel units (0…255), over every pixel of
 * every training picture. unit and symmetric learn nothing and carry no `fitted`.
 */
export function fitImageNormalise(
  step: NormaliseStep,
  images: ResizedImages,
  trainRows: Int32Array,
): NormaliseStep {
  const unfitted = { ...step }
  delete unfitted.fitted
  if (step.method !== 'standard') return unfitted
  const { channels, pixels } = images
  const size = valuesPerImage(images)
  const sum = new Float64Array(channels)
  const sumSq = new Float64Array(channels)
  for (const row of trainRows) {
    const base = row * size
    for (let i = 0; i < size; i++) {
      const v = pixels[base + i] as number
      const c = i % channels
      sum[c] = (sum[c] as number) + v
      sumSq[c] = (sumSq[c] as number) + v * v
    }
  }
  const n = (trainRows.length * size) / channels
  const mean = Array.from(sum, (s) => (n > 0 ? s / n : 0))
  const std = Array.from(sumSq, (s, c) => {
    const m = mean[c] as number
    return n > 0 ? Math.sqrt(Math.max(0, s / n - m * m)) : 0
  })
  return { ...unfitted, fitted: { mean, std } }
}

/** Per channel, value × scale + offset. */
export interface ChannelAffine {
  readonly scale: Float32Array
  readonly offset: Float32Array
}

/**
 * The affine map of each channel: unit v/255 (0…1), symmetric v/127.5 − 1 (−1…1), standard
 * (v − mean)/std with the fitted statistics. A channel with no spread in the training pictures
 * (std 0) is only centred, since dividing by zero would turn it into infinities. A switched-off
 * step leaves the 0…255 values as they are.
 */
export function channelAffine(step: NormaliseStep | null, channels: number): ChannelAffine {
  const scale = new Float32Array(channels).fill(1)
  const offset = new Float32Array(channels)
  if (!step?.enabled) return { scale, offset }
  for (let c = 0; c < channels; c++) {
    if (step.method === 'unit') scale[c] = 1 / 255
    else if (step.method === 'symmetric') {
      scale[c] = 1 / 127.5
      offset[c] = -1
    } else {
      const mean = step.fitted?.mean[c]
      const std = step.fitted?.std[c]
      if (mean === undefined || std === undefined) {
        throw new Error(
          `The image normalise step "${step.id}" has no mean and std for channel ${c + 1}: fit it on the training pictures first.`,
        )
      }
      scale[c] = std > 0 ? 1 / std : 1
      offset[c] = -mean * (scale[c] as number)
    }
  }
  return { scale, offset }
}

/** Model inputs of the given pictures (rows of `images`), normalised: rows × values per image. */
export function normalisedMatrix(
  images: ResizedImages,
  rows: Int32Array,
  affine: ChannelAffine,
): Float32Array {
  const size = valuesPerImage(images)
  const { channels, pixels } = images
  const out = new Float32Array(rows.length * size)
  rows.forEach((row, r) => {
    const from = row * size
    const to = r * size
    for (let i = 0; i < size; i++) {
      const c = i % channels
      out[to + i] =
        (pixels[from + i] as number) * (affine.scale[c] as number) + (affine.offset[c] as number)
    }
  })
  return out
}
