// Synthetic pictures for the image preparation tests: every expected value can be worked out by hand.
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
