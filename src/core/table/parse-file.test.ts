import { describe, expect, it } from 'vitest'
import { parseFileBytes } from './parse-file'
import { cellValue } from './table'

describe('parseFileBytes', () => {
  it('tells JSON from delimited text by extension or content', () => {
    const json = new TextEncoder().encode('[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]')
    expect(parseFileBytes(json, 'data.txt').table.columns.map((c) => c.name)).toEqual(['a', 'b'])
    const lines = new TextEncoder().encode('{"a": 1}\n{"a": 2}\n')
    expect(parseFileBytes(lines, 'data.jsonl').table.rowCount).toBe(2)
    const tsv = new TextEncoder().encode('a\tb\n1\tx\n2\ty\n')
    expect(parseFileBytes(tsv, 'clip.tsv').table.columns.map((c) => c.name)).toEqual(['a', 'b'])
  })

  it('says when a file was not UTF-8 and keeps its accented text intact', () => {
    const latin1 = Uint8Array.from('client;ville\nRenée;Zürich\n', (c) => c.charCodeAt(0))
    const parsed = parseFileBytes(latin1, 'clients.csv')
    expect(parsed.warnings[0]).toBe('The file was read as Latin-1 (Windows-1252) text.')
    const [client, city] = parsed.table.columns
    if (!client || !city) throw new Error('two columns expected')
    expect([cellValue(client, 0), cellValue(city, 0)]).toEqual(['Renée', 'Zürich'])
  })
})
