import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseFile } from './parse-file'
import { cellLabel, type Table } from './table'

/** One entry of e2e/fixtures/bad-input/manifest.json (the e2e spec reads the same file). */
interface CorpusEntry {
  readonly file: string
  readonly expect: 'error' | 'loads'
  readonly message?: string
  readonly stage?: 'parser' | 'app'
  readonly rows?: number
  readonly columns?: number
  readonly warning?: string
  readonly literal?: readonly string[]
  readonly pending?: string
  readonly why: string
}

const corpus = new URL('../../../e2e/fixtures/bad-input/', import.meta.url)
const { files } = JSON.parse(readFileSync(new URL('manifest.json', corpus), 'utf8')) as {
  files: CorpusEntry[]
}

const read = (entry: CorpusEntry) =>
  parseFile(new Blob([readFileSync(new URL(entry.file, corpus))]), entry.file)

/** Every header and cell as the table shows it, to find strings that must survive as text. */
function allText(table: Table): Set<string> {
  const text = new Set<string>()
  for (const column of table.columns) {
    text.add(column.name)
    for (let row = 0; row < table.rowCount; row++) {
      const label = cellLabel(column, row)
      if (label !== null) text.add(label)
    }
  }
  return text
}

async function check(entry: CorpusEntry): Promise<void> {
  if (entry.expect === 'error' && entry.stage !== 'app') {
    await expect(read(entry)).rejects.toThrow(new RegExp(entry.message ?? '', 'i'))
    return
  }
  const { table, warnings } = await read(entry)
  if (entry.expect === 'error') {
    // Refused by the studio after parsing (one column): the parser hands over what it saw.
    expect(table.columns.length).toBeLessThan(2)
    return
  }
  if (entry.rows !== undefined) expect(table.rowCount).toBe(entry.rows)
  if (entry.columns !== undefined) expect(table.columns.length).toBe(entry.columns)
  if (entry.warning) expect(warnings.join('\n')).toMatch(new RegExp(entry.warning, 'i'))
  const text = allText(table)
  for (const literal of entry.literal ?? []) expect(text).toContain(literal)
}

describe('the bad-input corpus through the parser', () => {
  it('holds at least 30 files, each described in the manifest', () => {
    const listed = new Set(files.map((f) => f.file))
    expect(listed.size).toBeGreaterThanOrEqual(30)
    expect(listed.size).toBe(files.length)
  })

  for (const entry of files) {
    const name = `${entry.file}: ${entry.expect === 'error' ? `refused (${entry.message ?? ''})` : 'loads'} — ${entry.why}`
    // A pending entry describes behaviour this branch lacks; when it lands this test fails as a
    // reminder to drop the entry's `pending`.
    if (entry.pending) it.fails(`${name} [pending: ${entry.pending}]`, () => check(entry))
    else it(name, () => check(entry))
  }

  it('leaves Object.prototype alone when headers and keys are __proto__ or constructor', async () => {
    for (const file of ['prototype-pollution.csv', 'prototype-pollution.json']) {
      const entry = files.find((f) => f.file === file)
      if (entry) await read(entry)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })
})
