import { describe, expect, it } from 'vitest'
import writeExcelFile from 'write-excel-file/node'
import { readExcel } from './parse-excel'
import {
  addressSince,
  creditCardRecords,
  dataErrorMessage,
  fixture,
  WORKBOOK_COLUMNS,
} from './fixtures/formats/credit-card-source'

const source = creditCardRecords()

async function workbook(sheets: { sheet: string; data: (string | number | null)[][] }[]) {
  return new Uint8Array(await writeExcelFile(sheets).toBuffer())
}

describe('readExcel', () => {
  it('reads the first sheet with numbers, text, booleans, dates and empty cells', async () => {
    const { sheetNames, sheet, rows } = await readExcel(fixture('credit-card.xlsx'))
    expect(sheetNames).toEqual(['Applicants', 'Notes'])
    expect(sheet).toBe('Applicants')
    const [header = [], ...body] = rows
    expect(header).toEqual(WORKBOOK_COLUMNS)
    expect(body).toHaveLength(200)
    const col = (name: string) => header.indexOf(name)
    body.forEach((row, i) => {
      const n = i + 1
      const record = source[i] ?? {}
      expect(row[col('card')]).toBe(record.card)
      expect(row[col('age')]).toBe(Number(record.age))
      expect(row[col('share')]).toBe(Number(record.share))
      expect(row[col('income')]).toBe(n % 20 === 0 ? null : Number(record.income))
      expect(row[col('owner')]).toBe(n % 33 === 0 ? null : record.owner === 'yes')
      expect(row[col('selfemp')]).toBe(record.selfemp === 'yes')
      expect(row[col('address_since')]).toEqual(
        n % 25 === 0 ? null : addressSince(record.months ?? ''),
      )
    })
  })

  it('reads the sheet it is asked for', async () => {
    const { sheet, rows } = await readExcel(fixture('credit-card.xlsx'), 'Notes')
    expect(sheet).toBe('Notes')
    expect(rows[0]).toEqual(['applicant', 'majorcards', 'active', 'selfemp'])
    expect(rows).toHaveLength(41)
    expect(rows[1]).toEqual([
      201,
      Number(source[200]?.majorcards),
      Number(source[200]?.active),
      source[200]?.selfemp,
    ])
  })

  it('names the sheets there are when asked for one that is not', async () => {
    const message = await dataErrorMessage(readExcel(fixture('credit-card.xlsx'), 'Sheet1'))
    expect(message).toBe(
      'The workbook has no sheet named "Sheet1". Its sheets are: Applicants, Notes.',
    )
  })

  it('skips an empty first sheet, and refuses an empty workbook or sheet', async () => {
    const coverFirst = await workbook([
      { sheet: 'Cover', data: [] },
      {
        sheet: 'R&D <2024>',
        data: [
          ['x', 'y'],
          [1, 'a'],
        ],
      },
    ])
    const read = await readExcel(coverFirst)
    expect(read.sheetNames).toEqual(['Cover', 'R&D <2024>'])
    expect(read.sheet).toBe('R&D <2024>')
    expect(read.rows).toEqual([
      ['x', 'y'],
      [1, 'a'],
    ])
    expect(await dataErrorMessage(readExcel(coverFirst, 'Cover'))).toBe(
      'The sheet "Cover" is empty. Choose another sheet: R&D <2024>.',
    )
    const empty = await workbook([{ sheet: 'Sheet1', data: [] }])
    expect(await dataErrorMessage(readExcel(empty))).toMatch(/^The workbook is empty/)
  })

  it('says what to do with a cut-off, renamed, protected or empty file', async () => {
    expect(await dataErrorMessage(readExcel(fixture('truncated.xlsx')))).toMatch(
      /^The Excel file is damaged or incomplete: it may have been cut off/,
    )
    expect(await dataErrorMessage(readExcel(fixture('really-a-csv.xlsx')))).toBe(
      'This file is named like an Excel workbook but contains plain text. If it is a CSV, rename it to .csv and load it again.',
    )
    expect(await dataErrorMessage(readExcel(fixture('password-protected.xlsx')))).toMatch(
      /^This workbook is protected by a password.*remove the password/,
    )
    expect(await dataErrorMessage(readExcel(new Uint8Array()))).toMatch(/^The file is empty/)
    expect(
      await dataErrorMessage(readExcel(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))),
    ).toMatch(/^This file is not an Excel .xlsx workbook/)
  })

  it('reads a workbook whose bytes are a view into a larger buffer', async () => {
    const bytes = fixture('credit-card.xlsx')
    const padded = new Uint8Array(bytes.length + 16)
    padded.set(bytes, 8)
    const { rows } = await readExcel(padded.subarray(8, 8 + bytes.length), 'Notes')
    expect(rows).toHaveLength(41)
  })
})
