import type { ColumnTypeInfo } from '../../../core/table/column-type'
import type { Column, Table } from '../../../core/table/table'
import { cellView } from './cell-format'

/** Width in pixels of the widest of some texts, in the grid's header or cell font. */
export type MeasureText = (texts: readonly string[], header: boolean) => number

const SAMPLE_ROWS = 200
const PADDING_PX = 22
const SORT_ICON_PX = 16
const MIN_PX = 64
const MAX_PX = 280

/**
 * A fixed width per column from its name and a sample of its cells: the grid never measures
 * rendered cells, so scrolling a million rows never reflows columns.
 */
export function columnWidths(
  table: Table,
  types: readonly ColumnTypeInfo[],
  measure: MeasureText,
): number[] {
  return table.columns.map((column, c) => {
    const type = types[c]?.type
    const header = measure([column.name], true) + SORT_ICON_PX
    const cells = measure(sampleTexts(column, table.rowCount, type), false)
    return Math.ceil(Math.min(MAX_PX, Math.max(MIN_PX, header + PADDING_PX, cells + PADDING_PX)))
  })
}

/**
 * The first rows and rows spread through the table; for categories, the longest category too,
 * since sorting can bring it to the top. A few hundred texts whatever the row count.
 */
function sampleTexts(column: Column, rowCount: number, type: ColumnTypeInfo['type'] | undefined) {
  const rows = new Set<number>()
  for (let r = 0; r < Math.min(SAMPLE_ROWS, rowCount); r++) rows.add(r)
  const stride = Math.max(1, Math.floor(rowCount / SAMPLE_ROWS))
  for (let r = 0; r < rowCount; r += stride) rows.add(r)
  const texts = Array.from(rows, (r) => cellView(column, r, type, false).text)
  if (column.kind === 'categorical') {
    let longest = ''
    for (const category of column.categories)
      if (category.length > longest.length) longest = category
    texts.push(longest)
  }
  return texts
}

/** Measures with a canvas in the page's own font, so widths fit whatever font the system has. */
export function canvasMeasure(fontFamily: string): MeasureText {
  const context = document.createElement('canvas').getContext('2d')
  return (texts, header) => {
    // Without a canvas (never in a real browser), a generous average glyph width.
    if (!context) return Math.max(0, ...texts.map((t) => t.length * 8.5))
    context.font = `${header ? 600 : 400} 13px ${fontFamily}`
    let widest = 0
    for (const text of texts) widest = Math.max(widest, context.measureText(text).width)
    return widest
  }
}
