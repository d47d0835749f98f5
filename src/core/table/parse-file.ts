import { decodeText, encodingNote } from './decode-text'
import { tableFromColumns, tableFromRows, type ParsedWithSources } from './from-values'
import { readExcel } from './parse-excel'
import { parseJsonText } from './parse-json'
import { readParquet } from './parse-parquet'
import { readDelimitedBlob, type StreamOptions } from './read-delimited-blob'

const JSON_EXTENSIONS = /\.(json|jsonl|ndjson)$/i
const EXCEL_EXTENSIONS = /\.(xlsx|xlsm|xls)$/i
const PARQUET_EXTENSION = /\.parquet$/i

export interface ParsedFile extends ParsedWithSources {
  /** The workbook's sheets and the one read, when the file is a workbook. */
  readonly sheets?: { readonly names: readonly string[]; readonly current: string }
}

export interface ParseFileOptions extends StreamOptions {
  /** The worksheet to read; the first one when not given. */
  readonly sheet?: string
}

type Format = 'xlsx' | 'old-excel' | 'parquet' | 'json' | 'delimited'

const startsWith = (head: Uint8Array, bytes: readonly number[]): boolean =>
  bytes.every((b, i) => head[i] === b)

/** The format by content first (magic bytes), then by name: a renamed file is read as what it is. */
function detectFormat(head: Uint8Array, name: string): Format {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx'
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'old-excel'
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet'
  if (JSON_EXTENSIONS.test(name)) return 'json'
  const text = new TextDecoder('utf-8').decode(head.slice(0, 256)).replace(/^\uFEFF/, '')
  const start = text.trimStart()[0]
  return start === '[' || start === '{' ? 'json' : 'delimited'
}

function renamedNote(name: string, format: Format): string | null {
  if (format === 'delimited' || format === 'json') {
    if (EXCEL_EXTENSIONS.test(name))
      return `"${name}" is named like an Excel workbook but holds text; it was read as ${format === 'json' ? 'JSON' : 'CSV'}.`
    if (PARQUET_EXTENSION.test(name))
      return `"${name}" is named like a Parquet file but holds text; it was read as ${format === 'json' ? 'JSON' : 'CSV'}.`
  }
  return null
}

async function allBytes(blob: Blob, options: StreamOptions): Promise<Uint8Array> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  options.onProgress?.({ bytesRead: blob.size, totalBytes: blob.size, rows: 0 })
  return bytes
}

async function parseByFormat(
  blob: Blob,
  format: Format,
  options: ParseFileOptions,
): Promise<ParsedFile> {
  switch (format) {
    // An OLE container: an old .xls or a password-protected workbook; the Excel reader says which.
    case 'old-excel':
    case 'xlsx': {
      const book = await readExcel(await allBytes(blob, options), options.sheet)
      const parsed = tableFromRows(book.rows, `sheet "${book.sheet}"`)
      return { ...parsed, sheets: { names: book.sheetNames, current: book.sheet } }
    }
    case 'parquet': {
      const { columns, rowCount } = await readParquet(await allBytes(blob, options))
      return tableFromColumns(columns, rowCount)
    }
    case 'json': {
      const { text, encoding } = decodeText(await allBytes(blob, options))
      const parsed = parseJsonText(text)
      const note = encodingNote(encoding)
      return note ? { ...parsed, warnings: [note, ...parsed.warnings] } : parsed
    }
    case 'delimited': {
      const parsed = await readDelimitedBlob(blob, options)
      return { ...parsed, sources: [] }
    }
  }
}

/**
 * Any supported file: CSV/TSV (streamed in chunks), JSON (array or JSON Lines), an Excel
 * workbook (.xlsx) or Parquet, told apart by their first bytes and then by name.
 */
export async function parseFile(
  blob: Blob,
  name: string,
  options: ParseFileOptions = {},
): Promise<ParsedFile> {
  const head = new Uint8Array(await blob.slice(0, 4096).arrayBuffer())
  const format = detectFormat(head, name)
  const parsed = await parseByFormat(blob, format, options)
  const note = renamedNote(name, format)
  return note ? { ...parsed, warnings: [note, ...parsed.warnings] } : parsed
}
