import { findColumn, type NumericColumn } from '../../table/table'
import { refuseTarget, spliceColumn } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'
import type { DatePart, StepOf } from '../step-schema'

const DAY_MS = 86_400_000
/** The range of a JavaScript Date: epoch ms outside it are no date at all. */
const MAX_EPOCH_MS = 8.64e15

/**
 * Periods of the cyclical parts: the sine and cosine of 2π·value/period put the last value of a
 * cycle next to the first (December beside January, Sunday beside Monday, 23:00 beside 0:00).
 * Day-of-year uses the mean year length, so 31 December of a leap year (366) sits just past the
 * cycle's start instead of on top of 1 January.
 */
export const CYCLE_PERIODS: Partial<Record<DatePart, number>> = {
  month: 12,
  weekday: 7,
  hour: 24,
  'day-of-year': 365.25,
}

/** Parts of one instant, UTC; pandas' names in brackets. */
interface Parts {
  year: number
  quarter: number
  /** 1–12 (month) */
  month: number
  /** 1–31 (day) */
  day: number
  /** 0 = Monday … 6 = Sunday (dayofweek) */
  weekday: number
  /** 1–366 (dayofyear) */
  'day-of-year': number
  hour: number
  minute: number
}

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/**
 * Calendar parts by arithmetic on the day number (H. Hinnant's civil_from_days), not through a
 * Date object per row: a million dates take milliseconds. Tests check it against Date and pandas.
 */
export function dateParts(ms: number, out: Parts): void {
  const days = Math.floor(ms / DAY_MS)
  const inDay = ms - days * DAY_MS
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  out.year = year
  out.month = month
  out.quarter = Math.floor((month - 1) / 3) + 1
  out.day = doy - Math.floor((153 * mp + 2) / 5) + 1
  // 1 January 1970 was a Thursday (3 when Monday is 0).
  out.weekday = (((days + 3) % 7) + 7) % 7
  out['day-of-year'] =
    (CUMULATIVE_DAYS[month - 1] as number) + out.day + (month > 2 && isLeap(year) ? 1 : 0)
  out.hour = Math.floor(inDay / 3_600_000)
  out.minute = Math.floor((inDay % 3_600_000) / 60_000)
}

/** The output columns of one part: "<column>.<part>", or "…_sin" and "…_cos" when cyclical. */
function partNames(step: StepOf<'date-parts'>, part: DatePart): string[] {
  const name = `${step.column}.${part}`
  return step.cyclical && CYCLE_PERIODS[part] ? [`${name}_sin`, `${name}_cos`] : [name]
}

export function datePartNames(step: StepOf<'date-parts'>): string[] {
  return [...new Set(step.parts)].flatMap((part) => partNames(step, part))
}

/** Every present value within four months of 1970: numbers, years or seconds, not epoch ms. */
function looksLikePlainNumbers(values: Float64Array): boolean {
  let present = 0
  for (const v of values) {
    if (v !== v) continue
    if (Math.abs(v) >= 1e10) return false
    present++
  }
  return present > 0
}

/**
 * A date column (epoch ms, UTC) replaced in place by its calendar parts, as pandas' `.dt`
 * accessors give them (weekday 0 = Monday, day-of-year from 1). A missing date gives missing
 * parts. Nothing is learned: the parts of a date never depend on other rows.
 */
export const datePartsStep: StepImpl<'date-parts'> = {
  fit(step, _table, _rows, ctx) {
    refuseTarget([step.column], ctx.target, 'split into date parts')
    return step
  },
  apply(step, table) {
    const column = findColumn(table, step.column)
    if (column.kind !== 'numeric') {
      throw new Error(
        `"${step.column}" holds text, not dates, so it cannot be split into date parts. Set its type to datetime on the Data step, or add a cast step to datetime before this step.`,
      )
    }
    const parts = [...new Set(step.parts)]
    const n = table.rowCount
    const outputs = parts.flatMap((part) =>
      partNames(step, part).map((name): NumericColumn => ({
        name,
        kind: 'numeric',
        values: new Float64Array(n),
      })),
    )
    const found: Parts = {
      year: 0,
      quarter: 0,
      month: 0,
      day: 0,
      weekday: 0,
      'day-of-year': 0,
      hour: 0,
      minute: 0,
    }
    for (let row = 0; row < n; row++) {
      const ms = column.values[row] as number
      const present = Math.abs(ms) <= MAX_EPOCH_MS
      if (present) dateParts(ms, found)
      let at = 0
      for (const part of parts) {
        const period = step.cyclical ? CYCLE_PERIODS[part] : undefined
        const value = present ? found[part] : Number.NaN
        if (period === undefined) {
          ;(outputs[at++] as NumericColumn).values[row] = value
        } else {
          const angle = (2 * Math.PI * value) / period
          ;(outputs[at++] as NumericColumn).values[row] = Math.sin(angle)
          ;(outputs[at++] as NumericColumn).values[row] = Math.cos(angle)
        }
      }
    }
    const notes = looksLikePlainNumbers(column.values)
      ? [
          `Every value of "${step.column}" falls within four months of 1 January 1970: they look like plain numbers, years or seconds rather than dates. Set the column's type to datetime on the Data step so they are read as dates.`,
        ]
      : []
    return { table: spliceColumn(table, step.column, outputs), notes }
  },
  describe: (step) =>
    `Date parts of ${step.column}: ${[...new Set(step.parts)].join(', ')}${step.cyclical ? ' (cyclical as sine/cosine)' : ''}`,
  reads: (step) => [step.column],
}
