import { cellValue, type Table } from '../../table/table'

export type Cell = number | string | null

/** A few training rows before and after one step, for the columns the step touches. */
export interface StepPreview {
  readonly stepId: string
  /** Row numbers in the file (1-based), the same rows before and after. */
  readonly rows: readonly number[]
  /** True for rows this step removed. */
  readonly removed: readonly boolean[]
  readonly before: { readonly columns: readonly string[]; readonly cells: readonly Cell[][] }
  readonly after: { readonly columns: readonly string[]; readonly cells: readonly Cell[][] }
  /** Touched columns not shown, so a step making 100 token columns stays readable. */
  readonly hiddenColumns: number
}

/** More columns than this in a preview and the rest are counted, not shown. */
export const PREVIEW_COLUMNS = 12

function cells(table: Table, columns: readonly string[], rows: readonly number[]): Cell[][] {
  const picked = columns.map((name) => table.columns.find((c) => c.name === name))
  return rows.map((row) => picked.map((column) => (column ? cellValue(column, row) : null)))
}

export function stepPreview(
  stepId: string,
  before: Table,
  after: Table,
  touchedBefore: readonly string[],
  touchedAfter: readonly string[],
  rows: readonly number[],
  removed: Uint8Array | undefined,
): StepPreview {
  const beforeColumns = touchedBefore.slice(0, PREVIEW_COLUMNS)
  const afterColumns = touchedAfter.slice(0, PREVIEW_COLUMNS)
  return {
    stepId,
    rows: rows.map((r) => r + 1),
    removed: rows.map((r) => removed?.[r] === 1),
    before: { columns: beforeColumns, cells: cells(before, beforeColumns, rows) },
    after: { columns: afterColumns, cells: cells(after, afterColumns, rows) },
    hiddenColumns:
      Math.max(0, touchedBefore.length - PREVIEW_COLUMNS) +
      Math.max(0, touchedAfter.length - PREVIEW_COLUMNS),
  }
}
