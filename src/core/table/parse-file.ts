import { decodeText } from './decode-text'
import { columnFromCells } from './infer'
import { cleanHeaders, DataError, parseDelimitedText, type ParsedTable } from './parse-delimited'
import { parseJsonText } from './parse-json'

const JSON_EXTENSIONS = /\.(json|jsonl|ndjson)$/i

/**
 * Any supported text file, by name and content: JSON (array or JSON Lines) or delimited text,
 * in whatever encoding it was saved. The encoding read shows as a note when it was not UTF-8.
 */
export function parseFileBytes(bytes: Uint8Array, fileName: string): ParsedTable {
  const { text, encoding } = decodeText(bytes)
  const start = text.trimStart()[0]
  const looksJson = JSON_EXTENSIONS.test(fileName) || start === '[' || start === '{'
  const parsed = looksJson ? parseJsonText(text) : parseDelimitedText(text)
  if (encoding === 'utf-8') return parsed
  const label = encoding === 'windows-1252' ? 'Latin-1 (Windows-1252)' : encoding.toUpperCase()
  return { ...parsed, warnings: [`The file was read as ${label} text.`, ...parsed.warnings] }
}

// Branch-only dispatch for .xlsx and .parquet (the ingest worker replaces it at merge).
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

function tableFromColumns(names: string[], cells: string[][], rowCount: number): ParsedTable {
  if (rowCount === 0) {
    throw new DataError('The file has a header but no data rows. Add data rows and load it again.')
  }
  const warnings: string[] = []
  const headers = cleanHeaders(names, warnings)
  const columns = headers.map((name, i) => columnFromCells(name, cells[i] ?? []))
  return { table: { columns, rowCount }, warnings }
}

export async function parseAnyFile(bytes: Uint8Array, fileName: string): Promise<ParsedTable> {
  if (/\.xlsx$/i.test(fileName)) {
    const { readExcel } = await import('./parse-excel')
    const [header = [], ...body] = (await readExcel(bytes)).rows
    const cells = header.map((_, c) => body.map((row) => cellText(row[c])))
    return tableFromColumns(header.map(cellText), cells, body.length)
  }
  if (/\.parquet$/i.test(fileName)) {
    const { readParquet } = await import('./parse-parquet')
    const { columns, rowCount } = await readParquet(bytes)
    const cells = columns.map((c) => Array.from(c.values, cellText))
    return tableFromColumns(
      columns.map((c) => c.name),
      cells,
      rowCount,
    )
  }
  return parseFileBytes(bytes, fileName)
}
