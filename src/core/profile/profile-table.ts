// Contract placeholder: the profile helper replaces this file with the real profile.
/* eslint-disable @typescript-eslint/no-unused-vars */
import type { ColumnTypeInfo } from '../table/column-type'
import { distinctCount, missingCount, type Table } from '../table/table'
import type { TableProfile } from './profile-types'

/** The target-independent profile of a whole table; heavy, so it runs in the parse worker. */
export function profileTable(table: Table, _types: readonly ColumnTypeInfo[]): TableProfile {
  return {
    rowCount: table.rowCount,
    duplicateRows: 0,
    columns: table.columns.map((c) => ({
      name: c.name,
      missing: missingCount(c),
      distinct: distinctCount(c),
    })),
  }
}

/** The profile again after the analyst overrode the type of one column (main thread). */
export function reprofileAfterOverride(
  table: Table,
  types: readonly ColumnTypeInfo[],
  _previous: TableProfile,
  _columnIndex: number,
): TableProfile {
  return profileTable(table, types)
}
