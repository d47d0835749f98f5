import type { ImageDataset } from '../core/images/image-summary'
import type { ImageReply, ImageRequest } from './image-protocol'

export type ImageProgress = Extract<ImageReply, { type: 'progress' }>

/** Reads pictures into an ImageDataset in a worker; rejects with a message the analyst can act on. */
export function loadImagesInWorker(
  request: ImageRequest,
  onProgress: (progress: ImageProgress) => void,
): Promise<ImageDataset> {
  const worker = new Worker(new URL('./image-worker.ts', import.meta.url), {
    type: 'module',
    name: 'images',
  })
  return new Promise<ImageDataset>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ImageReply>) => {
      const reply = event.data
      if (reply.type === 'progress') {
        onProgress(reply)
        return
      }
      worker.terminate()
      if (reply.type === 'done') resolve(reply.dataset)
      else reject(new Error(reply.message))
    })
    worker.addEventListener('error', (event) => {
      worker.terminate()
      reject(
        new Error(
          `The picture reader stopped unexpectedly (${event.message || 'no details'}). Try again, or load fewer pictures.`,
        ),
      )
    })
    worker.postMessage(request)
  })
}
