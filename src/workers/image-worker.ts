// The image worker: unzips, sorts files into classes, decodes every picture to check it and learn
// its size, and makes small previews, all off the main thread.
import { IMAGE_HEAD_BYTES } from '../core/images/image-format'
import { planImageDataset, type SourceEntry } from '../core/images/image-dataset'
import { assembleImageDataset, type ImageDataset } from '../core/images/image-summary'
import { readZipEntries } from '../core/images/read-zip'
import { DataError } from '../core/table/parse-delimited'
import type { ImageReply, ImageRequest } from './image-protocol'

/** Previews per class; the view says "+N more" for the rest. */
const PREVIEWS_PER_CLASS = 24
/** Longest side of a preview, in pixels: sharp at 64 CSS pixels on a 2× screen. */
const PREVIEW_SIDE = 128
/** Pictures decoded at once: the browser decodes on its own threads, so requests overlap well. */
const DECODE_CONCURRENCY = 16

const post = (reply: ImageReply) => self.postMessage(reply)

self.addEventListener('message', (event: MessageEvent<ImageRequest>) => {
  void (async () => {
    try {
      post({ type: 'done', dataset: await load(event.data) })
    } catch (error) {
      post({
        type: 'error',
        message:
          error instanceof DataError
            ? error.message
            : `The pictures could not be read (${error instanceof Error ? error.message : String(error)}). Try again, or load a .zip of the folder.`,
      })
    }
  })()
})

async function load(request: ImageRequest): Promise<ImageDataset> {
  post({ type: 'progress', stage: 'reading', done: 0, total: 1 })
  const { entries, blobOf } =
    request.type === 'zip' ? await zipEntries(request.zip) : await fileEntries(request)
  const source = request.type === 'zip' ? 'zip' : request.source
  const plan = planImageDataset(entries, source)
  const blobs = plan.images.map((image) => blobOf(image.entry, image.format))
  const decoded = await mapConcurrently(blobs, decodeSize, (done) =>
    post({ type: 'progress', stage: 'decoding', done, total: blobs.length }),
  )
  const dataset = assembleImageDataset(request.name, source, plan, decoded, blobs)
  const classes = await Promise.all(
    dataset.classes.map(async (imageClass, classIndex) => {
      const shown = dataset.images
        .filter((image) => image.classIndex === classIndex)
        .slice(0, PREVIEWS_PER_CLASS)
      return { ...imageClass, previews: await Promise.all(shown.map(preview)) }
    }),
  )
  return { ...dataset, classes }
}

async function zipEntries(zip: Blob) {
  const entries = readZipEntries(new Uint8Array(await zip.arrayBuffer()))
  const sources: SourceEntry[] = entries.map((e) => ({
    path: e.path,
    isFolder: e.isFolder,
    head: e.bytes ? e.bytes.subarray(0, IMAGE_HEAD_BYTES) : null,
  }))
  const blobOf = (index: number, format: string) =>
    new Blob([entries[index]?.bytes ?? new Uint8Array()], { type: `image/${format}` })
  return { entries: sources, blobOf }
}

async function fileEntries(request: Extract<ImageRequest, { type: 'files' }>) {
  const heads = await Promise.all(
    request.files.map(
      async (f) => new Uint8Array(await f.file.slice(0, IMAGE_HEAD_BYTES).arrayBuffer()),
    ),
  )
  const sources: SourceEntry[] = [
    ...request.files.map((f, i) => ({ path: f.path, isFolder: false, head: heads[i] ?? null })),
    ...request.folders.map((path) => ({ path, isFolder: true, head: null })),
  ]
  const blobOf = (index: number) => request.files[index]?.file ?? new Blob()
  return { entries: sources, blobOf }
}

async function decodeSize(blob: Blob): Promise<{ width: number; height: number } | null> {
  try {
    const bitmap = await createImageBitmap(blob)
    const size = { width: bitmap.width, height: bitmap.height }
    bitmap.close()
    return size.width > 0 && size.height > 0 ? size : null
  } catch {
    return null
  }
}

/** The picture itself when it is small already, else a downscaled WebP copy. */
async function preview(image: { blob: Blob; width: number; height: number }): Promise<Blob> {
  const scale = PREVIEW_SIDE / Math.max(image.width, image.height)
  if (scale >= 1) return image.blob
  const width = Math.max(1, Math.round(image.width * scale))
  const height = Math.max(1, Math.round(image.height * scale))
  try {
    const bitmap = await createImageBitmap(image.blob, {
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: 'medium',
    })
    const canvas = new OffscreenCanvas(width, height)
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0)
    bitmap.close()
    return await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 })
  } catch {
    return image.blob
  }
}

async function mapConcurrently<T, R>(
  items: readonly T[],
  task: (item: T) => Promise<R>,
  onProgress: (done: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let done = 0
  let lastReport = 0
  const runner = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T)
      done++
      const now = performance.now()
      if (now - lastReport > 100 || done === items.length) {
        lastReport = now
        onProgress(done)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(DECODE_CONCURRENCY, items.length) }, runner))
  return results
}
