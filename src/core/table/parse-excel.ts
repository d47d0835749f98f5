import { unzipSync } from 'fflate'
import { DataError } from './parse-delimited'

/** One sheet of a workbook as rows of cells; rows[0] is the header row. */
export interface ExcelSheet {
  readonly sheetNames: string[]
  readonly sheet: string
  readonly rows: unknown[][]
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
// Office's binary container (OLE compound file): legacy .xls, and also every password-protected
// .xlsx, which Excel wraps in this container around an encrypted copy of the zip.
const COMPOUND_FILE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte)
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Uint8Array.from(text.split('').flatMap((c) => [c.charCodeAt(0), 0]))
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/** True when the first bytes read as ordinary text (a CSV saved under an .xlsx name). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512)
  return head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32)
}

const RESAVE = 'Open it in Excel, save it again as .xlsx (Excel Workbook) or as CSV, and load that.'

/** Refuses, with a message saying what to do, anything that is not a readable .xlsx zip. */
function checkContainer(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw new DataError('The file is empty. Choose an Excel workbook that has data in it.')
  }
  if (startsWith(bytes, COMPOUND_FILE_MAGIC)) {
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      throw new DataError(
        'This workbook is protected by a password, so it cannot be read here. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear it), save it, and load it again.',
      )
    }
    throw new DataError(
      `This is an old Excel 97–2003 (.xls) workbook, which cannot be read here. ${RESAVE}`,
    )
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    if (looksLikeText(bytes)) {
      throw new DataError(
        'This file is named like an Excel workbook but contains plain text. If it is a CSV, rename it to .csv and load it again.',
      )
    }
    throw new DataError(`This file is not an Excel .xlsx workbook. ${RESAVE}`)
  }
}

function damaged(): DataError {
  return new DataError(
    `The Excel file is damaged or incomplete: it may have been cut off while downloading or copying. ${RESAVE}`,
  )
}

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(parseInt(body.slice(2), 16))
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10))
    return XML_ENTITIES[body] ?? entity
  })
}

/**
 * The workbook's sheet names in tab order, read from xl/workbook.xml alone (fflate decompresses
 * just that entry), so a picker can list them without parsing every sheet.
 */
function listSheetNames(bytes: Uint8Array): string[] {
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes, { filter: (file) => file.name === 'xl/workbook.xml' })
  } catch {
    throw damaged()
  }
  const workbook = entries['xl/workbook.xml']
  if (!workbook) {
    throw new DataError(
      `This zip file is not an Excel workbook (it has no xl/workbook.xml inside). ${RESAVE}`,
    )
  }
  const xml = new TextDecoder().decode(workbook)
  const names = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname=(?:"([^"]*)"|'([^']*)')/g)].map(
    (m) => unescapeXml(m[1] ?? m[2] ?? ''),
  )
  if (names.length === 0) {
    throw new DataError('The workbook has no sheets. Add a sheet with a header row and data.')
  }
  return names
}

/** Cells as the rest of the app expects them: Date, number, string, boolean, or null. */
function normaliseRows(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) => row.map((cell) => (cell === undefined ? null : cell)))
}

function hasCells(rows: readonly (readonly unknown[])[]): boolean {
  return rows.some((row) => row.some((cell) => cell !== null && cell !== undefined && cell !== ''))
}

/**
 * Reads one sheet of an .xlsx workbook: the named one, or else the first sheet that has cells
 * (an empty cover sheet in front of the data is common). Dates come back as Date, numbers as
 * numbers, empty cells as null. Loaded on demand: the reader is only fetched when a workbook
 * arrives. It uses read-excel-file's "universal" entry, which needs no DOM (a worker has none).
 */
export async function readExcel(bytes: Uint8Array, sheet?: string): Promise<ExcelSheet> {
  checkContainer(bytes)
  const sheetNames = listSheetNames(bytes)
  if (sheet !== undefined && !sheetNames.includes(sheet)) {
    throw new DataError(
      `The workbook has no sheet named "${sheet}". Its sheets are: ${sheetNames.join(', ')}.`,
    )
  }
  const { readSheet } = await import('read-excel-file/universal')
  // A view may start inside a larger buffer; the reader wants exactly the file's bytes.
  const buffer = bytes.slice().buffer
  const candidates = sheet === undefined ? sheetNames : [sheet]
  for (const name of candidates) {
    let rows: unknown[][]
    try {
      rows = await readSheet(buffer, name)
    } catch {
      throw damaged()
    }
    if (hasCells(rows)) return { sheetNames, sheet: name, rows: normaliseRows(rows) }
  }
  if (sheet !== undefined) {
    throw new DataError(
      sheetNames.length > 1
        ? `The sheet "${sheet}" is empty. Choose another sheet: ${sheetNames.filter((n) => n !== sheet).join(', ')}.`
        : `The workbook's only sheet, "${sheet}", is empty. Add a header row and data, and load it again.`,
    )
  }
  throw new DataError(
    'The workbook is empty: none of its sheets has any cells. Add a header row and data, and load it again.',
  )
}
