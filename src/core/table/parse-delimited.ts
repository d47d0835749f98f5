import Papa from 'papaparse'
import { columnFromCells } from './infer'
import type { Table } from './table'

export interface ParsedTable {
  readonly table: Table
  /** Things the analyst should know that did not stop the load (renamed headers, ragged rows). */
  readonly warnings: string[]
}

/** An input problem the analyst can fix; its message says what to do. */
export class DataError extends Error {
  override readonly name = 'DataError'
}

/** Header cells made unique and non-empty, so every column can be named in the UI. */
export function cleanHeaders(raw: readonly string[], warnings: string[]): string[] {
  const used = new Set<string>()
  return raw.map((cell, i) => {
    let name = cell.trim()
    if (name === '') {
      name = `column_${i + 1}`
      warnings.push(`Column ${i + 1} had no header; it is called "${name}".`)
    }
    if (used.has(name)) {
      let n = 2
      while (used.has(`${name}_${n}`)) n++
      warnings.push(
        `The header "${name}" appears more than once; the repeat is called "${name}_${n}".`,
      )
      name = `${name}_${n}`
    }
    used.add(name)
    return name
  })
}

/**
 * Parses CSV/TSV text whose first row is the header. Papaparse detects the delimiter and handles
 * quoting; rows shorter than the header are padded with missing cells and longer ones are cut,
 * each reported as a warning rather than silently shifting values into the wrong column.
 */
export function parseDelimitedText(text: string): ParsedTable {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (body.trim() === '')
    throw new DataError('The file is empty. Choose a CSV file with a header row and data rows.')
  if (body.includes('\u0000')) {
    throw new DataError(
      'This file looks binary, not text. Export your data as CSV (comma- or tab-separated) and try again.',
    )
  }
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy' })
  const rows = result.data
  const headerRow = rows[0]
  if (!headerRow || headerRow.length === 0) throw new DataError('The file has no header row.')
  if (rows.length < 2) {
    throw new DataError(
      'The file has a header but no data rows. Add at least a few rows of data and load it again.',
    )
  }
  const warnings: string[] = []
  const names = cleanHeaders(headerRow, warnings)
  const width = names.length
  const cells: string[][] = names.map(() => new Array<string>(rows.length - 1))
  let short = 0
  let long = 0
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? []
    if (row.length < width) short++
    else if (row.length > width) long++
    for (let c = 0; c < width; c++) (cells[c] as string[])[r - 1] = row[c] ?? ''
  }
  if (short > 0)
    warnings.push(
      `${short} row(s) had fewer cells than the header; the missing cells are left empty.`,
    )
  if (long > 0)
    warnings.push(`${long} row(s) had more cells than the header; the extra cells were ignored.`)
  const columns = names.map((name, c) => columnFromCells(name, cells[c] as string[]))
  return { table: { columns, rowCount: rows.length - 1 }, warnings }
}
