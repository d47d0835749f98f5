import type { ParseReply, ParseRequest } from './parse-protocol'

export type ParseResult = Extract<ParseReply, { ok: true }>

/** Parses a CSV/TSV file in a worker; rejects with a message the analyst can act on. */
export function parseFileInWorker(file: Blob, name: string): Promise<ParseResult> {
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
    type: 'module',
    name: 'parse',
  })
  return new Promise<ParseResult>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ParseReply>) => {
      worker.terminate()
      if (event.data.ok) resolve(event.data)
      else reject(new Error(event.data.message))
    })
    worker.addEventListener('error', (event) => {
      worker.terminate()
      reject(
        new Error(
          `The file reader stopped unexpectedly (${event.message || 'no details'}). Try the file again.`,
        ),
      )
    })
    worker.postMessage({ file, name } satisfies ParseRequest)
  })
}
