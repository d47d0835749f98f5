import type { ExplainResult } from '../core/evaluate/explain/explain-job'
import type { ExplainWorkerReply, ExplainWorkerRequest } from './explain-protocol'

export interface ExplainRun {
  readonly result: Promise<ExplainResult>
  /** Stops the worker at once: the promise then never settles. */
  readonly cancel: () => void
}

/** One explanation in a worker of its own, with progress; Cancel ends the worker. */
export function explainInWorker(
  request: ExplainWorkerRequest,
  onProgress: (done: number, total: number) => void,
): ExplainRun {
  const worker = new Worker(new URL('./explain-worker.ts', import.meta.url), {
    type: 'module',
    name: 'explain',
  })
  const result = new Promise<ExplainResult>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ExplainWorkerReply>) => {
      const message = event.data
      if (message.type === 'progress') return onProgress(message.done, message.total)
      worker.terminate()
      if (message.type === 'done') resolve(message.result)
      else reject(new Error(message.message))
    })
    worker.addEventListener('error', (event) => {
      worker.terminate()
      reject(
        new Error(
          `The explanation stopped unexpectedly (${event.message || 'no details'}). Try again.`,
        ),
      )
    })
  })
  worker.postMessage(request)
  return { result, cancel: () => worker.terminate() }
}
