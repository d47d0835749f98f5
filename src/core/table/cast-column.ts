import { cellNumber, formatEpoch } from './column-builder'
import type { ColumnType, ColumnTypeInfo } from './column-type'
import { readDates } from './date-parse'
import { numbersAsCategories } from './numbers-as-categories'
import { count, dateOrderNote } from './infer-types'
import { MISSING_CODE, type CategoricalColumn, type Column, type NumericColumn } from './table'

const NUMBER_STORAGE = new Set<ColumnType>(['numeric', 'integer', 'datetime'])
const CATEGORY_STORAGE = new Set<ColumnType>(['categorical', 'text'])

export interface CastResult {
  readonly column: Column
  readonly info: ColumnTypeInfo
}

const LABELS: Record<ColumnType, string> = {
  numeric: 'numbers',
  integer: 'whole numbers',
  boolean: 'yes/no values',
  categorical: 'categories',
  datetime: 'dates',
  text: 'free text',
  identifier: 'an identifier',
  constant: 'a constant',
}

/** Each distinct category mapped to a number (NaN where it is none), applied to every row. */
function categoriesToNumbers(
  column: CategoricalColumn,
  byCategory: Float64Array,
): { column: NumericColumn; failed: number; example: string | null } {
  const values = new Float64Array(column.codes.length)
  let failed = 0
  let example: string | null = null
  column.codes.forEach((code, row) => {
    if (code === MISSING_CODE) {
      values[row] = Number.NaN
      return
    }
    const value = byCategory[code] ?? Number.NaN
    if (Number.isNaN(value)) {
      failed++
      example ??= column.categories[code] ?? null
    }
    values[row] = value
  })
  return { column: { name: column.name, kind: 'numeric', values }, failed, example }
}

function lostNote(failed: number, example: string | null, what: string): string {
  if (failed === 0) return ''
  return ` ${count(failed)} cell(s) that are not ${what} (such as "${example ?? ''}") are now missing.`
}

/** Numbers to dates: YYYYMMDD, Unix seconds or milliseconds, whichever fits every value. */
export function numbersToDates(values: Float64Array): { values: Float64Array; how: string } | null {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let whole = true
  for (const v of values) {
    if (v !== v) continue
    if (v < min) min = v
    if (v > max) max = v
    if (!Number.isInteger(v)) whole = false
  }
  if (min > max) return null
  if (whole && min >= 1000_01_01 && max <= 9999_12_31) {
    const texts = Array.from(values, (v) =>
      Number.isNaN(v) ? '' : String(v).replace(/^(\d{4})(\d\d)(\d\d)$/, '$1-$2-$3'),
    )
    const reading = readDates(texts)
    return reading ? { values: reading.values, how: 'year-month-day numbers (YYYYMMDD)' } : null
  }
  if (min >= 1e8 && max < 1e10)
    return { values: values.map((v) => v * 1000), how: 'seconds since 1970' }
  if (min >= 1e11 && max < 1e14) return { values: values.slice(), how: 'milliseconds since 1970' }
  return null
}

function toNumbers(column: Column, to: ColumnType): { column: Column; note: string } {
  if (column.kind === 'numeric') {
    if (to !== 'datetime') return { column, note: '' }
    const dates = numbersToDates(column.values)
    if (!dates) {
      const values = new Float64Array(column.values.length).fill(Number.NaN)
      return {
        column: { ...column, values },
        note: ' The numbers are not YYYYMMDD dates or seconds/milliseconds since 1970, so every cell is now missing.',
      }
    }
    return { column: { ...column, values: dates.values }, note: ` Read as ${dates.how}.` }
  }
  if (to === 'datetime') {
    const reading = readDates(column.categories)
    if (!reading) {
      const values = new Float64Array(column.codes.length).fill(Number.NaN)
      return {
        column: { name: column.name, kind: 'numeric', values },
        note: ' The values mix day/month and month/day orders, so every cell is now missing.',
      }
    }
    const cast = categoriesToNumbers(column, reading.values)
    return {
      column: cast.column,
      note: `${lostNote(cast.failed, cast.example, 'dates')}${dateOrderNote(reading)}`,
    }
  }
  const byCategory = Float64Array.from(column.categories, (text) => {
    const value = Number(text.trim())
    return text.trim() !== '' && Number.isFinite(value) ? value : cellNumber(text)
  })
  const cast = categoriesToNumbers(column, byCategory)
  let note = lostNote(cast.failed, cast.example, 'numbers')
  if (to === 'integer' && cast.column.values.some((v) => !Number.isNaN(v) && !Number.isInteger(v)))
    note += ' Some values have decimals; they are kept as they are.'
  return { column: cast.column, note }
}

/** Numbers as categories: each distinct number (or date) becomes one category. */
function toCategories(column: Column, wasDates: boolean): Column {
  if (column.kind === 'categorical') return column
  return numbersAsCategories(column, wasDates ? formatEpoch : String)
}

/**
 * The column as the analyst's chosen type, converted from the column as loaded (never from an
 * earlier override, so nothing lost by one cast is missing from the next). Choosing the inferred
 * type again gives back the loaded column and the inferred reason.
 */
export function castColumn(loaded: Column, inferred: ColumnTypeInfo, to: ColumnType): CastResult {
  if (to === inferred.type) return { column: loaded, info: inferred }
  let column = loaded
  let note = ''
  if (NUMBER_STORAGE.has(to)) ({ column, note } = toNumbers(loaded, to))
  else if (CATEGORY_STORAGE.has(to)) column = toCategories(loaded, inferred.type === 'datetime')
  return {
    column,
    info: {
      type: to,
      reason: `Chosen by you: read as ${LABELS[to]} (inferred: ${inferred.type}).${note}`,
      overridden: true,
    },
  }
}
