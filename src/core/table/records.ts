import { columnFromCells } from './infer'
import type { ColumnKind, Table } from './table'

export interface SourceColumn {
  readonly name: string
  readonly kind: ColumnKind
}

export type RawRecord = Readonly<Record<string, unknown>>

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return ''
}

/**
 * Raw records (a typed-in row, a row of a scored file, a JSON request) as a table with the
 * training data's schema, so the one recipe implementation prepares them exactly as it prepared
 * the training rows. A record lacking a column gets a missing cell.
 */
export function tableFromRecords(
  records: readonly RawRecord[],
  schema: readonly SourceColumn[],
): Table {
  const columns = schema.map((source) =>
    columnFromCells(
      source.name,
      records.map((record) => cellText(record[source.name])),
      source.kind,
    ),
  )
  return { columns, rowCount: records.length }
}
