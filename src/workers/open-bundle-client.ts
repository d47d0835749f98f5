import type { OpenBundleReply, OpenBundleRequest } from './open-bundle-protocol'

export type OpenedBundle = Extract<OpenBundleReply, { type: 'done' }>

/** Opens a bundle in a worker of its own; the promise rejects with a message for the analyst. */
export function openBundleInWorker(request: OpenBundleRequest): Promise<OpenedBundle> {
  const worker = new Worker(new URL('./open-bundle-worker.ts', import.meta.url), {
    type: 'module',
    name: 'open-bundle',
  })
  return new Promise<OpenedBundle>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<OpenBundleReply>) => {
      worker.terminate()
      const message = event.data
      if (message.type === 'done') resolve(message)
      else reject(new Error(message.message))
    })
    worker.addEventListener('error', (event) => {
      worker.terminate()
      reject(
        new Error(
          `The bundle could not be opened (${event.message || 'the page ran out of memory'}). Try again, or a smaller model.`,
        ),
      )
    })
    worker.postMessage(request, [request.zip])
  }).finally(() => worker.terminate())
}
