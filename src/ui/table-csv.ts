export type CsvCell = string | number | boolean | null | undefined

/**
 * RFC 4180 CSV. Text cells that a spreadsheet would run as a formula (starting with = + - @, tab
 * or carriage return) get a leading apostrophe, as OWASP advises; numbers stay numbers, so a
 * negative value is not touched.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  if (typeof cell === 'boolean') return String(cell)
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}
