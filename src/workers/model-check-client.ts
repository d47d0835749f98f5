import type { QuantizationCheck } from '../core/export/card/quantization-check'
import type { ModelCheckReply, ModelCheckRequest } from './model-check-protocol'

export interface ModelCheckRun {
  /** Every storage's check, float32 first, once all are scored. */
  readonly result: Promise<QuantizationCheck[]>
  /** Stops the worker at once: the promise then never settles. */
  readonly cancel: () => void
}

/** Scores the test rows under each weight storage in a worker of its own. */
export function checkModelInWorker(
  request: ModelCheckRequest,
  onCheck: (check: QuantizationCheck) => void,
): ModelCheckRun {
  const worker = new Worker(new URL('./model-check-worker.ts', import.meta.url), {
    type: 'module',
    name: 'model-check',
  })
  const checks: QuantizationCheck[] = []
  const result = new Promise<QuantizationCheck[]>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ModelCheckReply>) => {
      const message = event.data
      if (message.type === 'checked') {
        checks.push(message.check)
        return onCheck(message.check)
      }
      worker.terminate()
      if (message.type === 'done') resolve(checks)
      else reject(new Error(message.message))
    })
    worker.addEventListener('error', (event) => {
      worker.terminate()
      reject(
        new Error(
          `The weight storage check stopped unexpectedly (${event.message || 'no details'}). Reload the page and try again.`,
        ),
      )
    })
  })
  worker.postMessage(request)
  return { result, cancel: () => worker.terminate() }
}
