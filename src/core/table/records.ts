import type { ColumnType } from './column-type'
import { readDates, type DayMonthOrder } from './date-parse'
import { columnFromCells, isMissingText, parseNumber } from './infer'
import type { Column, ColumnKind, Table } from './table'

export interface SourceColumn {
  readonly name: string
  readonly kind: ColumnKind
  /** The column's type on the Data step; a 'datetime' column also reads dates written as text. */
  readonly type?: ColumnType | undefined
  /** How the training file wrote dates with the year last; decides "03/01/2024". */
  readonly dayMonthOrder?: DayMonthOrder | null | undefined
}

export type RawRecord = Readonly<Record<string, unknown>>

/**
 * An empty record keyed by column names. It has no prototype, so a column named "__proto__" is
 * a column like any other: on a plain object, assigning it would set the prototype instead, and
 * reading it back would give Object.prototype (which React refuses to render).
 */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return ''
}

/**
 * A date written so that only one order is a date in `order`: readDates without a forced-order
 * parameter takes the order from its inputs, so a date of that order alone (the 13th of January)
 * goes with the text to settle an ambiguous one such as "03/01/2024".
 */
const ORDER_WITNESS: Record<DayMonthOrder, string> = {
  'day-first': '13/01/2000',
  'month-first': '01/13/2000',
}

/**
 * Epoch ms of a date typed as text. Ambiguous dates follow the training file's day/month order
 * (month first when it had none, as readDates assumes); a date that is valid in one order only
 * ("31/03/2024" after a month-first file) is read the one way it can be, since that is what the
 * person meant. NaN when the text is no date.
 */
function readDateText(text: string, order: DayMonthOrder | null): number {
  if (order !== null) {
    const forced = readDates([text, ORDER_WITNESS[order]])?.values[0]
    if (forced !== undefined && !Number.isNaN(forced)) return forced
  }
  return readDates([text])?.values[0] ?? Number.NaN
}

/**
 * A datetime column holds epoch ms, as in training. A person typing into the predict form (or a
 * scored file read without types) writes "2024-03-01" or "03/01/2024" instead: such text is
 * read as a date, UTC. A number, or text of a number, is already epoch ms and stays as it is.
 */
function dateColumn(source: SourceColumn, cells: readonly unknown[]): Column {
  const order = source.dayMonthOrder ?? null
  const byText = new Map<string, number>()
  const values = Float64Array.from(cells, (cell) => {
    if (typeof cell === 'number') return Number.isFinite(cell) ? cell : Number.NaN
    if (cell instanceof Date) return cell.getTime()
    if (typeof cell !== 'string' || isMissingText(cell)) return Number.NaN
    const text = cell.trim()
    let epoch = byText.get(text)
    if (epoch === undefined) {
      epoch = parseNumber(text) ?? readDateText(text, order)
      byText.set(text, epoch)
    }
    return epoch
  })
  return { name: source.name, kind: 'numeric', values }
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
  const columns = schema.map((source) => {
    const cells = records.map((record) => record[source.name])
    if (source.kind === 'numeric' && source.type === 'datetime') return dateColumn(source, cells)
    return columnFromCells(source.name, cells.map(cellText), source.kind)
  })
  return { columns, rowCount: records.length }
}
