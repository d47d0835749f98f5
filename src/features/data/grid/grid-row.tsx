import { memo } from 'react'
import type { ColumnTypeInfo } from '../../../core/table/column-type'
import type { Column } from '../../../core/table/table'
import { cellView } from './cell-format'
import classes from './data-grid.module.css'

export interface GridRowProps {
  /** Position in the current order (0 = first shown) and the row of the file it shows. */
  readonly displayIndex: number
  readonly row: number
  readonly top: number
  readonly height: number
  readonly width: number
  readonly columns: readonly Column[]
  readonly types: readonly ColumnTypeInfo[]
  readonly dateOnly: readonly boolean[]
  readonly lefts: readonly number[]
  readonly widths: readonly number[]
  readonly first: number
  readonly last: number
  readonly rowNumberWidth: number
  readonly targetIndex: number
}

// Text this long may be cut by the column: the full value goes in a tooltip.
const TITLE_FROM_CHARS = 14

/** One data row: its file row number, then the cells of the columns in the horizontal window. */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { row, columns, types, lefts, widths } = props
  const cells = []
  for (let c = props.first; c <= props.last; c++) {
    const column = columns[c]
    if (!column) continue
    const view = cellView(column, row, types[c]?.type, props.dateOnly[c] ?? false)
    const title =
      !view.missing && (view.text !== view.full || view.text.length >= TITLE_FROM_CHARS)
        ? view.full
        : undefined
    cells.push(
      <div
        key={c}
        role="cell"
        aria-colindex={c + 2}
        className={classes.cell}
        data-numeric={view.numeric || undefined}
        data-missing={view.missing || undefined}
        data-target={c === props.targetIndex || undefined}
        data-value={view.missing ? undefined : view.full}
        title={title}
        style={{ left: lefts[c], width: widths[c] }}
      >
        <span className={classes.cellText}>{view.text}</span>
      </div>,
    )
  }
  return (
    <div
      role="row"
      aria-rowindex={props.displayIndex + 2}
      className={classes.row}
      data-odd={props.displayIndex % 2 === 1 || undefined}
      style={{ transform: `translateY(${props.top}px)`, height: props.height, width: props.width }}
    >
      <div
        role="rowheader"
        aria-colindex={1}
        className={classes.rowNumber}
        style={{ width: props.rowNumberWidth }}
      >
        {(row + 1).toLocaleString('en-US')}
      </div>
      {cells}
    </div>
  )
})
