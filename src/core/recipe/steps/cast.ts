import { numbersToDates } from '../../table/cast-column'
import { readDates, type DayMonthOrder } from '../../table/date-parse'
import { parseNumber } from '../../table/infer'
import { count } from '../../table/infer-types'
import {
  findColumn,
  MISSING_CODE,
  type CategoricalColumn,
  type Column,
  type NumericColumn,
} from '../../table/table'
import { numbersAsCategories, spliceColumn } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'
import { codeCounts } from '../pipeline/stats'
import type { StepOf } from '../step-schema'

type CastStep = StepOf<'cast'>

const KIND_WORDS: Record<CastStep['to'], string> = {
  numeric: 'numbers',
  categorical: 'categories',
  datetime: 'dates',
}

/** Each category read once through `read`, then every row takes its category's number. */
function categoriesAsNumbers(
  column: CategoricalColumn,
  byCategory: Float64Array,
  live: Int32Array,
  what: string,
): { column: NumericColumn; note: string | null } {
  const values = new Float64Array(column.codes.length)
  column.codes.forEach((code, row) => {
    values[row] = code === MISSING_CODE ? Number.NaN : (byCategory[code] as number)
  })
  let failed = 0
  let example: string | null = null
  for (const row of live) {
    const code = column.codes[row] as number
    if (code === MISSING_CODE || !Number.isNaN(byCategory[code])) continue
    failed++
    example ??= column.categories[code] ?? null
  }
  const note = failed
    ? `${count(failed)} value(s) of "${column.name}" are not ${what} (such as "${example ?? ''}") and became missing.`
    : null
  return { column: { name: column.name, kind: 'numeric', values }, note }
}

/** The categories the training rows use, in dictionary order. */
function trainingLabels(column: CategoricalColumn, rows: Int32Array): string[] {
  const counts = codeCounts(column, rows)
  return column.categories.filter((_, code) => (counts[code] as number) > 0)
}

/** The day/month order of the training rows' dates, refused when they are not dates at all. */
function learnOrder(column: CategoricalColumn, rows: Int32Array): DayMonthOrder | null {
  const labels = trainingLabels(column, rows)
  if (labels.length === 0) return null
  const reading = readDates(labels)
  if (!reading) {
    throw new Error(
      `The training rows of "${column.name}" mix day-first (31/12/2024) and month-first (12/31/2024) dates, so no single reading fits them. Write the dates one way in the file, or keep the column as categories.`,
    )
  }
  if (reading.failures === labels.length) {
    throw new Error(
      `No training value of "${column.name}" is a date (such as "${labels[0] ?? ''}"). Dates look like 2024-03-31, 31/03/2024 or 03/31/2024; choose another type for this column.`,
    )
  }
  return reading.order
}

function textToDates(step: CastStep, column: CategoricalColumn, live: Int32Array) {
  const fitted = step.fitted
  if (!fitted) throw new Error(`The cast of "${step.column}" to dates has not been fitted yet.`)
  // Without a learned order (no training date had the year last), US order, as on loading.
  const order = fitted.dayMonthOrder ?? 'month-first'
  // With a forced order the reading is never null: dates of the other order fail one by one.
  const reading = readDates(column.categories, false, order)
  const byCategory = reading?.values ?? new Float64Array(column.categories.length).fill(Number.NaN)
  const cast = categoriesAsNumbers(column, byCategory, live, 'dates')
  const notes = cast.note ? [cast.note] : []
  if (fitted.dayMonthOrder && reading?.order) {
    notes.push(
      `Dates with the year last are read ${order === 'day-first' ? 'day/month/year' : 'month/day/year'}, as in the training rows.`,
    )
  }
  return { column: cast.column, notes }
}

/**
 * Numbers to dates as each value alone would read, so a row reads the same alone or in a file.
 * The three forms cover ranges that do not overlap, so when the whole column reads one way (the
 * usual case) that is each value's own reading; otherwise each distinct value is read alone.
 */
function numbersToDateColumn(column: NumericColumn, live: Int32Array) {
  const whole = numbersToDates(column.values)
  const cache = new Map<number, { epoch: number; how: string | null }>()
  const read = (v: number) => {
    let found = cache.get(v)
    if (!found) {
      const dates = numbersToDates(Float64Array.of(v))
      found = { epoch: dates?.values[0] ?? Number.NaN, how: dates?.how ?? null }
      cache.set(v, found)
    }
    return found
  }
  if (whole) {
    // Count what the note needs without reading value by value.
    let failed = 0
    let example: number | null = null
    for (const row of live) {
      if (column.values[row] === column.values[row] && Number.isNaN(whole.values[row])) {
        failed++
        example ??= column.values[row] as number
      }
    }
    return {
      column: { ...column, values: whole.values },
      notes: dateNotes(column.name, [whole.how], failed, example),
    }
  }
  const values = column.values.map((v) => (v === v ? read(v).epoch : Number.NaN))
  let failed = 0
  let example: number | null = null
  const hows = new Set<string>()
  for (const row of live) {
    const v = column.values[row] as number
    if (v !== v) continue
    const { epoch, how } = read(v)
    if (how) hows.add(how)
    if (Number.isNaN(epoch)) {
      failed++
      example ??= v
    }
  }
  return {
    column: { ...column, values },
    notes: dateNotes(column.name, [...hows], failed, example),
  }
}

function dateNotes(name: string, hows: string[], failed: number, example: number | null) {
  const notes = hows.length ? [`Read as ${hows.join(' and ')}.`] : []
  if (failed) {
    notes.push(
      `${count(failed)} value(s) of "${name}" (such as ${example}) are not YYYYMMDD dates or seconds/milliseconds since 1970 and became missing.`,
    )
  }
  return notes
}

/** Refuses numbers that are not one date format in the training rows, before any row is cast. */
function checkNumberDates(column: NumericColumn, rows: Int32Array): void {
  const present = Float64Array.from(rows, (row) => column.values[row] as number).filter(
    (v) => v === v,
  )
  if (present.length === 0 || numbersToDates(present)) return
  throw new Error(
    `The training values of "${column.name}" are not all YYYYMMDD dates, nor all seconds or milliseconds since 1970, so they cannot be read as dates. Choose another type for this column.`,
  )
}

function cast(
  step: CastStep,
  column: Column,
  live: Int32Array,
): { column: Column; notes: string[] } {
  if (step.to === 'categorical') {
    return { column: column.kind === 'numeric' ? numbersAsCategories(column) : column, notes: [] }
  }
  if (step.to === 'numeric') {
    if (column.kind === 'numeric') return { column, notes: [] }
    const byCategory = Float64Array.from(
      column.categories,
      (label) => parseNumber(label) ?? Number.NaN,
    )
    const result = categoriesAsNumbers(column, byCategory, live, 'numbers')
    return { column: result.column, notes: result.note ? [result.note] : [] }
  }
  return column.kind === 'numeric'
    ? numbersToDateColumn(column, live)
    : textToDates(step, column, live)
}

/**
 * Changes how a column is read: text of numbers to numbers, numbers (codes) to categories, text
 * or date numbers (YYYYMMDD, Unix seconds or milliseconds) to dates as epoch ms. Text dates are
 * read in the day/month order the training rows show, stored so every later row reads alike.
 */
export const castStep: StepImpl<'cast'> = {
  fit(step, table, trainRows, ctx) {
    const column = findColumn(table, step.column)
    if (step.to !== 'datetime') return step
    if (step.column === ctx.target) {
      throw new Error(
        `"${ctx.target}" is the target and cannot become dates: a model predicts categories or numbers. Remove this cast, or choose another target on the Data step.`,
      )
    }
    if (column.kind === 'numeric') {
      checkNumberDates(column, trainRows)
      return { ...step, fitted: { dayMonthOrder: null } }
    }
    return { ...step, fitted: { dayMonthOrder: learnOrder(column, trainRows) } }
  },
  apply(step, table, liveRows) {
    const { column, notes } = cast(step, findColumn(table, step.column), liveRows)
    return { table: spliceColumn(table, step.column, [column]), notes }
  },
  describe: (step) => `Read ${step.column} as ${KIND_WORDS[step.to]}`,
  reads: (step) => [step.column],
}
