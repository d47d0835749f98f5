// The sorting worker: argsorts one column off the main thread so the grid stays responsive.
import { categoryRanks, sortCodesByRank, sortNumericRows } from '../core/table/sort-rows'
import type { SortReply, SortRequest } from './sort-protocol'

function sort(request: SortRequest): SortReply {
  if (request.kind === 'numeric')
    return { order: sortNumericRows(request.values, request.direction), ranks: null }
  const computed = request.ranks ? null : categoryRanks(request.categories ?? [])
  const ranks = request.ranks ?? computed ?? new Uint32Array(0)
  return { order: sortCodesByRank(request.codes, ranks, request.direction), ranks: computed }
}

self.addEventListener('message', (event: MessageEvent<SortRequest>) => {
  const reply = sort(event.data)
  const transfer = reply.ranks ? [reply.order.buffer, reply.ranks.buffer] : [reply.order.buffer]
  self.postMessage(reply, { transfer })
})
