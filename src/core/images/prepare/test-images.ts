// Pictures for the image preparation tests: synthetic ones whose values can be worked out by hand,
// and the bundled digits decoded in Node.
import { unzlibSync } from 'fflate'
import type { RgbaImage } from './rgba-image'

/** A picture whose pixel (x, y) has the colour colourAt(x, y) = [r, g, b] or [r, g, b, a]. */
export function paint(
  width: number,
  height: number,
  colourAt: (x: number, y: number) => readonly number[],
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r = 0, g = r, b = r, a = 255] = colourAt(x, y)
      data.set([r, g, b, a], (y * width + x) * 4)
    }
  }
  return { width, height, data }
}

/** Grey pictures of one value each, for statistics that are easy to check. */
export function flat(width: number, height: number, value: number): RgbaImage {
  return paint(width, height, () => [value])
}

/**
 * Decodes the 8-bit greyscale, non-interlaced PNGs of the bundled digits (what their generator
 * writes) in Node, where no browser decoder exists: inflate the IDAT data, undo each row's filter.
 */
export function decodeGreyPng(bytes: Uint8Array): RgbaImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  if (bytes[24] !== 8 || bytes[25] !== 0 || bytes[28] !== 0) {
    throw new Error('decodeGreyPng reads 8-bit greyscale, non-interlaced PNGs only.')
  }
  const idat: Uint8Array[] = []
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  const raw = unzlibSync(concat(idat))
  const grey = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)]
    for (let x = 0; x < width; x++) {
      const v = raw[y * (width + 1) + 1 + x] as number
      const a = x > 0 ? (grey[y * width + x - 1] as number) : 0
      const b = y > 0 ? (grey[(y - 1) * width + x] as number) : 0
      const c = x > 0 && y > 0 ? (grey[(y - 1) * width + x - 1] as number) : 0
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter ?? 0] ?? 0
      grey[y * width + x] = (v + predictor) & 255
    }
  }
  return paint(width, height, (x, y) => [grey[y * width + x] ?? 0])
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
