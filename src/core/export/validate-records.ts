import type { RawRecord } from '../table/records'
import type { InputColumn } from './input-schema'

/** One thing wrong with rows sent for scoring, said so that the sender can fix it. */
export interface RecordProblem {
  /** 0-based position of the record; null when the problem is the input as a whole. */
  readonly row: number | null
  readonly column: string | null
  readonly message: string
}

export type RecordsCheck =
  | {
      readonly ok: true
      readonly records: RawRecord[]
      /** Worth knowing, not blocking: a value outside the training range, an unseen category. */
      readonly warnings: RecordProblem[]
    }
  | { readonly ok: false; readonly errors: RecordProblem[] }

/** More records than this in one call are refused: send them in parts. */
export const MAX_RECORDS = 100_000
/** Problems listed at most; the rest are counted in the last line. */
const MAX_PROBLEMS = 200
/** A schema that lists this many categories may have left some out: no "unseen" warning then. */
const COMPLETE_CATEGORIES = 500

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return typeof value
}

/** Collects problems up to a cap, counting the rest. */
class Problems {
  readonly list: RecordProblem[] = []
  private more = 0
  add(row: number | null, column: string | null, message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ row, column, message })
    else this.more++
  }
  done(): RecordProblem[] {
    if (this.more === 0) return this.list
    return [...this.list, { row: null, column: null, message: `…and ${this.more} more.` }]
  }
}

/**
 * The value a record holds for a column, normalised for scoring (numbers from numeric text,
 * categories as text), or a problem. undefined/null/empty text: missing.
 */
function cellOf(
  column: InputColumn,
  value: unknown,
): { value: number | string | null } | { problem: string } {
  if (value === undefined || value === null) return { value: null }
  if (typeof value === 'string' && value.trim() === '') return { value: null }
  if (column.kind === 'categorical') {
    if (typeof value === 'string') return { value }
    if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) }
    if (typeof value === 'boolean') return { value: value ? 'true' : 'false' }
    return {
      problem: `${describe(value)} is not a category; send text such as "${column.categories[0] ?? 'yes'}".`,
    }
  }
  if (column.type === 'datetime') {
    if (typeof value === 'number' && Number.isFinite(value)) return { value }
    if (typeof value === 'string') return { value }
    return { problem: `${describe(value)} is not a date; send text such as "2024-03-01".` }
  }
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { value }
      : { problem: `${describe(value)} is not a finite number.` }
  }
  if (typeof value === 'string') {
    const n = Number(value.trim())
    if (Number.isFinite(n)) return { value: n }
  }
  return { problem: `${describe(value)} is not a number.` }
}

/**
 * Checks records sent for scoring (the form, a batch file, `POST /predict`): an array of
 * objects (or `{records: [...]}`), each value of its column's kind. Wrong input is refused with
 * every reason, never scored as zeros; what is merely unusual (out of range, unseen category, a
 * column not sent, a field the model does not read) is scored and reported as a warning.
 */
export function validateRecords(schema: readonly InputColumn[], input: unknown): RecordsCheck {
  const list = isPlainObject(input) && 'records' in input ? input.records : input
  const whole = (message: string): RecordsCheck => ({
    ok: false,
    errors: [{ row: null, column: null, message }],
  })
  if (!Array.isArray(list))
    return whole('Send a JSON array of records (one object per row), or {"records": [...]}.')
  if (list.length === 0) return whole('There are no records to score.')
  if (list.length > MAX_RECORDS)
    return whole(
      `${list.length.toLocaleString('en')} records is more than ${MAX_RECORDS.toLocaleString('en')} in one request: send them in parts.`,
    )
  const byName = new Map(schema.map((c) => [c.name, c]))
  const errors = new Problems()
  const warnings = new Problems()
  const records: RawRecord[] = []
  const absent = new Set<string>()
  const ignored = new Set<string>()
  for (const [row, record] of list.entries()) {
    if (!isPlainObject(record)) {
      errors.add(
        row,
        null,
        `Record ${row + 1} is ${describe(record)}, not an object of column values.`,
      )
      continue
    }
    const out: Record<string, number | string | null> = {}
    // Other fields (an id, the actual outcome) are left out of scoring, said once per name.
    for (const key of Object.keys(record)) if (!byName.has(key)) ignored.add(key)
    for (const column of schema) {
      if (!Object.prototype.hasOwnProperty.call(record, column.name)) {
        absent.add(column.name)
        out[column.name] = null
        continue
      }
      const cell = cellOf(column, record[column.name])
      if ('problem' in cell) {
        errors.add(row, column.name, `Record ${row + 1}, "${column.name}": ${cell.problem}`)
        continue
      }
      out[column.name] = cell.value
      warnAbout(column, cell.value, row, warnings)
    }
    records.push(out)
  }
  if (errors.list.length > 0) return { ok: false, errors: errors.done() }
  for (const name of ignored)
    warnings.add(null, name, `"${name}" is not an input of the model: it was left out of scoring.`)
  for (const name of absent)
    warnings.add(null, name, `"${name}" was not sent in every record: scored as missing there.`)
  return { ok: true, records, warnings: warnings.done() }
}

function warnAbout(
  column: InputColumn,
  value: number | string | null,
  row: number,
  warnings: Problems,
): void {
  const where = `Record ${row + 1}, "${column.name}"`
  if (value === null) {
    if (!column.missingSeen)
      warnings.add(row, column.name, `${where} is missing, which the training data never was.`)
    return
  }
  if (typeof value === 'number' && column.type !== 'datetime') {
    if (column.min !== null && value < column.min)
      warnings.add(
        row,
        column.name,
        `${where}: ${value} is below the training range (${column.min} to ${column.max}).`,
      )
    else if (column.max !== null && value > column.max)
      warnings.add(
        row,
        column.name,
        `${where}: ${value} is above the training range (${column.min} to ${column.max}).`,
      )
    return
  }
  const known = column.categories
  if (
    typeof value === 'string' &&
    column.kind === 'categorical' &&
    known.length > 0 &&
    known.length < COMPLETE_CATEGORIES &&
    !known.includes(value)
  )
    warnings.add(row, column.name, `${where}: "${value}" was never seen in training.`)
}
