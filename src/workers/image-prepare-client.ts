import type { ResizedImages, ResizeSpec } from '../core/images/prepare/rgba-image'
import type { ImagePrepareReply, ImagePrepareRequest } from './image-prepare-protocol'

/** A request answered by a newer one: its caller should let the newer result speak. */
export class PrepareSuperseded extends Error {
  override readonly name = 'PrepareSuperseded'
}

type Pending = {
  readonly resolve: (reply: ImagePrepareReply) => void
  readonly reject: (error: Error) => void
  readonly onProgress?: (done: number, total: number) => void
}

let worker: Worker | null = null
let nextId = 0
const pending = new Map<number, Pending>()

/** One long-lived worker: a new request supersedes the one before it. */
function send(request: ImagePrepareRequest, entry: Pending): void {
  if (!worker) {
    worker = new Worker(new URL('./image-prepare-worker.ts', import.meta.url), {
      type: 'module',
      name: 'image-prepare',
    })
    worker.addEventListener('message', (event: MessageEvent<ImagePrepareReply>) => {
      const reply = event.data
      const waiting = pending.get(reply.id)
      if (!waiting) return
      if (reply.type === 'progress') return waiting.onProgress?.(reply.done, reply.total)
      pending.delete(reply.id)
      if (reply.type === 'error') waiting.reject(new Error(reply.message))
      else waiting.resolve(reply)
    })
    worker.addEventListener('error', (event) => {
      event.preventDefault()
      const message = `The picture preparation stopped unexpectedly (${event.message || 'no details'}). Reload the page and try again.`
      for (const waiting of pending.values()) waiting.reject(new Error(message))
      pending.clear()
      worker?.terminate()
      worker = null
    })
  }
  for (const [id, older] of pending) {
    older.reject(new PrepareSuperseded('A newer request replaced this one.'))
    pending.delete(id)
  }
  pending.set(request.id, entry)
  worker.postMessage(request)
}

function ask(request: ImagePrepareRequest, onProgress?: Pending['onProgress']) {
  return new Promise<ImagePrepareReply>((resolve, reject) =>
    send(request, { resolve, reject, ...(onProgress && { onProgress }) }),
  )
}

/** Whether the given pictures are all grey (decoded off the main thread). */
export async function probeGreyInWorker(blobs: readonly Blob[]): Promise<boolean> {
  const reply = await ask({ type: 'probe', id: ++nextId, blobs })
  return reply.type === 'probed' ? reply.grey : false
}

/** Every picture decoded and resized in the worker; rejects with PrepareSuperseded when replaced. */
export async function resizeInWorker(
  blobs: readonly Blob[],
  labels: Int32Array,
  spec: ResizeSpec,
  onProgress: (done: number, total: number) => void,
): Promise<ResizedImages> {
  const reply = await ask({ type: 'resize', id: ++nextId, blobs, labels, spec }, onProgress)
  if (reply.type !== 'resized') throw new Error('The picture preparation answered out of turn.')
  return reply.images
}
