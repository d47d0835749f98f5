import { describe, expect, it } from 'vitest'
import { fitGeometry, looksGreyscale, resizeImage } from './resize'
import type { ResizeSpec } from './rgba-image'
import { paint } from './test-images'

const grey = (width: number, height: number, fit: ResizeSpec['fit'] = 'stretch'): ResizeSpec => ({
  width,
  height,
  channels: 1,
  fit,
})
const rgb = (width: number, height: number, fit: ResizeSpec['fit'] = 'stretch'): ResizeSpec => ({
  width,
  height,
  channels: 3,
  fit,
})

describe('resizeImage', () => {
  it('keeps a picture of the output size exactly, channels last', () => {
    const image = paint(3, 2, (x, y) => [10 * x, 100 + y, 200])
    expect([...resizeImage(image, rgb(3, 2))]).toEqual([
      0, 100, 200, 10, 100, 200, 20, 100, 200, 0, 101, 200, 10, 101, 200, 20, 101, 200,
    ])
  })

  it('averages the area when shrinking a gradient', () => {
    // 0, 32, …, 224 across 8 pixels, to 4: each output pixel is the mean of two.
    const image = paint(8, 1, (x) => [32 * x])
    expect([...resizeImage(image, grey(4, 1))]).toEqual([16, 80, 144, 208])
  })

  it('turns a fine checkerboard into flat grey instead of aliasing it', () => {
    const board = paint(8, 8, (x, y) => [(x + y) % 2 === 0 ? 255 : 0])
    const out = resizeImage(board, grey(4, 4))
    // Each output pixel covers two black and two white pixels: 127.5, rounded to even.
    expect(new Set(out)).toEqual(new Set([128]))
    // A shrink by a non-integer factor still keeps the mean brightness.
    const odd = resizeImage(board, grey(3, 3))
    for (const v of odd) expect(Math.abs(v - 127.5)).toBeLessThan(30)
  })

  it('interpolates linearly between pixel centres when enlarging', () => {
    const image = paint(2, 1, (x) => [255 * x])
    // Centres of 4 output pixels fall at −0.25 (edge), 0.25, 0.75 and 1.25 (edge) source pixels.
    expect([...resizeImage(image, grey(4, 1))]).toEqual([0, 64, 191, 255])
  })

  it('gives grey as ITU-R BT.601 luma', () => {
    const red = paint(1, 1, () => [255, 0, 0])
    const green = paint(1, 1, () => [0, 255, 0])
    const blue = paint(1, 1, () => [0, 0, 255])
    expect(resizeImage(red, grey(4, 4))[0]).toBe(76)
    expect(resizeImage(green, grey(4, 4))[0]).toBe(150)
    expect(resizeImage(blue, grey(4, 4))[0]).toBe(29)
  })

  it('composites transparent pixels onto black', () => {
    const image = paint(2, 1, (x) => [255, 255, 255, x === 0 ? 0 : 255])
    expect([...resizeImage(image, grey(2, 1))]).toEqual([0, 255])
  })

  it('contain keeps the whole wide picture and pads above and below with black', () => {
    const wide = paint(4, 2, () => [200])
    const out = resizeImage(wide, grey(4, 4, 'contain'))
    expect([...out]).toEqual([0, 0, 0, 0, 200, 200, 200, 200, 200, 200, 200, 200, 0, 0, 0, 0])
  })

  it('cover fills the square with the centre of a wide picture', () => {
    // Columns: red, green, blue, white; the centre square is green and blue.
    const colours = [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [255, 255, 255],
    ]
    const wide = paint(4, 2, (x) => colours[x] ?? [])
    const out = resizeImage(wide, rgb(1, 1, 'cover'))
    expect([...out]).toEqual([0, 128, 128])
    expect([...resizeImage(wide, rgb(2, 2, 'cover'))]).toEqual([
      0, 255, 0, 0, 0, 255, 0, 255, 0, 0, 0, 255,
    ])
  })

  it('stretch squeezes a wide picture without cropping', () => {
    const wide = paint(4, 2, (x) => [x < 2 ? 0 : 255])
    expect([...resizeImage(wide, grey(2, 2))]).toEqual([0, 255, 0, 255])
  })

  it('refuses pixel data of the wrong length, saying how many bytes were expected', () => {
    expect(() =>
      resizeImage({ width: 2, height: 2, data: new Uint8ClampedArray(4) }, grey(4, 4)),
    ).toThrow(/2 × 2 pixels came with 4 bytes instead of 16/)
  })
})

describe('fitGeometry', () => {
  it('centres a tall picture inside a square for contain', () => {
    expect(fitGeometry(10, 20, grey(8, 8, 'contain')).dst).toEqual({ x: 2, y: 0, w: 4, h: 8 })
  })

  it('crops the middle of a tall picture for cover', () => {
    expect(fitGeometry(10, 20, grey(8, 8, 'cover')).src).toEqual({ x: 0, y: 5, w: 10, h: 10 })
  })
})

describe('looksGreyscale', () => {
  it('tells grey pictures from coloured ones', () => {
    const greyPicture = paint(3, 3, (x) => [40 * x])
    const tinted = paint(3, 3, (x, y) => (x === 2 && y === 2 ? [200, 90, 90] : [50]))
    expect(looksGreyscale([greyPicture])).toBe(true)
    expect(looksGreyscale([greyPicture, tinted])).toBe(false)
  })
})
