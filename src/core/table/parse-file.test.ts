import { describe, expect, it } from 'vitest'
import { parseFile } from './parse-file'
import { cellValue } from './table'

const blob = (text: string | Uint8Array) => new Blob([text as BlobPart])

describe('parseFile', () => {
  it('tells JSON from delimited text by extension or content', async () => {
    const json = blob('[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]')
    expect((await parseFile(json, 'data.txt')).table.columns.map((c) => c.name)).toEqual(['a', 'b'])
    const lines = blob('{"a": 1}\n{"a": 2}\n')
    expect((await parseFile(lines, 'data.jsonl')).table.rowCount).toBe(2)
    const tsv = blob('a\tb\n1\tx\n2\ty\n')
    expect((await parseFile(tsv, 'clip.tsv')).table.columns.map((c) => c.name)).toEqual(['a', 'b'])
  })

  it('says when a file was not UTF-8 and keeps its accented text intact', async () => {
    const latin1 = Uint8Array.from('client;ville\nRenée;Zürich\n', (c) => c.charCodeAt(0))
    const parsed = await parseFile(blob(latin1), 'clients.csv')
    expect(parsed.warnings[0]).toBe('The file was read as Latin-1 (Windows-1252) text.')
    const [client, city] = parsed.table.columns
    if (!client || !city) throw new Error('two columns expected')
    expect([cellValue(client, 0), cellValue(city, 0)]).toEqual(['Renée', 'Zürich'])
  })

  it('turns away an old .xls or encrypted workbook with what to save it as', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    await expect(parseFile(blob(ole), 'ledger.xls')).rejects.toThrow(
      /old Excel 97–2003 \(\.xls\).*save it again as \.xlsx/,
    )
  })

  it('sends workbooks and Parquet files to their readers by their first bytes', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])
    await expect(parseFile(blob(zip), 'book.xlsx')).rejects.toThrow(/Excel/)
    const parquet = new Uint8Array([0x50, 0x41, 0x52, 0x31, 0x15, 0x04])
    await expect(parseFile(blob(parquet), 'data.parquet')).rejects.toThrow(/Parquet/)
  })

  it('reads a CSV that was named .xlsx as CSV, and says so', async () => {
    const parsed = await parseFile(blob('a,b\n1,x\n2,y\n'), 'export.xlsx')
    expect(parsed.table.rowCount).toBe(2)
    expect(parsed.warnings[0]).toMatch(/named like an Excel workbook but holds text/)
  })
})
