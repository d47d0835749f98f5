import type { SortDirection } from '../core/table/sort-rows'
import type { Column } from '../core/table/table'

export interface SortRequest {
  /** A copy of the one column to sort: its buffer is transferred, the table stays in the page. */
  readonly column: Column
  readonly direction: SortDirection
}

export interface SortReply {
  /** Row indices in sorted order. */
  readonly order: Uint32Array
}
