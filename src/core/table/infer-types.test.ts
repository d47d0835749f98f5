import { describe, expect, it } from 'vitest'
import { tableFromColumns } from './from-values'
import { inferColumnTypes, inferTable } from './infer-types'
import { parseDelimitedText } from './parse-delimited'
import { cellValue } from './table'

/** The inferred type and reason of one column given as cells (header "c", plus a filler column). */
function infer(cells: readonly string[]) {
  const text = `c,filler\n${cells.map((cell, i) => `"${cell}",${i}`).join('\n')}\n`
  const { table } = parseDelimitedText(text)
  const [info] = inferColumnTypes(table)
  if (!info) throw new Error('no type')
  return info
}

const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i))

describe('inferColumnTypes', () => {
  it('numeric: decimals, with the range in the reason', () => {
    expect(infer(['1.5', '-3.25', '10', ''])).toEqual({
      type: 'numeric',
      reason: 'All 3 present values (1 missing) are numbers from -3.25 to 10.',
    })
  })

  it('integer: whole numbers', () => {
    expect(infer(['4', '72', '30', '4'])).toEqual({
      type: 'integer',
      reason: 'All 4 values are whole numbers from 4 to 72.',
    })
  })

  it('boolean: 0/1 with both present, and word pairs in any case', () => {
    expect(infer(['0', '1', '1']).type).toBe('boolean')
    expect(infer(['0', '1', '1']).reason).toBe('All 3 values are 0 or 1 (2 ones, 1 zeros).')
    for (const pair of [
      ['true', 'false'],
      ['Yes', 'No'],
      ['y', 'n'],
    ])
      expect(infer([...pair, ...pair]).type).toBe('boolean')
    expect(infer(['yes', 'no', 'maybe']).type).toBe('categorical')
  })

  it('categorical: a few repeated values, with examples', () => {
    expect(infer(['north', 'south', 'north', 'east'])).toEqual({
      type: 'categorical',
      reason: '3 different values, such as "north", "south", "east".',
    })
  })

  it('categorical: codes with leading zeros, and says why they are not numbers', () => {
    const info = infer(['00123', '00456', '00123', '789'])
    expect(info.type).toBe('categorical')
    expect(info.reason).toMatch(/leading zeros such as "00123" are codes, not numbers/)
  })

  it('categorical: mostly numbers with a few words, pointing to the numeric override', () => {
    const info = infer([...range(30, (i) => String(i % 7)), 'unknown'])
    expect(info.type).toBe('categorical')
    expect(info.reason).toMatch(/1 of 31 are not \(such as "unknown"\); choose numeric/)
  })

  it('datetime: ISO dates, date-times and year-first slashes', () => {
    expect(infer(['2024-01-31', '2023-12-01', ''])).toEqual({
      type: 'datetime',
      reason: 'All 2 present values (1 missing) are dates, from 2023-12-01 to 2024-01-31.',
    })
    expect(infer(['2024-01-31T10:15:00Z', '2024-02-01 08:00']).reason).toMatch(
      /dates with times, from 2024-01-31 10:15:00 to 2024-02-01 08:00:00/,
    )
    expect(infer(['2024/01/31', '2024/02/01']).type).toBe('datetime')
  })

  it('datetime: day/month/year decided by a day above 12, else the assumption is said', () => {
    expect(infer(['31/01/2024', '01/02/2024']).reason).toMatch(
      /from 2024-01-31 to 2024-02-01\. Some first numbers are above 12, so they are read as day\/month\/year/,
    )
    expect(infer(['01/31/2024', '02/01/2024']).reason).toMatch(/read as month\/day\/year/)
    expect(infer(['01/02/2024', '03/04/2024']).reason).toMatch(
      /No day is above 12, so they are read as month\/day\/year \(US order\)/,
    )
    expect(infer(['31/01/2024', '01/31/2024']).type).toBe('categorical')
  })

  it('text: long free text, mostly different', () => {
    const info = infer(range(10, (i) => `This is review number ${i}, and it says rather a lot.`))
    expect(info.type).toBe('text')
    expect(info.reason).toMatch(
      /^Long free text: \d+ characters on average, 100% of the values different\.$/,
    )
  })

  it('identifier: strings like C-00017, UUIDs and integer sequences, one per row', () => {
    expect(infer(range(40, (i) => `C-${String(17 + i * 3).padStart(5, '0')}`))).toEqual({
      type: 'identifier',
      reason:
        'Each of the 40 rows has its own value (such as "C-00017", "C-00020"): a key that names rows, not a feature.',
    })
    const uuids = range(
      25,
      (i) =>
        `${(i * 7919).toString(16).padStart(8, '0')}-9b1d-4c1a-8f00-0c0ffee0${String(i).padStart(4, '0')}`,
    )
    expect(infer(uuids).type).toBe('identifier')
    const shuffled = range(30, (i) => String(((i * 7) % 30) + 1))
    expect(infer(shuffled)).toEqual({
      type: 'identifier',
      reason:
        'The 30 values are the whole numbers 1 to 30, each once: a row number or key, not a measurement.',
    })
    // too few rows to tell a key from a feature
    expect(infer(['a1', 'b2', 'c3']).type).toBe('categorical')
  })

  it('constant: one value, or none at all', () => {
    expect(infer(['7', '7', ''])).toEqual({
      type: 'constant',
      reason: 'All 2 present values (1 missing) are 7.',
    })
    expect(infer(['x', 'x'])).toEqual({ type: 'constant', reason: 'All 2 values are "x".' })
    expect(infer(['', 'NA'])).toEqual({ type: 'constant', reason: 'Every value is missing.' })
  })
})

describe('inferTable', () => {
  it('stores dates as epoch milliseconds (UTC) in a numeric column', () => {
    const { table } = parseDelimitedText('day,x\n2024-03-01,1\n,2\n2024-03-02T12:00:00+02:00,3\n')
    const inferred = inferTable(table)
    const day = inferred.table.columns[0]
    expect(day?.kind).toBe('numeric')
    if (!day) return
    expect([0, 1, 2].map((r) => cellValue(day, r))).toEqual([
      Date.UTC(2024, 2, 1),
      null,
      Date.UTC(2024, 2, 2, 10),
    ])
    expect(inferred.types[0]?.type).toBe('datetime')
  })

  it('reads a column of Date objects (a workbook or Parquet date column) as datetime', () => {
    const parsed = tableFromColumns(
      [
        {
          name: 'when',
          values: [new Date(Date.UTC(2020, 0, 1)), null, new Date(Date.UTC(2021, 5, 30))],
        },
        { name: 'n', values: [1, 2, 3] },
      ],
      3,
    )
    const { types } = inferTable(parsed.table, parsed.sources)
    expect(types[0]).toEqual({
      type: 'datetime',
      reason: 'All 2 present values (1 missing) are dates, from 2020-01-01 to 2021-06-30.',
    })
  })
})
