// The image preparation worker: decodes pictures and resizes them with the core resize, so the
// page stays responsive while thousands of files are read.
import { looksGreyscale, resizeImage } from '../core/images/prepare/resize'
import { valuesPerImage, type RgbaImage } from '../core/images/prepare/rgba-image'
import type { ImagePrepareReply, ImagePrepareRequest } from './image-prepare-protocol'

/** Pictures decoded at once: the browser decodes on its own threads, so requests overlap well. */
const CONCURRENCY = 8
/** Progress reaches the page at most this often. */
const PROGRESS_MS = 100

/** Only the newest request runs to the end; older loops notice and stop. */
let latest = 0

class Superseded extends Error {}

const post = (reply: ImagePrepareReply, transfer: Transferable[] = []) =>
  self.postMessage(reply, { transfer })

/**
 * The file's own pixel values: no colour-profile conversion (as most imaging libraries read
 * them, so a model exported elsewhere sees the same numbers), alpha not premultiplied.
 */
async function decode(blob: Blob, index: number): Promise<RgbaImage> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(blob, {
      colorSpaceConversion: 'none',
      premultiplyAlpha: 'none',
    })
  } catch {
    throw new Error(
      `Picture ${index + 1} could not be decoded again: load the image dataset once more.`,
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

/** Runs `task` on every index, a few at a time, reporting progress; stops when superseded. */
async function forEach(
  id: number,
  count: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  let done = 0
  let reported = 0
  const runner = async () => {
    while (next < count) {
      if (id !== latest) throw new Superseded()
      await task(next++)
      done++
      const now = performance.now()
      if (now - reported > PROGRESS_MS || done === count) {
        reported = now
        post({ type: 'progress', id, done, total: count })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, runner))
}

async function handle(request: ImagePrepareRequest): Promise<void> {
  const { id, blobs } = request
  if (request.type === 'probe') {
    const pictures: RgbaImage[] = []
    await forEach(id, blobs.length, async (i) => {
      pictures[i] = await decode(blobs[i] as Blob, i)
    })
    post({ type: 'probed', id, grey: looksGreyscale(pictures) })
    return
  }
  const { spec, labels } = request
  const size = valuesPerImage(spec)
  const pixels = new Uint8ClampedArray(blobs.length * size)
  await forEach(id, blobs.length, async (i) => {
    pixels.set(resizeImage(await decode(blobs[i] as Blob, i), spec), i * size)
  })
  const images = { ...spec, count: blobs.length, pixels, labels: Int32Array.from(labels) }
  post({ type: 'resized', id, images }, [images.pixels.buffer, images.labels.buffer])
}

self.addEventListener('message', (event: MessageEvent<ImagePrepareRequest>) => {
  latest = event.data.id
  handle(event.data).catch((error: unknown) => {
    if (error instanceof Superseded) return
    post({
      type: 'error',
      id: event.data.id,
      message: error instanceof Error ? error.message : String(error),
    })
  })
})
