/**
 * Dates as spreadsheets and exports write them, read into epoch milliseconds (UTC). A date
 * without a time zone is read as UTC, so a day never shifts with the analyst's clock.
 */

/** How the day and month are ordered in dates written with the year last. */
export type DayMonthOrder = 'day-first' | 'month-first'

const TIME = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?`
/** 2024-03-31, 2024/03/31, 2024.03.31, with an optional time. */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`)
/** 31/03/2024 or 03/31/2024 (also with - or .), with an optional time. */
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`)

interface DateMatch {
  readonly year: number
  /** The two numbers before the year (year last) or after it (year first), as written. */
  readonly a: number
  readonly b: number
  readonly yearFirst: boolean
  readonly time: readonly (string | undefined)[]
}

function match(text: string): DateMatch | null {
  const first = YEAR_FIRST.exec(text)
  if (first) {
    return {
      year: Number(first[1]),
      a: Number(first[3]),
      b: Number(first[4]),
      yearFirst: true,
      time: first.slice(5),
    }
  }
  const last = YEAR_LAST.exec(text)
  if (last) {
    return {
      year: Number(last[4]),
      a: Number(last[1]),
      b: Number(last[3]),
      yearFirst: false,
      time: last.slice(5),
    }
  }
  return null
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function toEpoch(year: number, month: number, day: number, time: DateMatch['time']): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN
  const [h = '0', mi = '0', s = '0', fraction = '', zone] = time
  const hours = Number(h)
  const minutes = Number(mi)
  const seconds = Number(s)
  if (hours > 23 || minutes > 59 || seconds > 59) return Number.NaN
  const ms = Math.round(Number(`0.${fraction || '0'}`) * 1000)
  let epoch = Date.UTC(year, month - 1, day, hours, minutes, seconds, ms)
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    epoch -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000
  }
  return epoch
}

export interface DateReading {
  /** Epoch ms per text, NaN where the text is not a date. */
  readonly values: Float64Array
  /** How many texts are not dates. */
  readonly failures: number
  /** Day/month order of dates written with the year last; null when there were none. */
  readonly order: DayMonthOrder | null
  /** True when no value decided the order, so it is an assumption. */
  readonly orderAssumed: boolean
  /** True when some value has a time of day. */
  readonly hasTime: boolean
}

/**
 * Reads a list of texts (a column's distinct values) as dates. For dates written with the year
 * last, a first number above 12 means day first, a second above 12 month first; when none is
 * above 12 the order is month first, as US exports write them, and `orderAssumed` says so.
 * Returns null when the values are dates in both orders (no single reading fits them all).
 *
 * `forcedOrder` reads year-last dates in that order whatever the texts suggest: a text that is
 * no date in that order counts as a failure instead of making the whole reading null. A recipe
 * learns the order from its training rows and must read every later row, even a single typed
 * one, the same way.
 */
export function readDates(
  texts: readonly string[],
  stopAtFirstFailure = false,
  forcedOrder?: DayMonthOrder,
): DateReading | null {
  const matches: (DateMatch | null)[] = []
  let dayFirst = false
  let monthFirst = false
  let yearLast = false
  for (const text of texts) {
    const found = match(text.trim())
    if (!found && stopAtFirstFailure) return null
    matches.push(found)
    if (found && !found.yearFirst) {
      yearLast = true
      if (found.a > 12) dayFirst = true
      if (found.b > 12) monthFirst = true
    }
  }
  if (dayFirst && monthFirst && !forcedOrder) return null
  const learned = dayFirst ? 'day-first' : 'month-first'
  const order: DayMonthOrder | null = yearLast ? (forcedOrder ?? learned) : null
  const values = new Float64Array(texts.length)
  let failures = 0
  let hasTime = false
  matches.forEach((found, i) => {
    let epoch = Number.NaN
    if (found) {
      const [month, day] =
        found.yearFirst || order === 'month-first' ? [found.a, found.b] : [found.b, found.a]
      epoch = toEpoch(found.year, month, day, found.time)
      if (found.time[0] !== undefined) hasTime = true
    }
    if (Number.isNaN(epoch)) failures++
    values[i] = epoch
  })
  const orderAssumed = yearLast && !forcedOrder && !dayFirst && !monthFirst
  return { values, failures, order, orderAssumed, hasTime }
}
