import { cellNumber, formatEpoch } from './column-builder'
import type { ColumnTypeInfo } from './column-type'
import { readDates, type DateReading } from './date-parse'
import {
  MISSING_CODE,
  type CategoricalColumn,
  type Column,
  type NumericColumn,
  type Table,
} from './table'

/** What the reader knew about a column beyond its cells. */
export interface ColumnSource {
  /** Every present cell arrived as a Date (a spreadsheet or Parquet date column). */
  readonly allDates?: boolean
}

/** Fewer rows than this and "every value differs" says nothing about being an identifier. */
const MIN_IDENTIFIER_ROWS = 20
/** Free text: longer than this on average, mostly with spaces, mostly distinct. */
const TEXT_MEAN_LENGTH = 30

const BOOLEAN_PAIRS = [
  ['false', 'true'],
  ['no', 'yes'],
  ['n', 'y'],
  ['f', 't'],
  ['0', '1'],
]

export const count = (n: number): string => n.toLocaleString('en-US')

export function formatValue(value: number): string {
  if (Number.isInteger(value)) return count(value)
  const abs = Math.abs(value)
  if (abs >= 1e6 || abs < 1e-3) return value.toPrecision(3)
  return value.toLocaleString('en-US', { maximumSignificantDigits: 6 })
}

const quoted = (texts: readonly string[]): string =>
  texts.map((t) => `"${t.length > 24 ? `${t.slice(0, 24)}…` : t}"`).join(', ')

/** "All 1,000 values" or "All 990 present values (10 missing)". */
function allValues(present: number, rowCount: number): string {
  return present === rowCount
    ? `All ${count(present)} values`
    : `All ${count(present)} present values (${count(rowCount - present)} missing)`
}

export interface InferredColumn {
  readonly info: ColumnTypeInfo
  /** For text columns inferred as dates: epoch ms per row, the column's new storage. */
  readonly dates?: Float64Array
}

function inferNumeric(
  column: NumericColumn,
  rowCount: number,
  source?: ColumnSource,
): InferredColumn {
  let present = 0
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let whole = true
  for (const v of column.values) {
    if (v !== v) continue
    present++
    if (v < min) min = v
    if (v > max) max = v
    if (whole && !Number.isInteger(v)) whole = false
  }
  if (present === 0) return { info: { type: 'constant', reason: 'Every value is missing.' } }
  if (source?.allDates) {
    return {
      info: {
        type: 'datetime',
        reason: `${allValues(present, rowCount)} are dates, from ${formatEpoch(min)} to ${formatEpoch(max)}.`,
      },
    }
  }
  if (min === max) {
    return {
      info: {
        type: 'constant',
        reason: `${allValues(present, rowCount)} are ${formatValue(min)}.`,
      },
    }
  }
  if (whole && min === 0 && max === 1) {
    let ones = 0
    for (const v of column.values) if (v === 1) ones++
    return {
      info: {
        type: 'boolean',
        reason: `${allValues(present, rowCount)} are 0 or 1 (${count(ones)} ones, ${count(present - ones)} zeros).`,
      },
    }
  }
  if (whole && isIntegerSequence(column.values, present, rowCount, min, max)) {
    return {
      info: {
        type: 'identifier',
        reason: `The ${count(rowCount)} values are the whole numbers ${formatValue(min)} to ${formatValue(max)}, each once: a row number or key, not a measurement.`,
      },
    }
  }
  const range = `from ${formatValue(min)} to ${formatValue(max)}`
  return whole
    ? {
        info: {
          type: 'integer',
          reason: `${allValues(present, rowCount)} are whole numbers ${range}.`,
        },
      }
    : { info: { type: 'numeric', reason: `${allValues(present, rowCount)} are numbers ${range}.` } }
}

/** Every row holds a different whole number and together they fill a range: 1..n, 1001..2000. */
function isIntegerSequence(
  values: Float64Array,
  present: number,
  rowCount: number,
  min: number,
  max: number,
): boolean {
  if (present !== rowCount || rowCount < MIN_IDENTIFIER_ROWS || max - min + 1 !== rowCount)
    return false
  const seen = new Uint8Array(rowCount)
  for (const v of values) {
    const at = v - min
    if (seen[at] === 1) return false
    seen[at] = 1
  }
  return true
}

function categoryCounts(column: CategoricalColumn): Int32Array {
  const counts = new Int32Array(column.categories.length)
  for (const code of column.codes) if (code !== MISSING_CODE) counts[code] = (counts[code] ?? 0) + 1
  return counts
}

function booleanPair(used: readonly string[]): boolean {
  if (used.length !== 2) return false
  const pair = used.map((t) => t.toLowerCase()).sort()
  return BOOLEAN_PAIRS.some(([a, b]) => pair[0] === a && pair[1] === b)
}

/** Dates of every distinct value, or null when one of them is not a date. */
function datesOf(used: readonly string[]): DateReading | null {
  const reading = readDates(used, true)
  return reading && reading.failures === 0 ? reading : null
}

export function dateOrderNote(reading: DateReading): string {
  if (reading.order === null) return ''
  if (reading.orderAssumed)
    return ' No day is above 12, so they are read as month/day/year (US order).'
  return reading.order === 'day-first'
    ? ' Some first numbers are above 12, so they are read as day/month/year.'
    : ' Some second numbers are above 12, so they are read as month/day/year.'
}

function inferCategorical(column: CategoricalColumn, rowCount: number): InferredColumn {
  const counts = categoryCounts(column)
  const used: string[] = []
  const usedCodes: number[] = []
  let present = 0
  counts.forEach((n, code) => {
    if (n === 0) return
    present += n
    used.push(column.categories[code] ?? '')
    usedCodes.push(code)
  })
  if (present === 0) return { info: { type: 'constant', reason: 'Every value is missing.' } }
  if (used.length === 1) {
    return {
      info: { type: 'constant', reason: `${allValues(present, rowCount)} are ${quoted(used)}.` },
    }
  }
  if (booleanPair(used)) {
    return {
      info: {
        type: 'boolean',
        reason: `The only values are ${quoted(used).replace(', ', ' and ')}.`,
      },
    }
  }
  const dates = datesOf(used)
  if (dates) return inferredDates(column, rowCount, present, dates, usedCodes)
  let length = 0
  let spaced = 0
  usedCodes.forEach((code, i) => {
    const text = used[i] ?? ''
    const n = counts[code] ?? 0
    length += text.length * n
    if (text.includes(' ')) spaced += n
  })
  const distinct = used.length
  if (length / present > TEXT_MEAN_LENGTH && spaced >= present / 2 && distinct >= present / 2) {
    return {
      info: {
        type: 'text',
        reason: `Long free text: ${count(Math.round(length / present))} characters on average, ${Math.round((100 * distinct) / present)}% of the values different.`,
      },
    }
  }
  if (distinct === present && present >= MIN_IDENTIFIER_ROWS && present >= rowCount * 0.95) {
    return {
      info: {
        type: 'identifier',
        reason: `Each of the ${count(present)} rows has its own value (such as ${quoted(used.slice(0, 2))}): a key that names rows, not a feature.`,
      },
    }
  }
  // Only now, past the text and identifier checks, is every value tried as a number: a million
  // ids would otherwise pay for a number parse and a pattern test each.
  let numberLike = 0
  let codeLike = 0
  usedCodes.forEach((code, i) => {
    const text = used[i] ?? ''
    const n = counts[code] ?? 0
    if (!Number.isNaN(cellNumber(text))) numberLike += n
    else if (/^[-+]?0\d+$/.test(text)) codeLike += n
  })
  const examples = `${count(distinct)} different values, such as ${quoted(used.slice(0, 3))}`
  if (codeLike > 0 && codeLike + numberLike === present) {
    return {
      info: {
        type: 'categorical',
        reason: `${examples}; values with leading zeros such as ${quoted(used.filter((t) => /^[-+]?0\d/.test(t)).slice(0, 1))} are codes, not numbers.`,
      },
    }
  }
  if (numberLike >= present * 0.9) {
    const others = used.filter((t) => Number.isNaN(cellNumber(t))).slice(0, 2)
    return {
      info: {
        type: 'categorical',
        reason: `Most values are numbers, but ${count(present - numberLike)} of ${count(present)} are not (such as ${quoted(others)}); choose numeric to read those as missing.`,
      },
    }
  }
  return { info: { type: 'categorical', reason: `${examples}.` } }
}

function inferredDates(
  column: CategoricalColumn,
  rowCount: number,
  present: number,
  reading: DateReading,
  usedCodes: readonly number[],
): InferredColumn {
  const byCode = new Float64Array(column.categories.length).fill(Number.NaN)
  usedCodes.forEach((code, i) => (byCode[code] = reading.values[i] ?? Number.NaN))
  const dates = new Float64Array(rowCount)
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (let row = 0; row < rowCount; row++) {
    const code = column.codes[row] ?? MISSING_CODE
    const ms = code === MISSING_CODE ? Number.NaN : (byCode[code] ?? Number.NaN)
    dates[row] = ms
    if (ms < min) min = ms
    if (ms > max) max = ms
  }
  return {
    info: {
      type: 'datetime',
      reason: `${allValues(present, rowCount)} are ${reading.hasTime ? 'dates with times' : 'dates'}, from ${formatEpoch(min)} to ${formatEpoch(max)}.${dateOrderNote(reading)}`,
    },
    dates,
  }
}

export function inferColumn(
  column: Column,
  rowCount: number,
  source?: ColumnSource,
): InferredColumn {
  return column.kind === 'numeric'
    ? inferNumeric(column, rowCount, source)
    : inferCategorical(column, rowCount)
}

/** The type of each column, with the reason an analyst can check. */
export function inferColumnTypes(
  table: Table,
  sources: readonly ColumnSource[] = [],
): ColumnTypeInfo[] {
  return table.columns.map((c, i) => inferColumn(c, table.rowCount, sources[i]).info)
}

/**
 * Types every column and gives each the storage its type needs: text columns that hold dates
 * become epoch-millisecond numeric columns; every other column keeps its storage.
 */
export function inferTable(
  table: Table,
  sources: readonly ColumnSource[] = [],
): { table: Table; types: ColumnTypeInfo[] } {
  const types: ColumnTypeInfo[] = []
  const columns = table.columns.map((column, i): Column => {
    const { info, dates } = inferColumn(column, table.rowCount, sources[i])
    types.push(info)
    return dates ? { name: column.name, kind: 'numeric', values: dates } : column
  })
  return { table: { columns, rowCount: table.rowCount }, types }
}
