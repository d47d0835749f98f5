import type { RgbaImage } from '../core/images/prepare/rgba-image'

/**
 * A picture file's own pixel values, read in a worker as the image preparation worker reads the
 * training pictures: no colour-profile conversion, alpha not premultiplied, so a picture scored on
 * Deploy gives the network the numbers it gave it in training.
 */
export async function decodePicture(blob: Blob): Promise<RgbaImage> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(blob, {
      colorSpaceConversion: 'none',
      premultiplyAlpha: 'none',
    })
  } catch {
    throw new Error(
      'The browser could not decode this picture: the file may be damaged or cut short.',
    )
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('This browser cannot draw pictures in a worker (no 2D canvas).')
  context.drawImage(bitmap, 0, 0)
  bitmap.close()
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height)
  return { data, width, height }
}
