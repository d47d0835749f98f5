import { MISSING_CODE, type Column, type ColumnKind } from './table'

/** Cell texts that mean "no value" in the spreadsheets analysts export. */
const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-', '#n/a'])

export function isMissingText(text: string): boolean {
  return MISSING_TOKENS.has(text.trim().toLowerCase())
}

/** Parses a number the way a CSV writes it; `null` when the text is not a finite number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : null
}

/** A column is numeric when every present cell is a number; anything else is categorical. */
export function inferKind(cells: readonly string[]): ColumnKind {
  let present = 0
  for (const cell of cells) {
    if (isMissingText(cell)) continue
    present++
    if (parseNumber(cell) === null) return 'categorical'
  }
  return present === 0 ? 'categorical' : 'numeric'
}

/** Builds a typed column from cell texts, as the given kind (inferred when not given). */
export function columnFromCells(
  name: string,
  cells: readonly string[],
  kind: ColumnKind = inferKind(cells),
): Column {
  if (kind === 'numeric') {
    const values = new Float64Array(cells.length)
    cells.forEach((cell, i) => {
      values[i] = isMissingText(cell) ? Number.NaN : (parseNumber(cell) ?? Number.NaN)
    })
    return { name, kind, values }
  }
  const index = new Map<string, number>()
  const categories: string[] = []
  const codes = new Int32Array(cells.length)
  cells.forEach((cell, i) => {
    if (isMissingText(cell)) {
      codes[i] = MISSING_CODE
      return
    }
    const text = cell.trim()
    let code = index.get(text)
    if (code === undefined) {
      code = categories.length
      categories.push(text)
      index.set(text, code)
    }
    codes[i] = code
  })
  return { name, kind, codes, categories }
}
