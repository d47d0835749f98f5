import type { ColumnTypeInfo } from '../../table/column-type'
import { cellLabel, MISSING_CODE, type Column, type Table } from '../../table/table'
import { cadenceOf, dateFacts, type Cadence, type DateFacts } from './dates'

/** Dates this unique (share of distinct dates among rows) make one series, not a panel. */
const UNIQUE_DATES = 0.9
/** A column splits rows into series when it has at most this many values. */
const MAX_SERIES = 100
/** Fewer rows than this in a series leave too little history to learn from. */
const MIN_SERIES_ROWS = 24
/** A forecasting target follows its own past: lag-1 autocorrelation at least this. */
const MIN_AUTOCORRELATION = 0.5
/** Every window needs `lookback` rows of history: keep at least this many windows per look-back. */
const ROWS_PER_LOOKBACK = 5

export interface SeriesEntity {
  readonly column: string
  /** The series kept: the value with the most rows (the first in the file on a tie). */
  readonly value: string
  /** Every series, most rows first. */
  readonly series: readonly { readonly value: string; readonly rows: number }[]
}

/** A regression target that is a time series, and how to forecast it. */
export interface SeriesPlan {
  readonly dateColumn: string
  readonly entity: SeriesEntity | null
  readonly rows: number
  readonly autocorrelation: number
  readonly cadence: Cadence
  readonly lookback: number
  readonly horizon: number
  /** Calendar facts of the series kept, to choose its date parts. */
  readonly dates: DateFacts
}

function distinctShare(dates: Float64Array, rows: readonly number[]): number {
  const seen = new Set<number>()
  for (const row of rows) seen.add(dates[row] as number)
  return rows.length ? seen.size / rows.length : 0
}

/** Pearson correlation of each value with the one before it. */
function lag1Autocorrelation(values: readonly number[]): number {
  const n = values.length - 1
  if (n < 2) return 0
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += values[i] as number
    my += values[i + 1] as number
  }
  mx /= n
  my /= n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (values[i] as number) - mx
    const dy = (values[i + 1] as number) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0
}

/** A categorical column whose values, with the date, name rows uniquely: one series each. */
function findEntity(
  table: Table,
  types: readonly ColumnTypeInfo[],
  dates: Float64Array,
  rows: readonly number[],
  exclude: ReadonlySet<string>,
): SeriesEntity | null {
  let column: Column | null = null
  let fewest = Number.POSITIVE_INFINITY
  for (const [i, candidate] of table.columns.entries()) {
    const type = types[i]?.type
    if (candidate.kind !== 'categorical' || exclude.has(candidate.name)) continue
    if (type === 'text' || type === 'identifier' || type === 'constant') continue
    const levels = new Set<number>()
    const pairs = new Set<string>()
    for (const row of rows) {
      const code = candidate.codes[row] as number
      if (code === MISSING_CODE) continue
      levels.add(code)
      pairs.add(`${code}|${dates[row] as number}`)
    }
    if (levels.size < 2 || levels.size > MAX_SERIES) continue
    if (pairs.size < UNIQUE_DATES * rows.length) continue
    // The coarsest split that makes dates unique: symbols rather than symbol-and-something.
    if (levels.size < fewest) {
      column = candidate
      fewest = levels.size
    }
  }
  if (!column) return null
  const counts = new Map<string, number>()
  for (const row of rows) {
    const label = cellLabel(column, row)
    if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  // Map keeps first-seen order and sort is stable, so ties stay in file order.
  const series = [...counts]
    .map(([value, n]) => ({ value, rows: n }))
    .sort((a, b) => b.rows - a.rows)
  return { column: column.name, value: series[0]?.value ?? '', series }
}

/**
 * Whether a regression target is a time series: a date column orders its rows (one row per
 * date, or per date and entity such as a stock symbol) and, in that order, the target follows
 * its own previous value. Returns how to forecast it, or null.
 */
export function detectSeries(
  table: Table,
  target: string,
  types: readonly ColumnTypeInfo[],
): SeriesPlan | null {
  const targetColumn = table.columns.find((c) => c.name === target)
  if (targetColumn?.kind !== 'numeric') return null
  const y = targetColumn.values
  for (const [i, column] of table.columns.entries()) {
    if (types[i]?.type !== 'datetime' || column.kind !== 'numeric' || column.name === target)
      continue
    const dates = column.values
    const usable: number[] = []
    for (let row = 0; row < table.rowCount; row++)
      if (!Number.isNaN(dates[row]) && !Number.isNaN(y[row])) usable.push(row)
    let entity: SeriesEntity | null = null
    let rows = usable
    if (distinctShare(dates, usable) < UNIQUE_DATES) {
      entity = findEntity(table, types, dates, usable, new Set([target, column.name]))
      if (!entity) continue
      const byEntity = table.columns.find((c) => c.name === entity?.column) as Column
      rows = usable.filter((row) => cellLabel(byEntity, row) === entity?.value)
      if (distinctShare(dates, rows) < UNIQUE_DATES) continue
    }
    if (rows.length < MIN_SERIES_ROWS) continue
    const ordered = [...rows].sort((a, b) => (dates[a] as number) - (dates[b] as number))
    const autocorrelation = lag1Autocorrelation(ordered.map((row) => y[row] as number))
    if (autocorrelation < MIN_AUTOCORRELATION) continue
    const cadence = cadenceOf(ordered.map((row) => dates[row] as number))
    const lookback = Math.max(
      1,
      Math.min(cadence.lookback, Math.floor(rows.length / ROWS_PER_LOOKBACK)),
    )
    return {
      dateColumn: column.name,
      entity,
      rows: rows.length,
      autocorrelation,
      cadence,
      lookback,
      horizon: 1,
      dates: dateFacts(Float64Array.from(rows, (row) => dates[row] as number)),
    }
  }
  return null
}
