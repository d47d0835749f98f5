import type { SortDirection } from '../core/table/sort-rows'
import type { Column } from '../core/table/table'
import type { SortReply, SortRequest } from './sort-protocol'

export interface SortJob {
  readonly order: Promise<Uint32Array>
  /** Stops the worker: the promise then never settles. */
  readonly cancel: () => void
}

/** Sorts one column in a worker of its own; only that column is copied, then transferred. */
export function sortRowsInWorker(column: Column, direction: SortDirection): SortJob {
  const worker = new Worker(new URL('./sort-worker.ts', import.meta.url), {
    type: 'module',
    name: 'sort',
  })
  const copy: Column =
    column.kind === 'numeric'
      ? { ...column, values: column.values.slice() }
      : { ...column, codes: column.codes.slice() }
  const order = new Promise<Uint32Array>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<SortReply>) => {
      worker.terminate()
      resolve(event.data.order)
    })
    worker.addEventListener('error', (event) => {
      worker.terminate()
      reject(new Error(`Sorting stopped unexpectedly (${event.message || 'no details'}).`))
    })
  })
  const buffer = copy.kind === 'numeric' ? copy.values.buffer : copy.codes.buffer
  worker.postMessage({ column: copy, direction } satisfies SortRequest, { transfer: [buffer] })
  return { order, cancel: () => worker.terminate() }
}
