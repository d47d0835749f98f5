import { describe, expect, it } from 'vitest'
import { cellNumber, ColumnBuilder } from './column-builder'
import { cellValue, type Column } from './table'

function build(cells: readonly string[], capacity?: number): Column {
  const builder = new ColumnBuilder('c', capacity)
  for (const cell of cells) builder.pushText(cell)
  return builder.finish()
}

const values = (column: Column) =>
  Array.from(
    { length: column.kind === 'numeric' ? column.values.length : column.codes.length },
    (_, i) => cellValue(column, i),
  )

describe('cellNumber', () => {
  it('reads decimal numbers exactly as Number() does', () => {
    for (const text of [
      '0',
      '7',
      '-3',
      '1.5',
      '-0.25',
      '.5',
      '1e3',
      '2E-2',
      '+4',
      ' 7 ',
      '123456789012345',
      '1234567890123456789',
      '0.1',
      '3.14159265358979',
    ])
      expect(cellNumber(text)).toBe(Number(text))
  })

  it('does not read codes, words, hex or empty cells as numbers', () => {
    for (const text of [
      '',
      ' ',
      '00123',
      '-007',
      '0x1F',
      '0b101',
      'Infinity',
      '1,5',
      'abc',
      '-',
      '.',
      '12a',
    ])
      expect(cellNumber(text)).toBeNaN()
  })
})

describe('ColumnBuilder', () => {
  it('keeps a column of numbers and missing tokens as a Float64Array', () => {
    const column = build(['1', '2.5', '', 'NA', '-4'])
    expect(column.kind).toBe('numeric')
    if (column.kind !== 'numeric') return
    expect(column.values).toBeInstanceOf(Float64Array)
    expect(values(column)).toEqual([1, 2.5, null, null, -4])
  })

  it('switches to a dictionary at the first text, keeping what came before', () => {
    const column = build(['1', '2', 'n/a', 'three', '2', ' three '])
    expect(column.kind).toBe('categorical')
    if (column.kind !== 'categorical') return
    expect(column.codes).toBeInstanceOf(Int32Array)
    expect(column.categories).toEqual(['1', '2', 'three'])
    expect(values(column)).toEqual(['1', '2', null, 'three', '2', 'three'])
  })

  it('reads leading-zero codes as categories, not numbers', () => {
    const column = build(['00123', '00456', '00123'])
    expect(column.kind).toBe('categorical')
    expect(values(column)).toEqual(['00123', '00456', '00123'])
  })

  it('gives ascending keys one category each and still finds repeats once the order breaks', () => {
    const cells = ['C-01', 'C-02', 'C-03', 'C-02', 'C-04', 'C-01']
    const column = build(cells)
    if (column.kind !== 'categorical') throw new Error('categorical expected')
    expect(column.categories).toEqual(['C-01', 'C-02', 'C-03', 'C-04'])
    expect(values(column)).toEqual(cells)
  })

  it('grows past its first capacity and cuts the arrays to length', () => {
    const cells = Array.from({ length: 5000 }, (_, i) => String(i))
    const column = build(cells, 16)
    if (column.kind !== 'numeric') throw new Error('numeric expected')
    expect(column.values.length).toBe(5000)
    expect(column.values[4999]).toBe(4999)
  })

  it('takes typed values: numbers, booleans, dates and nested objects', () => {
    const builder = new ColumnBuilder('d')
    builder.pushValue(new Date(Date.UTC(2024, 0, 2)))
    builder.pushValue(null)
    builder.pushValue(new Date(Date.UTC(2024, 0, 3)))
    expect(builder.allDates).toBe(true)
    const dates = builder.finish()
    expect(values(dates)).toEqual([Date.UTC(2024, 0, 2), null, Date.UTC(2024, 0, 3)])

    const mixed = new ColumnBuilder('m')
    for (const v of [1, true, { a: 1 }, 10n, Number.NaN]) mixed.pushValue(v)
    expect(values(mixed.finish())).toEqual(['1', 'true', '{"a":1}', '10', null])
  })

  it('keeps dates readable when a date column turns out to hold text too', () => {
    const builder = new ColumnBuilder('d')
    builder.pushValue(new Date(Date.UTC(2024, 0, 2)))
    builder.pushValue('unknown')
    expect(values(builder.finish())).toEqual(['2024-01-02', 'unknown'])
  })
})
