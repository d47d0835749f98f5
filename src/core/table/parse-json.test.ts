import { describe, expect, it } from 'vitest'
import { parseJsonText } from './parse-json'
import { DataError } from './parse-delimited'
import { cellValue } from './table'

describe('parseJsonText', () => {
  it('reads an array of records, with the union of keys as columns', () => {
    const { table } = parseJsonText(
      JSON.stringify([
        { age: 42, owner: true, city: 'Oslo' },
        { age: 31, owner: false },
        { age: null, city: 'Bergen', extra: { nested: 1 } },
      ]),
    )
    expect(table.rowCount).toBe(3)
    expect(table.columns.map((c) => [c.name, c.kind])).toEqual([
      ['age', 'numeric'],
      ['owner', 'categorical'],
      ['city', 'categorical'],
      ['extra', 'categorical'],
    ])
    const [age, owner, city, extra] = table.columns
    if (!age || !owner || !city || !extra) throw new Error('four columns expected')
    expect([0, 1, 2].map((r) => cellValue(age, r))).toEqual([42, 31, null])
    expect([0, 1, 2].map((r) => cellValue(owner, r))).toEqual(['true', 'false', null])
    expect(cellValue(city, 1)).toBeNull()
    expect(cellValue(extra, 2)).toBe('{"nested":1}')
  })

  it('reads JSON Lines, skipping blank lines', () => {
    const { table } = parseJsonText('{"x": 1, "y": "a"}\n\n{"x": 2.5, "y": "b"}\r\n')
    expect(table.rowCount).toBe(2)
    const x = table.columns[0]
    if (!x) throw new Error('x expected')
    expect([cellValue(x, 0), cellValue(x, 1)]).toEqual([1, 2.5])
  })

  it('names the line of a broken JSON Lines file and refuses records that are not objects', () => {
    expect(() => parseJsonText('{"x": 1}\n{"x": 2,\n')).toThrow(/Line 2 .* not valid JSON/)
    expect(() => parseJsonText('[1, 2, 3]')).toThrow(DataError)
    expect(() => parseJsonText('[1, 2, 3]')).toThrow(/Record 1 is not an object/)
    expect(() => parseJsonText('[{"x": 1},')).toThrow(/complete array of records/)
    expect(() => parseJsonText('[]')).toThrow(/no records/)
  })
})
