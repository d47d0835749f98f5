import { formatEpoch } from '../../table/column-builder'
import { readDates } from '../../table/date-parse'
import { MISSING_CODE, type Column } from '../../table/table'
import type { DatePart } from '../step-schema'
import { count } from './format'
import type { Draft } from './draft'

const DAY_MS = 86_400_000

/** Epoch ms per row of a date column, whether stored as numbers or still as date text. */
export function epochValues(column: Column): Float64Array {
  if (column.kind === 'numeric') return column.values
  const reading = readDates(column.categories, true)
  const byCode = reading?.values
  return Float64Array.from(column.codes, (code) =>
    code === MISSING_CODE || !byCode ? Number.NaN : (byCode[code] ?? Number.NaN),
  )
}

/** How many different values each calendar part takes in a date column (UTC). */
export interface DateFacts {
  readonly present: number
  readonly first: number
  readonly last: number
  readonly years: number
  readonly months: number
  readonly days: number
  readonly weekdays: number
  readonly hours: number
  readonly minutes: number
  /** The hour of the first date (UTC): with `hours` 1, every time's hour. */
  readonly hour: number
}

export function dateFacts(values: Float64Array): DateFacts {
  const sets = {
    years: new Set<number>(),
    months: new Set<number>(),
    days: new Set<number>(),
    weekdays: new Set<number>(),
    hours: new Set<number>(),
    minutes: new Set<number>(),
  }
  let present = 0
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  let hour = 0
  for (const ms of values) {
    if (Number.isNaN(ms)) continue
    present++
    if (ms < first) {
      first = ms
      hour = new Date(ms).getUTCHours()
    }
    if (ms > last) last = ms
    const d = new Date(ms)
    sets.years.add(d.getUTCFullYear())
    sets.months.add(d.getUTCMonth())
    sets.days.add(d.getUTCDate())
    sets.weekdays.add(d.getUTCDay())
    sets.hours.add(d.getUTCHours())
    sets.minutes.add(d.getUTCMinutes())
  }
  return {
    present,
    first,
    last,
    years: sets.years.size,
    months: sets.months.size,
    days: sets.days.size,
    weekdays: sets.weekdays.size,
    hours: sets.hours.size,
    minutes: sets.minutes.size,
    hour,
  }
}

/** Dates at daily resolution or finer: the day of the month takes many values. */
const isDaily = (f: DateFacts) => f.days >= 7

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const CYCLICAL: ReadonlySet<DatePart> = new Set(['month', 'weekday', 'hour', 'day-of-year'])

export interface DatePartsProposal {
  readonly step: Draft<'date-parts'>
  /** Parts that come out as plain numbers ("<column>.year"), to be scaled with the others. */
  readonly linear: readonly string[]
}

/**
 * The calendar parts of a date column that vary in the data. For a time series (`forecast`)
 * only the seasonal parts: the test period comes after every training year, so a year input
 * could only be extrapolated. Null when no part varies.
 */
export function proposeDateParts(
  name: string,
  facts: DateFacts,
  forecast = false,
): DatePartsProposal | null {
  if (facts.present === 0) return null
  const parts: DatePart[] = []
  const notes: string[] = []
  if (facts.years > 1 && !forecast) parts.push('year')
  if (facts.months > 1) parts.push('month')
  if (isDaily(facts) && facts.weekdays > 1) parts.push('weekday')
  if (facts.hours > 1) parts.push('hour')
  if (facts.hours > 1 && facts.minutes > 1) parts.push('minute')

  if (forecast && facts.years > 1)
    notes.push(
      'year is left out: the test period comes after every training year, so the model could only extrapolate it',
    )
  else if (facts.years === 1) notes.push('year is left out (a single year)')
  if (facts.months === 1) notes.push('month is left out (a single month)')
  if (!isDaily(facts))
    notes.push(
      `day and weekday are left out (only ${facts.days} different day${facts.days > 1 ? 's' : ''} of the month: not daily data)`,
    )
  if (facts.hours === 1)
    notes.push(
      `hour is left out (every time is ${facts.hour === 0 ? 'midnight' : `at ${facts.hour} o'clock`})`,
    )
  if (parts.length === 0) return null

  const cyclical = parts.some((p) => CYCLICAL.has(p))
  const distinct: Partial<Record<DatePart, number>> = {
    year: facts.years,
    month: facts.months,
    weekday: facts.weekdays,
    hour: facts.hours,
    minute: facts.minutes,
  }
  const listed = parts.map((p) => `${p} (${count(distinct[p] ?? 0)} different)`).join(', ')
  const cyc = parts.filter((p) => CYCLICAL.has(p))
  const range = `from ${formatEpoch(facts.first)} to ${formatEpoch(facts.last)}`
  return {
    step: {
      op: 'date-parts',
      column: name,
      parts,
      cyclical,
      why: `"${name}" holds dates ${range}: ${listed} ${parts.length > 1 ? 'become inputs' : 'becomes an input'}${notes.length ? `; ${notes.join('; ')}` : ''}.${cyclical ? ` ${capitalise(cyc.join(' and '))} ${cyc.length > 1 ? 'are' : 'is'} cyclical (a sine and a cosine), so December sits next to January.` : ''}`,
    },
    linear: parts.filter((p) => !CYCLICAL.has(p) || !cyclical).map((p) => `${name}.${p}`),
  }
}

export interface Cadence {
  /** "monthly", "daily"… */
  readonly label: string
  /** One period, for "next month". */
  readonly period: string
  readonly periods: string
  readonly lookback: number
  readonly medianGapDays: number
}

/**
 * The rhythm of a series from the median gap between consecutive dates, and the look-back that
 * suits it: a day of hours, a week of days, a quarter of weeks, a year of months or quarters.
 */
export function cadenceOf(sortedDates: readonly number[]): Cadence {
  const gaps: number[] = []
  for (let i = 1; i < sortedDates.length; i++) {
    const gap = (sortedDates[i] as number) - (sortedDates[i - 1] as number)
    if (gap > 0) gaps.push(gap / DAY_MS)
  }
  gaps.sort((a, b) => a - b)
  const median = gaps.length ? (gaps[Math.floor(gaps.length / 2)] as number) : 1
  const at = (label: string, period: string, periods: string, lookback: number): Cadence => ({
    label,
    period,
    periods,
    lookback,
    medianGapDays: median,
  })
  if (median < 1 / 12) return at('more often than hourly', 'step', 'steps', 24)
  if (median < 0.5) return at('hourly', 'hour', 'hours', 24)
  if (median < 5) return at('daily', 'day', 'days', 7)
  if (median < 20) return at('weekly', 'week', 'weeks', 13)
  if (median < 45) return at('monthly', 'month', 'months', 12)
  if (median < 150) return at('quarterly', 'quarter', 'quarters', 4)
  return at('yearly', 'year', 'years', 3)
}
