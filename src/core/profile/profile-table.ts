import type { ColumnTypeInfo } from '../table/column-type'
import type { Table } from '../table/table'
import { profileColumn } from './column-profile'
import { correlationColumns, correlationMatrix, lookupCorrelation } from './correlation'
import { countDuplicateRows } from '../table/duplicate-rows'
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
  // A column with a different value in every row (an id, a timestamp) proves no two rows are
  // equal, so the row-hash pass over the whole table is skipped: exact, and the common case.
  const unique = columns.some((c) => c.missing === 0 && c.distinct === table.rowCount)
  const duplicates = unique ? 0 : countDuplicateRows(table)
  return assemble(table.rowCount, duplicates, columns, correlation)
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
