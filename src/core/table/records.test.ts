import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from './parse-delimited'
import { tableFromRecords } from './records'
import { cellValue, findColumn, tableRecords } from './table'

const schema = [
  { name: 'age', kind: 'numeric' as const },
  { name: 'owner', kind: 'categorical' as const },
]

describe('tableFromRecords', () => {
  it('reads typed-in records with the training schema, whatever their cell types', () => {
    const table = tableFromRecords(
      [
        { age: 31, owner: 'yes' },
        { age: '45', owner: 'no' },
        { age: null, owner: undefined },
        { age: Number.NaN, owner: true },
        {},
      ],
      schema,
    )
    expect(table.rowCount).toBe(5)
    const age = findColumn(table, 'age')
    const owner = findColumn(table, 'owner')
    expect([0, 1, 2, 3, 4].map((r) => cellValue(age, r))).toEqual([31, 45, null, null, null])
    expect([0, 1, 2, 3, 4].map((r) => cellValue(owner, r))).toEqual([
      'yes',
      'no',
      null,
      'true',
      null,
    ])
  })

  it('keeps the schema kind even when the records alone would infer another', () => {
    // A categorical column whose values look like numbers stays categorical.
    const table = tableFromRecords(
      [{ code: 1 }, { code: 2 }],
      [{ name: 'code', kind: 'categorical' }],
    )
    expect(findColumn(table, 'code').kind).toBe('categorical')
    expect(cellValue(findColumn(table, 'code'), 1)).toBe('2')
  })

  it('round-trips the rows of a parsed table through tableRecords', () => {
    const { table } = parseDelimitedText('x,color,y\n1.25,red,\n-3,,7\n1e-7,blue,8\n')
    const records = tableRecords(table, [2, 0, 1])
    expect(records).toEqual([
      { x: 1e-7, color: 'blue', y: 8 },
      { x: 1.25, color: 'red', y: null },
      { x: -3, color: null, y: 7 },
    ])
    const back = tableFromRecords(
      records,
      table.columns.map((c) => ({ name: c.name, kind: c.kind })),
    )
    expect(tableRecords(back, [0, 1, 2])).toEqual(records)
  })
})
