import type { LoadProgress } from '../core/table/read-delimited-blob'
import { unpackTable } from './packed-categories'
import type { ParseMessage, ParseRequest, ParseResult } from './parse-protocol'

export interface ParseOptions {
  readonly sheet?: string
  readonly onProgress?: (progress: LoadProgress) => void
  /** Aborting stops the worker at once and rejects with an AbortError. */
  readonly signal?: AbortSignal
}

/** Reads a data file in a worker; rejects with a message the analyst can act on. */
export function parseFileInWorker(
  file: Blob,
  name: string,
  options: ParseOptions = {},
): Promise<ParseResult> {
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
    type: 'module',
    name: 'parse',
  })
  return new Promise<ParseResult>((resolve, reject) => {
    const stop = () => {
      worker.terminate()
      reject(new DOMException('The load was cancelled.', 'AbortError'))
    }
    if (options.signal?.aborted) return stop()
    options.signal?.addEventListener('abort', stop, { once: true })
    const settle = () => {
      worker.terminate()
      options.signal?.removeEventListener('abort', stop)
    }
    worker.addEventListener('message', (event: MessageEvent<ParseMessage>) => {
      const message = event.data
      if (message.type === 'progress') return options.onProgress?.(message.progress)
      settle()
      if (message.type === 'done')
        resolve({ ...message.result, table: unpackTable(message.result.table) })
      else reject(new Error(message.message))
    })
    worker.addEventListener('error', (event) => {
      settle()
      reject(
        new Error(
          `The file reader stopped unexpectedly (${event.message || 'no details'}). Try the file again.`,
        ),
      )
    })
    worker.postMessage({ file, name, sheet: options.sheet } satisfies ParseRequest)
  })
}
