import type { ColumnTypeInfo } from './column-type'
import type { Table } from './table'

// Contract placeholder: the ingest helper replaces this with the full inference (integer,
// boolean, date/time, text, identifier, constant, each with its reason).
export function inferColumnTypes(table: Table): ColumnTypeInfo[] {
  return table.columns.map((column) =>
    column.kind === 'numeric'
      ? { type: 'numeric', reason: 'Every present value is a number.' }
      : { type: 'categorical', reason: 'Some values are not numbers.' },
  )
}
