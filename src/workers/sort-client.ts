import type { SortDirection } from '../core/table/sort-rows'
import type { CategoricalColumn, Column } from '../core/table/table'
import type { SortReply, SortRequest } from './sort-protocol'

export interface SortJob {
  readonly order: Promise<Uint32Array>
  /** Stops the worker: the promise then never settles. */
  readonly cancel: () => void
}

// Category ranks of columns sorted before: copying a million category strings to a worker costs
// the page a noticeable pause, so each column's strings cross over once and later sorts send ranks.
const rankedColumns = new WeakMap<CategoricalColumn, Uint32Array>()

function request(column: Column, direction: SortDirection): [SortRequest, Transferable[]] {
  if (column.kind === 'numeric') {
    const values = column.values.slice()
    return [{ kind: 'numeric', values, direction }, [values.buffer]]
  }
  const codes = column.codes.slice()
  const ranks = rankedColumns.get(column)?.slice() ?? null
  const categories = ranks ? null : column.categories
  const transfer = ranks ? [codes.buffer, ranks.buffer] : [codes.buffer]
  return [{ kind: 'categorical', codes, direction, ranks, categories }, transfer]
}

/** Sorts one column in a worker of its own; only that column is copied, then transferred. */
export function sortRowsInWorker(column: Column, direction: SortDirection): SortJob {
  const worker = new Worker(new URL('./sort-worker.ts', import.meta.url), {
    type: 'module',
    name: 'sort',
  })
  const order = new Promise<Uint32Array>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<SortReply>) => {
      worker.terminate()
      if (event.data.ranks && column.kind === 'categorical')
        rankedColumns.set(column, event.data.ranks)
      resolve(event.data.order)
    })
    worker.addEventListener('error', (event) => {
      worker.terminate()
      reject(new Error(`Sorting stopped unexpectedly (${event.message || 'no details'}).`))
    })
  })
  worker.postMessage(...request(column, direction))
  return { order, cancel: () => worker.terminate() }
}
