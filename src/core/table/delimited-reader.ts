import Papa from 'papaparse'
import { ColumnBuilder } from './column-builder'
import { firstRowIsData } from './header-row'
import { cleanHeaders, DataError, type ParsedTable } from './parsed-table'

/** Text read before the delimiter and line ending are guessed. */
const SAMPLE_CHARS = 64 * 1024
/** Rows looked at before deciding whether the first one is a header. */
const HEADER_SAMPLE_ROWS = 50
const DELIMITERS = [',', ';', '\t', '|']

const EMPTY_FILE = 'The file is empty. Choose a CSV file with a header row and data rows.'
const BINARY_FILE =
  'This file looks binary, not text. Export your data as CSV (comma- or tab-separated) and try again.'

/** A row with nothing in it but spaces, which files end with and exporters scatter. */
function isBlank(row: readonly string[]): boolean {
  const first = row[0]
  if (first !== undefined && first.charCodeAt(0) > 32) return false
  for (const cell of row) if (cell.length > 0 && cell.trim() !== '') return false
  return true
}

/**
 * Reads delimited text handed in piece by piece (any split: inside a quoted field, between \r and
 * \n) and puts each cell straight into its column's builder, so neither the file's text nor its
 * rows are kept. Papaparse's parser does the quoting; the rows it returns for one piece are the
 * only per-row objects alive at a time.
 */
export class DelimitedReader {
  private parser: Papa.Parser | null = null
  private pending = ''
  /**
   * Files that mix \r\n and \n (hand-edited exports) would lose rows: papaparse settles on one
   * line ending. When the start of the file mixes endings, every ending becomes \n before parsing
   * (a file consistent in its first 64 KB and mixed only later is not caught).
   */
  private unifyLineEndings = false
  /** A \r at the end of a piece, held back until the next piece says whether \n follows. */
  private heldReturn = false
  private charsParsed = 0
  private rowsParsed = 0
  private headerRows: string[][] | null = []
  private builders: ColumnBuilder[] = []
  private readonly warnings: string[] = []
  private short = 0
  private long = 0
  /** Data rows read so far. */
  rows = 0

  /** `sizeHint`: about how many characters the whole text has, to size the columns once. */
  constructor(private readonly sizeHint = 0) {}

  push(text: string, final = false): void {
    if (text.includes('\u0000')) throw new DataError(BINARY_FILE)
    if (this.parser === null) {
      this.pending += text
      if (this.pending.length < SAMPLE_CHARS && !final) return
      text = this.pending.startsWith('\uFEFF') ? this.pending.slice(1) : this.pending
      this.pending = ''
      this.parser = this.createParser(text)
    }
    if (this.unifyLineEndings) text = this.unify(text, final)
    const input = this.pending + text
    const result = this.parser.parse(input, 0, !final) as Papa.ParseResult<string[]>
    if (final) this.refuseUnclosedQuote(result)
    this.pending = final ? '' : input.slice(result.meta.cursor)
    this.charsParsed += final ? input.length : result.meta.cursor
    this.rowsParsed += result.data.length
    for (const row of result.data) this.addRow(row)
    if (final && this.headerRows) this.decideHeader()
  }

  private createParser(sample: string): Papa.Parser {
    if (sample.trim() === '') throw new DataError(EMPTY_FILE)
    const guess = Papa.parse<string[]>(sample, {
      preview: 20,
      skipEmptyLines: 'greedy',
      delimitersToGuess: DELIMITERS,
    })
    const endings = [/\r\n/, /(^|[^\r])\n/, /\r(?!\n)/].filter((e) => e.test(sample)).length
    this.unifyLineEndings = endings > 1
    const newline = this.unifyLineEndings ? '\n' : (guess.meta.linebreak as '\r' | '\n' | '\r\n')
    return new Papa.Parser({ delimiter: guess.meta.delimiter, newline })
  }

  private unify(text: string, final: boolean): string {
    let piece = this.heldReturn ? `\r${text}` : text
    this.heldReturn = !final && piece.endsWith('\r')
    if (this.heldReturn) piece = piece.slice(0, -1)
    return piece.replace(/\r\n?/g, '\n')
  }

  /** An unclosed quote turns the rest of the file into one cell: refuse it rather than guess. */
  private refuseUnclosedQuote(result: Papa.ParseResult<string[]>): void {
    const error = result.errors.find((e) => e.code === 'MissingQuotes')
    if (!error) return
    const row = this.rowsParsed + (error.row ?? 0) + 1
    throw new DataError(
      `A quote (") opened in row ${row.toLocaleString('en-US')} of the file is never closed, so everything after it would be read as one cell. Open the file in a text editor, close or remove that quote, then load it again.`,
    )
  }

  private addRow(row: string[]): void {
    if (isBlank(row)) return
    if (this.headerRows) {
      this.headerRows.push(row)
      if (this.headerRows.length > HEADER_SAMPLE_ROWS) this.decideHeader()
      return
    }
    const builders = this.builders
    const width = builders.length
    const cells = row.length
    if (cells < width) this.short++
    else if (cells > width) this.long++
    for (let c = 0; c < width; c++)
      (builders[c] as ColumnBuilder).pushText(c < cells ? (row[c] as string) : '')
    this.rows++
  }

  private decideHeader(): void {
    const rows = this.headerRows ?? []
    this.headerRows = null
    const [first, ...rest] = rows
    if (!first) return
    let names: string[]
    let data: string[][]
    if (firstRowIsData(first, rest)) {
      names = first.map((_, i) => `column_${i + 1}`)
      data = rows
      this.warnings.push(
        `The first row looks like data, not column names, so it is kept as a row and the columns are called column_1 to column_${first.length}. Add a header row to name them.`,
      )
    } else {
      names = cleanHeaders(first, this.warnings)
      data = rest
    }
    // Size every column for the whole file from the rows seen so far: one allocation, no regrowth.
    const perRow = this.charsParsed / Math.max(1, this.rowsParsed)
    const expected = this.sizeHint > 0 ? (this.sizeHint / perRow) * 1.05 : 0
    this.builders = names.map((name) => new ColumnBuilder(name, expected))
    for (const row of data) this.addRow(row)
  }

  /** The table, once the last piece was pushed with `final`. */
  finish(): ParsedTable {
    if (this.parser === null) throw new DataError(EMPTY_FILE)
    if (this.builders.length === 0) throw new DataError('The file has no header row.')
    if (this.rows === 0) {
      throw new DataError(
        'The file has a header but no data rows. Add at least a few rows of data and load it again.',
      )
    }
    const warnings = [...this.warnings]
    if (this.short > 0)
      warnings.push(
        `${this.short.toLocaleString('en-US')} row(s) had fewer cells than the header; the missing cells are left empty.`,
      )
    if (this.long > 0)
      warnings.push(
        `${this.long.toLocaleString('en-US')} row(s) had more cells than the header; the extra cells were ignored.`,
      )
    const columns = this.builders.map((b) => b.finish())
    return { table: { columns, rowCount: this.rows }, warnings }
  }
}
