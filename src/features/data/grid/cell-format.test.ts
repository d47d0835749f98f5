import { describe, expect, it } from 'vitest'
import type { Column } from '../../../core/table/table'
import { cellView, datesOnly, formatDate } from './cell-format'

const numbers = (values: number[]): Column => ({
  name: 'x',
  kind: 'numeric',
  values: Float64Array.from(values),
})

describe('cellView', () => {
  it('groups thousands and keeps decimals of numbers, right-aligned', () => {
    const column = numbers([1234567.5, 0.125, Number.NaN, 3e-7])
    expect(cellView(column, 0, 'numeric', false)).toMatchObject({
      text: '1,234,567.5',
      full: '1234567.5',
      numeric: true,
    })
    expect(cellView(column, 1, 'numeric', false).text).toBe('0.125')
    expect(cellView(column, 2, 'numeric', false)).toMatchObject({ text: 'missing', missing: true })
    expect(cellView(column, 3, 'numeric', false).text).toBe('3.00000e-7')
  })

  it('shows identifiers exactly as stored, without grouping', () => {
    expect(cellView(numbers([100234]), 0, 'identifier', false)).toMatchObject({
      text: '100234',
      numeric: false,
    })
  })

  it('shows datetimes stored as epoch milliseconds as ISO dates and times (UTC)', () => {
    const day = Date.UTC(2024, 2, 1)
    const moment = Date.UTC(2024, 2, 1, 9, 30)
    expect(datesOnly(Float64Array.from([day, Number.NaN]))).toBe(true)
    expect(datesOnly(Float64Array.from([day, moment]))).toBe(false)
    expect(formatDate(day, true)).toBe('2024-03-01')
    expect(formatDate(moment, false)).toBe('2024-03-01 09:30')
    expect(formatDate(moment + 15_000, false)).toBe('2024-03-01 09:30:15')
    expect(cellView(numbers([moment]), 0, 'datetime', false).text).toBe('2024-03-01 09:30')
  })

  it('reads categories from the dictionary and marks missing codes', () => {
    const column: Column = {
      name: 'c',
      kind: 'categorical',
      categories: ['north', 'south'],
      codes: Int32Array.from([1, -1]),
    }
    expect(cellView(column, 0, 'categorical', false).text).toBe('south')
    expect(cellView(column, 1, 'categorical', false).missing).toBe(true)
  })
})
