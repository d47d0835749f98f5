/**
 * How one cell reads in the grid, by the column's type: numbers grouped and right-aligned, dates
 * as ISO text, identifiers exactly as stored, missing cells as a dimmed word.
 */
import type { ColumnType } from '../../../core/table/column-type'
import { MISSING_CODE, type Column } from '../../../core/table/table'

export interface CellView {
  readonly text: string
  /** The exact stored value when the text rounds or shortens it. */
  readonly full: string
  readonly missing: boolean
  readonly numeric: boolean
}

export const TYPE_LABELS: Record<ColumnType, string> = {
  numeric: 'number',
  integer: 'integer',
  boolean: 'yes/no',
  categorical: 'category',
  datetime: 'date/time',
  text: 'text',
  identifier: 'identifier',
  constant: 'constant',
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })
const MISSING: CellView = { text: 'missing', full: '', missing: true, numeric: false }
const DAY_MS = 86_400_000

/** Whether every date in a datetime column falls on midnight UTC, so the time can be left out. */
export function datesOnly(values: Float64Array): boolean {
  for (const v of values) if (!Number.isNaN(v) && v % DAY_MS !== 0) return false
  return true
}

export function formatDate(epochMs: number, dateOnly: boolean): string {
  const date = new Date(epochMs)
  if (Number.isNaN(date.getTime())) return String(epochMs)
  const iso = date.toISOString() // 2024-03-01T09:30:00.000Z
  if (dateOnly) return iso.slice(0, 10)
  const time = iso.endsWith(':00.000Z') ? iso.slice(11, 16) : iso.slice(11, 19)
  return `${iso.slice(0, 10)} ${time}`
}

function formatNumber(value: number, type: ColumnType | undefined): string {
  // Identifiers, flags and constants are codes, not quantities: shown exactly as stored.
  if (type === 'identifier' || type === 'boolean' || type === 'constant') return String(value)
  const abs = Math.abs(value)
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return value.toPrecision(6)
  return grouped.format(value)
}

export function cellView(
  column: Column,
  row: number,
  type: ColumnType | undefined,
  dateOnly: boolean,
): CellView {
  if (column.kind === 'categorical') {
    const code = column.codes[row] ?? MISSING_CODE
    if (code === MISSING_CODE) return MISSING
    const text = column.categories[code] ?? ''
    return { text, full: text, missing: false, numeric: false }
  }
  const value = column.values[row] ?? Number.NaN
  if (Number.isNaN(value)) return MISSING
  if (type === 'datetime')
    return {
      text: formatDate(value, dateOnly),
      full: String(value),
      missing: false,
      numeric: false,
    }
  const numeric = type !== 'identifier' && type !== 'boolean'
  return { text: formatNumber(value, type), full: String(value), missing: false, numeric }
}
