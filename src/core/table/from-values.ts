import { ColumnBuilder } from './column-builder'
import type { ColumnSource } from './infer-types'
import { cleanHeaders, DataError, type ParsedTable } from './parsed-table'

/** A parsed table plus what the reader knew about each column (dates that came as dates). */
export interface ParsedWithSources extends ParsedTable {
  readonly sources: readonly ColumnSource[]
}

function finish(builders: readonly ColumnBuilder[], rowCount: number, warnings: string[]) {
  return {
    table: { columns: builders.map((b) => b.finish()), rowCount },
    warnings,
    sources: builders.map((b) => ({ allDates: b.allDates })),
  }
}

function headerText(cell: unknown): string {
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell)
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return ''
}

const isEmptyCell = (cell: unknown): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')

/** A worksheet's rows (the first one the header) as typed columns; blank rows are skipped. */
export function tableFromRows(
  rows: readonly (readonly unknown[])[],
  what: string,
): ParsedWithSources {
  const [header, ...body] = rows
  if (!header || header.every(isEmptyCell))
    throw new DataError(`The ${what} is empty. Choose a sheet with a header row and data rows.`)
  const warnings: string[] = []
  const names = cleanHeaders(header.map(headerText), warnings)
  const builders = names.map((name) => new ColumnBuilder(name, body.length))
  let rowCount = 0
  for (const row of body) {
    if (row.every(isEmptyCell)) continue
    builders.forEach((b, c) => b.pushValue(row[c]))
    rowCount++
  }
  if (rowCount === 0) {
    throw new DataError(
      `The ${what} has a header but no data rows. Add at least a few rows of data and load it again.`,
    )
  }
  return finish(builders, rowCount, warnings)
}

/** Columns of values (Parquet) as typed columns. */
export function tableFromColumns(
  columns: readonly { name: string; values: ArrayLike<unknown> }[],
  rowCount: number,
): ParsedWithSources {
  if (columns.length === 0 || rowCount === 0)
    throw new DataError('The Parquet file holds no rows. Choose a file with data rows.')
  const warnings: string[] = []
  const names = cleanHeaders(
    columns.map((c) => c.name),
    warnings,
  )
  const builders = columns.map((column, c) => {
    const builder = new ColumnBuilder(names[c] ?? column.name, rowCount)
    for (let row = 0; row < rowCount; row++) builder.pushValue(column.values[row])
    return builder
  })
  return finish(builders, rowCount, warnings)
}

/** JSON records as typed columns: every key seen, in first-seen order; absent keys are missing. */
export function tableFromRecords(
  records: readonly Record<string, unknown>[],
  keys: readonly string[],
): ParsedWithSources {
  const warnings: string[] = []
  const names = cleanHeaders(keys, warnings)
  const builders = keys.map((key, c) => {
    const builder = new ColumnBuilder(names[c] ?? key, records.length)
    for (const record of records) builder.pushValue(record[key])
    return builder
  })
  return finish(builders, records.length, warnings)
}
