import type { ColumnTypeInfo } from '../table/column-type'
import type { Table } from '../table/table'
import { profileColumn } from './column-profile'
import { correlationColumns, correlationMatrix, lookupCorrelation } from './correlation'
import { countDuplicateRows } from './duplicate-rows'
import type { ColumnProfile, TableProfile } from './profile-types'
import { profileWarnings } from './profile-warnings'

/**
 * The target-independent profile of a whole table; heavy, so it runs in the parse worker. Each
 * column is read in a few sequential passes, duplicates by one row hash, correlations once per pair.
 */
export function profileTable(table: Table, types: readonly ColumnTypeInfo[]): TableProfile {
  const scratch = new Float64Array(table.rowCount)
  const columns = table.columns.map((column, i) =>
    profileColumn(column, types[i]?.type ?? defaultType(column.kind), scratch),
  )
  const correlation = correlationMatrix(table, columns, correlationColumns(columns))
  return assemble(table.rowCount, countDuplicateRows(table), columns, correlation)
}

/**
 * The profile again after the analyst overrode the type of one column (main thread): only that
 * column is read again, and only its correlations are computed; duplicates do not depend on types.
 */
export function reprofileAfterOverride(
  table: Table,
  types: readonly ColumnTypeInfo[],
  previous: TableProfile,
  columnIndex: number,
): TableProfile {
  const column = table.columns[columnIndex]
  if (!column || previous.columns.length !== table.columns.length) return profileTable(table, types)
  const scratch = new Float64Array(table.rowCount)
  const columns = previous.columns.map((p, i) =>
    i === columnIndex
      ? profileColumn(column, types[i]?.type ?? defaultType(column.kind), scratch)
      : p,
  )
  const changed = column.name
  const correlation = correlationMatrix(table, columns, correlationColumns(columns), (a, b) =>
    a === changed || b === changed ? undefined : lookupCorrelation(previous.correlation, a, b),
  )
  return assemble(table.rowCount, previous.duplicateRows, columns, correlation)
}

function assemble(
  rowCount: number,
  duplicateRows: number,
  columns: ColumnProfile[],
  correlation: TableProfile['correlation'],
): TableProfile {
  return {
    rowCount,
    duplicateRows,
    missingCells: columns.reduce((sum, c) => sum + c.missing, 0),
    columns,
    correlation,
    warnings: profileWarnings(rowCount, duplicateRows, columns, correlation),
  }
}

function defaultType(kind: Table['columns'][number]['kind']) {
  return kind === 'numeric' ? 'numeric' : 'categorical'
}
