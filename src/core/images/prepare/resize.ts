import type { ResizeSpec, RgbaImage } from './rgba-image'

/** A source rectangle (fractional pixels) drawn onto a destination rectangle (whole pixels). */
export interface FitGeometry {
  readonly src: { readonly x: number; readonly y: number; readonly w: number; readonly h: number }
  readonly dst: { readonly x: number; readonly y: number; readonly w: number; readonly h: number }
}

/**
 * Where the picture lands in the output. stretch maps the whole picture onto the whole output;
 * cover scales it until it fills the output and keeps the centre (what overflows is cropped);
 * contain scales it until it fits and centres it, leaving black bars (value 0 in every channel,
 * as TensorFlow's resize_with_pad does: the bars are the same whatever the picture, so the
 * network learns to ignore them, where an edge colour would differ from picture to picture).
 */
export function fitGeometry(width: number, height: number, spec: ResizeSpec): FitGeometry {
  const full = { x: 0, y: 0, w: spec.width, h: spec.height }
  if (spec.fit === 'stretch') return { src: { x: 0, y: 0, w: width, h: height }, dst: full }
  if (spec.fit === 'cover') {
    const scale = Math.max(spec.width / width, spec.height / height)
    const w = spec.width / scale
    const h = spec.height / scale
    return { src: { x: (width - w) / 2, y: (height - h) / 2, w, h }, dst: full }
  }
  const scale = Math.min(spec.width / width, spec.height / height)
  const w = Math.min(spec.width, Math.max(1, Math.round(width * scale)))
  const h = Math.min(spec.height, Math.max(1, Math.round(height * scale)))
  return {
    src: { x: 0, y: 0, w: width, h: height },
    dst: { x: Math.floor((spec.width - w) / 2), y: Math.floor((spec.height - h) / 2), w, h },
  }
}

/** For each output pixel along one axis, the source pixels it reads and their weights (sum 1). */
interface AxisWeights {
  /** Output pixel i reads entries start[i] … start[i + 1] − 1. */
  readonly start: Int32Array
  readonly index: Int32Array
  readonly weight: Float32Array
}

/**
 * Weights along one axis. Shrinking (or keeping the size) averages the source area each output
 * pixel covers, so every source pixel counts and fine detail such as a checkerboard becomes its
 * mean grey instead of aliasing. Enlarging interpolates linearly between the two nearest source
 * pixel centres (bilinear over both axes), repeating the edge pixels beyond the border.
 */
function axisWeights(start: number, length: number, n: number, size: number): AxisWeights {
  const step = length / n
  const starts = new Int32Array(n + 1)
  const index: number[] = []
  const weight: number[] = []
  const clamp = (k: number) => Math.min(size - 1, Math.max(0, k))
  for (let i = 0; i < n; i++) {
    starts[i] = index.length
    if (step >= 1) {
      const a = start + i * step
      const b = a + step
      for (let k = Math.floor(a); k < Math.ceil(b - 1e-9); k++) {
        const overlap = Math.min(b, k + 1) - Math.max(a, k)
        if (overlap <= 1e-9) continue
        index.push(clamp(k))
        weight.push(overlap / step)
      }
    } else {
      const p = Math.min(size - 1, Math.max(0, start + (i + 0.5) * step - 0.5))
      const k = Math.floor(p)
      const t = p - k
      index.push(k)
      weight.push(1 - t)
      if (t > 0) {
        index.push(clamp(k + 1))
        weight.push(t)
      }
    }
  }
  starts[n] = index.length
  return { start: starts, index: Int32Array.from(index), weight: Float32Array.from(weight) }
}

/**
 * The picture as `channels` planes of floats: transparent pixels composited onto black (the
 * same black as the padding), and for one channel the ITU-R BT.601 luma
 * 0.299 R + 0.587 G + 0.114 B, the weighting most greyscale image tools use.
 */
function planes(image: RgbaImage, channels: 1 | 3): Float32Array[] {
  const n = image.width * image.height
  const out = Array.from({ length: channels }, () => new Float32Array(n))
  const d = image.data
  for (let p = 0; p < n; p++) {
    const alpha = (d[p * 4 + 3] as number) / 255
    const r = (d[p * 4] as number) * alpha
    const g = (d[p * 4 + 1] as number) * alpha
    const b = (d[p * 4 + 2] as number) * alpha
    if (channels === 1) (out[0] as Float32Array)[p] = 0.299 * r + 0.587 * g + 0.114 * b
    else {
      ;(out[0] as Float32Array)[p] = r
      ;(out[1] as Float32Array)[p] = g
      ;(out[2] as Float32Array)[p] = b
    }
  }
  return out
}

/**
 * Resizes one decoded picture as the image-resize step says: height × width × channels values,
 * channels last, rounded to 0…255. Separable: a horizontal pass, then a vertical one.
 */
export function resizeImage(image: RgbaImage, spec: ResizeSpec): Uint8ClampedArray {
  if (image.width < 1 || image.height < 1 || image.data.length !== image.width * image.height * 4) {
    throw new Error(
      `A picture of ${image.width} × ${image.height} pixels came with ${image.data.length} bytes instead of ${image.width * image.height * 4}: decode it again.`,
    )
  }
  const { src, dst } = fitGeometry(image.width, image.height, spec)
  const xs = axisWeights(src.x, src.w, dst.w, image.width)
  const ys = axisWeights(src.y, src.h, dst.h, image.height)
  const out = new Uint8ClampedArray(spec.width * spec.height * spec.channels)
  const row = new Float32Array(image.height * dst.w)
  planes(image, spec.channels).forEach((plane, c) => {
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < dst.w; x++) {
        let sum = 0
        for (let j = xs.start[x] as number; j < (xs.start[x + 1] as number); j++)
          sum += (xs.weight[j] as number) * (plane[y * image.width + (xs.index[j] as number)] ?? 0)
        row[y * dst.w + x] = sum
      }
    }
    for (let y = 0; y < dst.h; y++) {
      for (let x = 0; x < dst.w; x++) {
        let sum = 0
        for (let j = ys.start[y] as number; j < (ys.start[y + 1] as number); j++)
          sum += (ys.weight[j] as number) * (row[(ys.index[j] as number) * dst.w + x] ?? 0)
        out[((dst.y + y) * spec.width + dst.x + x) * spec.channels + c] = sum
      }
    }
  })
  return out
}

/** True when every pixel of every picture is grey (R, G and B within `tolerance` of each other). */
export function looksGreyscale(images: readonly RgbaImage[], tolerance = 4): boolean {
  for (const { data } of images) {
    for (let p = 0; p < data.length; p += 4) {
      const r = data[p] as number
      const g = data[p + 1] as number
      const b = data[p + 2] as number
      if (Math.abs(r - g) > tolerance || Math.abs(g - b) > tolerance) return false
    }
  }
  return true
}
