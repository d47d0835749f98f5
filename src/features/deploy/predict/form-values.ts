import type { InputColumn } from '../../../core/export/input-schema'
import type { RawRecord } from '../../../core/table/records'

/** The form's text per column; an empty field is a missing value. */
export type FormValues = Readonly<Record<string, string>>

const isDate = (input: InputColumn) => input.kind === 'numeric' && input.type === 'datetime'

/** "2024-03-01" for a date input, from epoch ms. */
function dateText(epoch: number): string {
  return new Date(epoch).toISOString().slice(0, 10)
}

/** A cell (as the data holds it) as the form shows it. */
export function fieldText(input: InputColumn, value: number | string | null): string {
  if (value === null || (typeof value === 'number' && Number.isNaN(value))) return ''
  if (isDate(input) && typeof value === 'number') return dateText(value)
  return String(value)
}

/** The typical row: each column's median or most frequent category. */
export function typicalValues(schema: readonly InputColumn[]): FormValues {
  return Object.fromEntries(schema.map((c) => [c.name, fieldText(c, c.typical)]))
}

/** A row of the data, for the columns the form has. */
export function rowValues(
  schema: readonly InputColumn[],
  record: Readonly<Record<string, number | string | null>>,
): FormValues {
  return Object.fromEntries(schema.map((c) => [c.name, fieldText(c, record[c.name] ?? null)]))
}

/**
 * The form as a record to check and score: numbers as numbers, dates and categories as text,
 * empty fields missing. Text that is no number stays text, so the checks name it.
 */
export function formRecord(schema: readonly InputColumn[], values: FormValues): RawRecord {
  return Object.fromEntries(
    schema.map((c) => {
      const text = (values[c.name] ?? '').trim()
      if (text === '') return [c.name, null]
      if (c.kind === 'numeric' && !isDate(c)) {
        const n = Number(text)
        return [c.name, text !== '' && Number.isFinite(n) ? n : text]
      }
      return [c.name, text]
    }),
  )
}

/** A plain-words warning when a number or date lies outside what training saw; else null. */
export function rangeWarning(input: InputColumn, text: string): string | null {
  if (input.kind !== 'numeric' || input.min === null || input.max === null || text.trim() === '')
    return null
  const value = isDate(input) ? Date.parse(`${text.trim()}T00:00:00Z`) : Number(text)
  if (!Number.isFinite(value) || (value >= input.min && value <= input.max)) return null
  const shown = (v: number) => (isDate(input) ? dateText(v) : String(v))
  return `Outside the training range (${shown(input.min)} to ${shown(input.max)}): the model never saw such a value, so treat this prediction with care.`
}
