import { memo } from 'react'
import type { ColumnTypeInfo } from '../../../core/table/column-type'
import type { Column } from '../../../core/table/table'
import { TYPE_LABELS } from './cell-format'
import classes from './data-grid.module.css'
import type { GridSort } from './use-row-order'

export interface GridHeaderProps {
  readonly columns: readonly Column[]
  readonly types: readonly ColumnTypeInfo[]
  readonly lefts: readonly number[]
  readonly widths: readonly number[]
  readonly first: number
  readonly last: number
  readonly height: number
  readonly width: number
  readonly rowNumberWidth: number
  readonly targetIndex: number
  readonly shown: GridSort | null
  readonly onSort: (column: number) => void
}

/** The sticky header: name, type and sort state of each column in the horizontal window. */
export const GridHeader = memo(function GridHeader(props: GridHeaderProps) {
  const { columns, types, lefts, widths, first, last, shown } = props
  const cells = []
  for (let c = first; c <= last; c++) {
    const column = columns[c]
    if (!column) continue
    const info = types[c]
    const typeLabel = info ? TYPE_LABELS[info.type] : column.kind
    const sorted = shown?.column === c ? shown.direction : undefined
    const target = c === props.targetIndex
    const numeric = info?.type === 'numeric' || info?.type === 'integer'
    cells.push(
      <div
        key={c}
        role="columnheader"
        aria-colindex={c + 2}
        aria-sort={sorted}
        className={classes.columnHeader}
        data-target={target || undefined}
        style={{ left: lefts[c], width: widths[c] }}
      >
        <button
          type="button"
          className={classes.sortButton}
          data-numeric={numeric || undefined}
          data-sorted={sorted}
          aria-label={column.name}
          aria-description={`${typeLabel} column${target ? ', the target' : ''}. Click to sort.`}
          title={`${column.name} (${typeLabel}${info?.reason ? `: ${info.reason}` : ''})`}
          onClick={() => props.onSort(c)}
        >
          <span className={classes.nameLine}>
            <span className={classes.name}>{column.name}</span>
            <SortIcon direction={sorted} />
          </span>
          <span className={classes.typeLine}>
            <span>{typeLabel}</span>
            {target && <span className={classes.targetTag}>target</span>}
          </span>
        </button>
      </div>,
    )
  }
  return (
    <div
      role="rowgroup"
      className={classes.header}
      style={{ width: props.width, height: props.height }}
    >
      <div role="row" aria-rowindex={1} style={{ height: '100%' }}>
        <div
          role="columnheader"
          aria-colindex={1}
          className={classes.corner}
          style={{ width: props.rowNumberWidth }}
          title="Row number in the file"
        >
          Row
        </div>
        {cells}
      </div>
    </div>
  )
})

function SortIcon({ direction }: { direction: GridSort['direction'] | undefined }) {
  // Unsorted columns show both arrows faintly: the header says it can be sorted.
  return (
    <svg className={classes.sortIcon} viewBox="0 0 12 12" aria-hidden="true">
      {direction !== 'descending' && <path d="M6 1.5 9.5 5h-7z" fill="currentColor" />}
      {direction !== 'ascending' && <path d="M6 10.5 2.5 7h7z" fill="currentColor" />}
    </svg>
  )
}
