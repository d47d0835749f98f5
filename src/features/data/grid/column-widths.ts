import type { ColumnTypeInfo } from '../../../core/table/column-type'
import type { Table } from '../../../core/table/table'
import { cellView } from './cell-format'

const SAMPLE_ROWS = 200
const CHAR_PX = 7.4
const PADDING_PX = 24
// Room for the sort arrow and the bold header face beside the column name.
const HEADER_EXTRA_PX = 26
const MIN_PX = 76
const MAX_PX = 280

/**
 * A fixed width per column from its name and its first rows: the grid never measures cells,
 * so scrolling a million rows never reflows columns.
 */
export function columnWidths(table: Table, types: readonly ColumnTypeInfo[]): number[] {
  const rows = Math.min(SAMPLE_ROWS, table.rowCount)
  return table.columns.map((column, c) => {
    const type = types[c]?.type
    let longest = 0
    for (let r = 0; r < rows; r++) {
      longest = Math.max(longest, cellView(column, r, type, false).text.length)
    }
    const header = column.name.length * CHAR_PX + HEADER_EXTRA_PX + PADDING_PX
    const cells = longest * CHAR_PX + PADDING_PX
    return Math.round(Math.min(MAX_PX, Math.max(MIN_PX, header, cells)))
  })
}
