import type { ColumnType } from '../../../core/table/column-type'
import { formatNumber } from '../../../ui/format'

export const TYPE_COLORS: Record<ColumnType, string> = {
  numeric: 'blue',
  integer: 'cyan',
  boolean: 'teal',
  categorical: 'violet',
  datetime: 'orange',
  text: 'grape',
  identifier: 'gray',
  constant: 'red',
}

/** A value of a column as the analyst reads it: dates as dates, numbers with grouping. */
export function formatValue(value: number | undefined, type: ColumnType): string {
  if (value === undefined || Number.isNaN(value)) return '—'
  if (type === 'datetime') {
    const iso = new Date(value).toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ')
  }
  return formatNumber(value)
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

export function formatShare(fraction: number): string {
  if (fraction > 0 && fraction < 0.001) return '<0.1%'
  return `${(fraction * 100).toFixed(1)}%`
}
