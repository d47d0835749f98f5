import { useEffect, useState } from 'react'
import { sortRows, type SortDirection } from '../../../core/table/sort-rows'
import type { Table } from '../../../core/table/table'
import { sortRowsInWorker } from '../../../workers/sort-client'

export interface GridSort {
  readonly column: number
  readonly direction: SortDirection
}

/** Up to this many rows a sort takes a few milliseconds: done at once, in the page. */
const IN_PAGE_ROWS = 50_000
/** Orders kept per table, so flipping between recent sorts is instant (4 MB each at 1M rows). */
const KEPT_ORDERS = 4

const orders = new WeakMap<Table, Map<string, Uint32Array>>()
const keyOf = (sort: GridSort) => `${sort.column}:${sort.direction}`

function remember(table: Table, sort: GridSort, order: Uint32Array): Uint32Array {
  let kept = orders.get(table)
  if (!kept) orders.set(table, (kept = new Map<string, Uint32Array>()))
  kept.set(keyOf(sort), order)
  for (const old of kept.keys()) if (kept.size > KEPT_ORDERS) kept.delete(old)
  return order
}

/** The order for a sort if it is ready; small tables are sorted right here. */
function readyOrder(table: Table, sort: GridSort): Uint32Array | undefined {
  const kept = orders.get(table)?.get(keyOf(sort))
  if (kept || table.rowCount > IN_PAGE_ROWS) return kept
  const column = table.columns[sort.column]
  return column ? remember(table, sort, sortRows(column, sort.direction)) : undefined
}

export interface RowOrder {
  /** Row indices in display order, or null for file order. */
  readonly order: Uint32Array | null
  /** The sort that `order` shows (it lags the wanted sort while a big one runs). */
  readonly shown: GridSort | null
  /** A big sort is running in a worker. */
  readonly busy: boolean
  readonly error: string | null
}

/**
 * The row order for the wanted sort. Big tables are sorted in a worker: until it answers the
 * grid keeps showing the previous order, and a newer request cancels an older one.
 */
export function useRowOrder(table: Table, wanted: GridSort | null): RowOrder {
  const [shown, setShown] = useState<{ sort: GridSort | null; order: Uint32Array | null }>({
    sort: null,
    order: null,
  })
  const [failure, setFailure] = useState<{ sort: GridSort; message: string } | null>(null)
  const ready = wanted ? readyOrder(table, wanted) : null

  // Remember what is on screen, so a slow sort shows the last order rather than jumping back.
  if (ready !== undefined && shown.sort !== wanted) setShown({ sort: wanted, order: ready })

  const pending = wanted !== null && ready === undefined
  useEffect(() => {
    if (!pending) return
    const column = table.columns[wanted.column]
    if (!column) return
    const job = sortRowsInWorker(column, wanted.direction)
    job.order.then(
      (order) => {
        remember(table, wanted, order)
        setShown({ sort: wanted, order })
      },
      (reason: unknown) =>
        setFailure({
          sort: wanted,
          message: reason instanceof Error ? reason.message : String(reason),
        }),
    )
    return job.cancel
  }, [pending, table, wanted])

  if (ready !== undefined) return { order: ready, shown: wanted, busy: false, error: null }
  const error = failure?.sort === wanted ? failure.message : null
  return { order: shown.order, shown: shown.sort, busy: error === null, error }
}
