import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from './parse-delimited'
import { readDelimitedBlob } from './read-delimited-blob'
import { cellValue, type Table } from './table'

function rows(table: Table): (string | number | null)[][] {
  return Array.from({ length: table.rowCount }, (_, r) => table.columns.map((c) => cellValue(c, r)))
}

/** Reads the bytes with every chunk size from 1 byte up, so each boundary falls everywhere. */
async function everyChunking(bytes: Uint8Array, check: (table: Table, warnings: string[]) => void) {
  for (const chunkBytes of [1, 2, 3, 5, 7, 16, 64, 1 << 20]) {
    const parsed = await readDelimitedBlob(new Blob([bytes as BlobPart]), { chunkBytes })
    check(parsed.table, parsed.warnings)
  }
}

describe('readDelimitedBlob: chunk boundaries', () => {
  it('keeps quoted fields with commas, quotes and newlines whole wherever a chunk ends', async () => {
    const text =
      'id,comment,score\r\n1,"Hello, world\r\nsecond line",5\r\n2,"She said ""hi""",6\r\n'
    await everyChunking(new TextEncoder().encode(text), (table) => {
      expect(rows(table)).toEqual([
        [1, 'Hello, world\r\nsecond line', 5],
        [2, 'She said "hi"', 6],
      ])
    })
  })

  it('completes a multibyte UTF-8 character split between chunks', async () => {
    const text = 'name;city\nRenée;Zürich\n東京;Kraków\n😀;Ørsted\n'
    await everyChunking(new TextEncoder().encode(text), (table, warnings) => {
      expect(rows(table)).toEqual([
        ['Renée', 'Zürich'],
        ['東京', 'Kraków'],
        ['😀', 'Ørsted'],
      ])
      expect(warnings).toEqual([])
    })
  })

  it('reads CRLF files split between \\r and \\n without inventing empty rows', async () => {
    const text = 'a,b\r\n1,x\r\n2,y\r\n3,z\r\n'
    await everyChunking(new TextEncoder().encode(text), (table) => {
      expect(rows(table)).toEqual([
        [1, 'x'],
        [2, 'y'],
        [3, 'z'],
      ])
    })
  })

  it('reads UTF-16 (with a byte-order mark) and says so', async () => {
    const text = '\uFEFFclient\tville\nRenée\tZürich\n'
    const bytes = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8
    }
    await everyChunking(bytes, (table, warnings) => {
      expect(rows(table)).toEqual([['Renée', 'Zürich']])
      expect(warnings[0]).toBe('The file was read as UTF-16LE text.')
    })
  })

  it('reads Latin-1 again as Windows-1252 when UTF-8 fails late in the file', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `${i},plain`)
    const text = `id,city\n${lines.join('\n')}\n2000,Zürich\n`
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0))
    const parsed = await readDelimitedBlob(new Blob([bytes]), { chunkBytes: 1024 })
    expect(parsed.warnings[0]).toBe('The file was read as Latin-1 (Windows-1252) text.')
    expect(cellValue(parsed.table.columns[1] as never, 2000)).toBe('Zürich')
  })

  it('reports progress as bytes and rows grow', async () => {
    const text = `a,b\n${Array.from({ length: 500 }, (_, i) => `${i},${i * 2}`).join('\n')}\n`
    const seen: number[] = []
    await readDelimitedBlob(new Blob([text]), {
      chunkBytes: 256,
      onProgress: (p) => {
        expect(p.totalBytes).toBe(text.length)
        seen.push(p.bytesRead)
      },
    })
    expect(seen.at(-1)).toBe(text.length)
  })
})

describe('header detection', () => {
  it('names the columns column_1.. when the first row is data, and says so', () => {
    const { table, warnings } = parseDelimitedText('Ann,34,Paris\nBob,45,Rome\nCy,29,Oslo\n')
    expect(table.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3'])
    expect(rows(table)[0]).toEqual(['Ann', 34, 'Paris'])
    expect(warnings[0]).toMatch(/first row looks like data/)
  })

  it('reads a first row of numbers only as data', () => {
    const { table } = parseDelimitedText('1.5,2\n3.5,4\n')
    expect(table.rowCount).toBe(2)
  })

  it('keeps a header of text over numbers, and years as column names', () => {
    expect(parseDelimitedText('name,age\nAnn,34\n').table.columns[1]?.name).toBe('age')
    const wide = parseDelimitedText('region,2023,2024\nnorth,1.5,2.5\nsouth,3,4\n')
    expect(wide.table.columns.map((c) => c.name)).toEqual(['region', '2023', '2024'])
  })
})
