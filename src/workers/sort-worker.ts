// The sorting worker: argsorts one column off the main thread so the grid stays responsive.
import { sortRows } from '../core/table/sort-rows'
import type { SortReply, SortRequest } from './sort-protocol'

self.addEventListener('message', (event: MessageEvent<SortRequest>) => {
  const order = sortRows(event.data.column, event.data.direction)
  self.postMessage({ order } satisfies SortReply, { transfer: [order.buffer] })
})
