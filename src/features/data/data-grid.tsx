import { Group, Loader, Paper, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Table } from '../../core/table/table'
import type { LoadedDataset } from '../../state/data-slice'
import { useStudio } from '../../state/studio-store'
import { datesOnly } from './grid/cell-format'
import { canvasMeasure, columnWidths } from './grid/column-widths'
import classes from './grid/data-grid.module.css'
import { GridHeader } from './grid/grid-header'
import { GridRow } from './grid/grid-row'
import { useColumnWindow } from './grid/use-column-window'
import { bodyGeometry, MAX_BODY_PX, rowWindow, scrollTopFor } from './grid/row-window'
import { useRowOrder, type GridSort } from './grid/use-row-order'

const ROW_HEIGHT = 28
const HEADER_HEIGHT = 46
const MAX_GRID_HEIGHT = 520
const OVERSCAN_ROWS = 6
const OVERSCAN_COLUMNS = 2
// Room for the horizontal scrollbar, so a short table shows all its rows without scrolling.
const SCROLLBAR_ALLOWANCE = 16

const tableIds = new WeakMap<Table, number>()
let tablesSeen = 0
const tableId = (table: Table): number => {
  let id = tableIds.get(table)
  if (id === undefined) tableIds.set(table, (id = ++tablesSeen))
  return id
}

/** Every row of the loaded data, virtualised and sortable; a new table starts unsorted. */
export function DataGrid({ dataset }: { dataset: LoadedDataset }) {
  return <GridView key={tableId(dataset.table)} table={dataset.table} types={dataset.types} />
}

function nextSort(current: GridSort | null, column: number): GridSort | null {
  if (current?.column !== column) return { column, direction: 'ascending' }
  return current.direction === 'ascending' ? { column, direction: 'descending' } : null
}

function GridView({ table, types }: Pick<LoadedDataset, 'table' | 'types'>) {
  const targetColumn = useStudio((s) => s.targetColumn)
  const targetIndex = table.columns.findIndex((c) => c.name === targetColumn)
  const [sort, setSort] = useState<GridSort | null>(null)
  const { order, shown, busy, error } = useRowOrder(table, sort)

  const widths = useMemo(
    () => columnWidths(table, types, canvasMeasure(getComputedStyle(document.body).fontFamily)),
    [table, types],
  )
  const rowNumberWidth = Math.max(56, String(table.rowCount).length * 8 + 28)
  const lefts = useMemo(() => {
    const starts: number[] = []
    let x = rowNumberWidth
    for (const w of widths) {
      starts.push(x)
      x += w
    }
    return starts
  }, [widths, rowNumberWidth])
  const totalWidth = rowNumberWidth + widths.reduce((a, b) => a + b, 0)
  const dateOnly = useMemo(
    () =>
      table.columns.map(
        (column, c) =>
          types[c]?.type === 'datetime' && column.kind === 'numeric' && datesOnly(column.values),
      ),
    [table, types],
  )

  const scrollerRef = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const gridHeight = Math.min(
    MAX_GRID_HEIGHT,
    HEADER_HEIGHT + table.rowCount * ROW_HEIGHT + SCROLLBAR_ALLOWANCE,
  )
  const [viewport, setViewport] = useState(gridHeight - HEADER_HEIGHT)
  useEffect(() => {
    const element = scrollerRef.current
    if (!element) return
    const observer = new ResizeObserver(() =>
      setViewport(Math.max(ROW_HEIGHT, element.clientHeight - HEADER_HEIGHT)),
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const { first: firstColumn, last: lastColumn } = useColumnWindow(
    scrollerRef,
    widths,
    rowNumberWidth,
    OVERSCAN_COLUMNS,
  )

  const rows = rowWindow({
    rowCount: table.rowCount,
    rowHeight: ROW_HEIGHT,
    viewport,
    scrollTop,
    overscan: OVERSCAN_ROWS,
  })

  // A new order starts from its first row.
  useEffect(() => {
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0
  }, [shown])

  const onSort = useCallback((column: number) => setSort((s) => nextSort(s, column)), [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = event.currentTarget
    if (event.target !== element) return // header buttons keep their own keys
    const geometry = bodyGeometry(table.rowCount, ROW_HEIGHT, viewport, MAX_BODY_PX)
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1) * ROW_HEIGHT
    const steps: Record<string, number> = {
      ArrowDown: ROW_HEIGHT,
      ArrowUp: -ROW_HEIGHT,
      PageDown: page,
      PageUp: -page,
      Home: -Infinity,
      End: Infinity,
    }
    const step = steps[event.key]
    if (step === undefined) return
    event.preventDefault()
    // Move by whole rows in the rows' own pixels, then back to the (possibly geared) scrollbar.
    const current = Math.round((element.scrollTop * rows.scale) / ROW_HEIGHT) * ROW_HEIGHT
    const target = Number.isFinite(step) ? current + step : step > 0 ? geometry.fullHeight : 0
    element.scrollTop = Math.ceil(scrollTopFor(target, geometry, viewport))
  }

  const rowElements = []
  for (let i = rows.start; i < rows.end; i++) {
    const row = order ? (order[i] ?? i) : i
    rowElements.push(
      <GridRow
        key={i}
        displayIndex={i}
        row={row}
        top={i * ROW_HEIGHT + rows.shift}
        height={ROW_HEIGHT}
        width={totalWidth}
        columns={table.columns}
        types={types}
        dateOnly={dateOnly}
        lefts={lefts}
        widths={widths}
        first={firstColumn}
        last={lastColumn}
        rowNumberWidth={rowNumberWidth}
        targetIndex={targetIndex}
      />,
    )
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="baseline" mb="xs" wrap="nowrap">
        <Title order={4}>Data preview</Title>
        <GridStatus
          rowCount={table.rowCount}
          columnCount={table.columns.length}
          shownName={shown ? table.columns[shown.column]?.name : undefined}
          shown={shown}
          busyName={busy && sort ? table.columns[sort.column]?.name : undefined}
          error={error}
        />
      </Group>
      <div
        ref={scrollerRef}
        role="table"
        aria-label="Data preview"
        aria-rowcount={table.rowCount + 1}
        aria-colcount={table.columns.length + 1}
        aria-busy={busy || undefined}
        tabIndex={0}
        className={classes.scroller}
        style={{ height: gridHeight }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div
          className={classes.canvas}
          style={{ width: totalWidth, height: HEADER_HEIGHT + rows.bodyHeight }}
        >
          <GridHeader
            columns={table.columns}
            types={types}
            lefts={lefts}
            widths={widths}
            first={firstColumn}
            last={lastColumn}
            height={HEADER_HEIGHT}
            width={totalWidth}
            rowNumberWidth={rowNumberWidth}
            targetIndex={targetIndex}
            shown={shown}
            onSort={onSort}
          />
          <div
            role="rowgroup"
            className={classes.rows}
            style={{ width: totalWidth, transform: `translateY(${HEADER_HEIGHT}px)` }}
          >
            {rowElements}
          </div>
        </div>
      </div>
    </Paper>
  )
}

function GridStatus(props: {
  rowCount: number
  columnCount: number
  shown: GridSort | null
  shownName: string | undefined
  busyName: string | undefined
  error: string | null
}) {
  const rows = `${props.rowCount.toLocaleString('en-US')} ${props.rowCount === 1 ? 'row' : 'rows'}`
  const columns = `${props.columnCount.toLocaleString('en-US')} columns`
  const order =
    props.shown && props.shownName !== undefined
      ? `sorted by ${props.shownName}, ${props.shown.direction}`
      : 'in file order'
  return (
    <Group gap={8} wrap="nowrap" aria-live="polite">
      {props.busyName !== undefined && <Loader size={14} />}
      <Text size="sm" c={props.error ? 'red' : 'dimmed'}>
        {props.error ??
          (props.busyName !== undefined
            ? `Sorting ${rows} by ${props.busyName}…`
            : `${rows} · ${columns} · ${order}`)}
      </Text>
    </Group>
  )
}
