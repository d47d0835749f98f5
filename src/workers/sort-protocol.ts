import type { SortDirection } from '../core/table/sort-rows'

/** Copies of the one column to sort; their buffers are transferred, the table stays in the page. */
export type SortRequest =
  | { readonly kind: 'numeric'; readonly values: Float64Array; readonly direction: SortDirection }
  | {
      readonly kind: 'categorical'
      readonly codes: Int32Array
      readonly direction: SortDirection
      /** Ranks from an earlier sort of this column, or null with the categories to rank. */
      readonly ranks: Uint32Array | null
      readonly categories: readonly string[] | null
    }

export interface SortReply {
  /** Row indices in sorted order. */
  readonly order: Uint32Array
  /** The category ranks computed for this request (null when they were given or numeric). */
  readonly ranks: Uint32Array | null
}
