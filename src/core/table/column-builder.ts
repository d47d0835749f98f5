import { isMissingText } from './infer'
import { MISSING_CODE, type Column } from './table'

const MIN_CAPACITY = 1024
/**
 * The number a cell holds, or NaN when the cell is not a plain decimal number. Leading-zero codes
 * ("00123", a ZIP code or account number) and hex/binary/octal literals are not numbers here:
 * reading them as numbers would lose the zeros or invent values the spreadsheet never meant.
 */
export function cellNumber(cell: string): number {
  const fast = plainDecimal(cell)
  if (fast === fast) return fast
  const length = cell.length
  if (length === 0) return Number.NaN
  let first = cell.charCodeAt(0)
  let at = 0
  if (first === 32 || first === 9) {
    const trimmed = cell.trim()
    return trimmed === '' ? Number.NaN : cellNumber(trimmed)
  }
  if (first === 45 || first === 43) {
    // a sign: look at what follows it
    at = 1
    first = cell.charCodeAt(1)
  }
  if (first === 48 && at + 1 < length) {
    const next = cell.charCodeAt(at + 1)
    // "0.5" and "0e3" are numbers; "0123" is a code; "0x1F", "0b1" are not decimal numbers
    if (next !== 46 && next !== 101 && next !== 69 && next !== 32) return Number.NaN
  } else if ((first < 48 || first > 57) && first !== 46) {
    return Number.NaN
  }
  const value = Number(cell)
  return Number.isFinite(value) ? value : Number.NaN
}

/** Exact powers of ten: a whole number below 2^53 divided by one is correctly rounded. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i)

/**
 * The common case fast: "-123.45" with at most 15 digits, read by hand (Clinger's fast path:
 * the digits as an exact integer, divided by an exact power of ten, rounds exactly as Number()
 * would). NaN for anything else, which then takes the general path.
 */
function plainDecimal(cell: string): number {
  const length = cell.length
  let i = 0
  let negative = false
  let code = cell.charCodeAt(0)
  if (code === 45) {
    negative = true
    code = cell.charCodeAt(++i)
  }
  // a leading zero followed by a digit is a code such as 00123: the general path decides
  if (code === 48 && i + 1 < length && cell.charCodeAt(i + 1) !== 46) return Number.NaN
  let mantissa = 0
  let digits = 0
  let decimals = -1
  for (; i < length; i++) {
    code = cell.charCodeAt(i)
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48)
      digits++
      if (decimals >= 0) decimals++
    } else if (code === 46 && decimals < 0) {
      decimals = 0
    } else {
      return Number.NaN
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN
  const value = decimals > 0 ? mantissa / (POWERS_OF_TEN[decimals] as number) : mantissa
  return negative ? -value : value
}

/** Epoch milliseconds as the date (and time, when there is one) a person would write, UTC. */
export function formatEpoch(ms: number): string {
  const iso = new Date(ms).toISOString()
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10)
  return iso.endsWith('.000Z') ? iso.slice(0, 19).replace('T', ' ') : iso.replace('T', ' ')
}

/**
 * Grows one column cell by cell without keeping the cells: it starts numeric (a Float64Array)
 * and switches for good to a dictionary (Int32Array codes into a list of distinct texts) at the
 * first cell that is neither a number nor a missing-value token.
 *
 * Categories are kept as the parser cut them: V8 slices, which keep their chunk of the file's
 * text alive while the builder lives. In the parse worker that ends with the reply (which copies
 * the strings); copying each string as it arrives would cost seconds on a million-id column.
 */
export class ColumnBuilder {
  private numbers: Float64Array | null
  private codes: Int32Array | null = null
  private readonly index = new Map<string, number>()
  private readonly categories: string[] = []
  private capacity: number
  /** Cells stored so far. */
  length = 0
  /** Cells that arrived as Date objects (spreadsheets, Parquet): the column may be dates. */
  dateCells = 0
  private numberCells = 0
  /** Dictionary cells so far arrived in strictly ascending order (see pushAscendingKey). */
  private ascendingKeys = true
  private lastKey = ''

  constructor(
    readonly name: string,
    capacity = MIN_CAPACITY,
  ) {
    this.capacity = Math.max(MIN_CAPACITY, Math.ceil(capacity))
    this.numbers = new Float64Array(this.capacity)
  }

  /** Makes room for `expected` cells in total, so a big file grows its arrays once, not 10×. */
  reserve(expected: number): void {
    if (expected > this.capacity) this.resize(Math.ceil(expected))
  }

  /** A cell as the file wrote it. */
  pushText(cell: string): void {
    if (this.length === this.capacity) this.resize(this.capacity * 2)
    const numbers = this.numbers
    if (numbers !== null) {
      const value = cellNumber(cell)
      if (value === value) {
        numbers[this.length++] = value
        this.numberCells++
        return
      }
      if (cell.length === 0 || isMissingText(cell)) {
        numbers[this.length++] = Number.NaN
        return
      }
      this.switchToDictionary()
    }
    this.pushCategory(cell)
  }

  /** A cell that already has a type: JSON values, spreadsheet cells, Parquet values. */
  pushValue(value: unknown): void {
    if (value === null || value === undefined) return this.pushMissing()
    if (typeof value === 'number') return this.pushNumber(value)
    if (typeof value === 'bigint') return this.pushNumber(Number(value))
    if (typeof value === 'string') return this.pushText(value)
    if (typeof value === 'boolean') return this.pushText(value ? 'true' : 'false')
    if (value instanceof Date) {
      const ms = value.getTime()
      if (Number.isNaN(ms)) return this.pushMissing()
      this.dateCells++
      return this.numbers ? this.pushNumber(ms) : this.pushText(formatEpoch(ms))
    }
    // Nested objects and arrays stay visible as their JSON text rather than vanishing.
    this.pushText(JSON.stringify(value))
  }

  pushMissing(): void {
    if (this.length === this.capacity) this.resize(this.capacity * 2)
    if (this.numbers) this.numbers[this.length++] = Number.NaN
    else if (this.codes) this.codes[this.length++] = MISSING_CODE
  }

  private pushNumber(value: number): void {
    if (!Number.isFinite(value)) return this.pushMissing()
    if (this.length === this.capacity) this.resize(this.capacity * 2)
    if (this.numbers) {
      this.numbers[this.length++] = value
      this.numberCells++
    } else {
      this.pushCategory(String(value))
    }
  }

  private pushCategory(cell: string): void {
    if (this.ascendingKeys) return this.pushAscendingKey(cell)
    const codes = this.codes as Int32Array
    let code = this.index.get(cell)
    if (code === undefined) code = this.newCategory(cell)
    codes[this.length++] = code
  }

  /**
   * Keys in ascending order (row ids, invoice numbers as exported) are all different without
   * looking them up: each is simply the next category. Hashing a million ids into the
   * dictionary would cost as much as parsing the whole file. The first value out of order ends
   * this, and the dictionary is built from the categories so far.
   */
  private pushAscendingKey(cell: string): void {
    const codes = this.codes as Int32Array
    const padded = cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32
    const text = padded ? cell.trim() : cell
    if (text === '' || (text.length <= 4 && isMissingText(text))) {
      codes[this.length++] = MISSING_CODE
      return
    }
    const categories = this.categories
    if (categories.length === 0 || text > this.lastKey) {
      codes[this.length++] = categories.length
      categories.push(text)
      this.lastKey = text
      return
    }
    this.ascendingKeys = false
    categories.forEach((category, code) => this.index.set(category, code))
    this.pushCategory(cell)
  }

  /** The code of a text not seen in this spelling before (MISSING_CODE for missing tokens). */
  private newCategory(cell: string): number {
    const padded = cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32
    const text = padded ? cell.trim() : cell
    // the longest missing-value token ("null", "none", "#n/a") has four characters
    if (text === '' || (text.length <= 4 && isMissingText(text))) {
      this.index.set(cell, MISSING_CODE)
      return MISSING_CODE
    }
    let code = padded ? this.index.get(text) : undefined
    if (code === undefined) {
      code = this.categories.length
      this.categories.push(text)
      this.index.set(text, code)
    }
    // the padded spelling finds the same code next time without trimming again
    if (padded) this.index.set(cell, code)
    return code
  }

  /** Numbers seen so far become categories; dates that came as Date objects read as dates. */
  private switchToDictionary(): void {
    const numbers = this.numbers as Float64Array
    const asDates = this.dateCells > 0 && this.dateCells === this.numberCells
    this.codes = new Int32Array(this.capacity)
    this.numbers = null
    const length = this.length
    this.length = 0
    for (let i = 0; i < length; i++) {
      const value = numbers[i] as number
      if (Number.isNaN(value)) this.codes[this.length++] = MISSING_CODE
      else this.pushCategory(asDates ? formatEpoch(value) : String(value))
    }
  }

  private resize(capacity: number): void {
    if (this.numbers) {
      const grown = new Float64Array(capacity)
      grown.set(this.numbers.subarray(0, this.length))
      this.numbers = grown
    } else if (this.codes) {
      const grown = new Int32Array(capacity)
      grown.set(this.codes.subarray(0, this.length))
      this.codes = grown
    }
    this.capacity = capacity
  }

  /** True when every present cell arrived as a Date. */
  get allDates(): boolean {
    return this.numbers !== null && this.dateCells > 0 && this.dateCells === this.numberCells
  }

  /** The finished column, its arrays cut to length (a copy only when much room is unused). */
  finish(): Column {
    // A column with no values at all says nothing about numbers: it stays an empty category list.
    if (this.numbers && this.numberCells === 0) this.switchToDictionary()
    const trim = <T extends Float64Array | Int32Array>(array: T): T =>
      (array.length - this.length > array.length / 8
        ? array.slice(0, this.length)
        : array.subarray(0, this.length)) as T
    if (this.numbers) return { name: this.name, kind: 'numeric', values: trim(this.numbers) }
    return {
      name: this.name,
      kind: 'categorical',
      codes: trim(this.codes as Int32Array),
      categories: this.categories,
    }
  }
}
