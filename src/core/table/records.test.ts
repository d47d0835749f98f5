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

describe('tableFromRecords with a datetime column', () => {
  const dated = (dayMonthOrder?: 'day-first' | 'month-first' | null) => [
    { name: 'when', kind: 'numeric' as const, type: 'datetime' as const, dayMonthOrder },
  ]
  const read = (cells: unknown[], schema = dated()) =>
    Array.from({ length: cells.length }, (_, row) =>
      cellValue(
        findColumn(
          tableFromRecords(
            cells.map((when) => ({ when })),
            schema,
          ),
          'when',
        ),
        row,
      ),
    )

  it('reads dates typed as text into epoch ms, UTC, and keeps numbers as epoch ms', () => {
    expect(
      read([
        '2024-03-01',
        ' 2024-03-01 14:30 ',
        '2024-03-01T14:30:00Z',
        Date.UTC(2024, 2, 1),
        String(Date.UTC(2024, 2, 1)),
        new Date(Date.UTC(2024, 2, 1, 9)),
      ]),
    ).toEqual([
      Date.UTC(2024, 2, 1),
      Date.UTC(2024, 2, 1, 14, 30),
      Date.UTC(2024, 2, 1, 14, 30),
      Date.UTC(2024, 2, 1),
      Date.UTC(2024, 2, 1),
      Date.UTC(2024, 2, 1, 9),
    ])
  })

  it("reads an ambiguous date in the training file's day/month order", () => {
    expect(read(['03/01/2024'], dated('month-first'))).toEqual([Date.UTC(2024, 2, 1)])
    expect(read(['03/01/2024'], dated('day-first'))).toEqual([Date.UTC(2024, 0, 3)])
    // No order learned (the training file wrote ISO dates): month first, as readDates assumes.
    expect(read(['03/01/2024'], dated(null))).toEqual([Date.UTC(2024, 2, 1)])
    expect(read(['03/01/2024'], dated())).toEqual([Date.UTC(2024, 2, 1)])
  })

  it('reads a date valid in one order only that way, whatever the training order', () => {
    expect(read(['31/03/2024', '03/31/2024'], dated('month-first'))).toEqual([
      Date.UTC(2024, 2, 31),
      Date.UTC(2024, 2, 31),
    ])
    expect(read(['31/03/2024', '03/31/2024'], dated('day-first'))).toEqual([
      Date.UTC(2024, 2, 31),
      Date.UTC(2024, 2, 31),
    ])
  })

  it('leaves a missing or unreadable date missing', () => {
    expect(
      read([null, undefined, '', 'n/a', 'next Tuesday', '2024-02-30', Number.NaN, true]),
    ).toEqual([null, null, null, null, null, null, null, null])
  })

  it('reads a thousand rows of two repeated texts, each row getting its own value', () => {
    const cells = Array.from({ length: 1000 }, (_, i) => (i % 2 ? '2024-03-01' : '01/02/2024'))
    const values = read(cells, dated('day-first'))
    expect(values.filter((v) => v === Date.UTC(2024, 2, 1))).toHaveLength(500)
    expect(values.filter((v) => v === Date.UTC(2024, 1, 1))).toHaveLength(500)
  })

  it('reads text in columns of other types as before', () => {
    const table = tableFromRecords(
      [{ when: '2024-03-01', code: '2024-03-01' }],
      [
        { name: 'when', kind: 'categorical', type: 'datetime' },
        { name: 'code', kind: 'categorical', type: 'text' },
      ],
    )
    expect(cellValue(findColumn(table, 'when'), 0)).toBe('2024-03-01')
    expect(cellValue(findColumn(table, 'code'), 0)).toBe('2024-03-01')
  })
})
