import { describe, expect, it } from 'vitest'
import { ascendingRows, liveRows, withoutRows } from './parts'

describe('liveRows', () => {
  it('lists the rows of every part once, ascending', () => {
    const parts = {
      train: Int32Array.from([7, 2, 9]),
      validation: Int32Array.from([0, 5]),
      test: Int32Array.from([3]),
    }
    expect(Array.from(liveRows(parts))).toEqual([0, 2, 3, 5, 7, 9])
  })

  it('keeps a row listed twice (oversampled training rows) twice', () => {
    expect(Array.from(ascendingRows([Int32Array.from([4, 1, 4]), Int32Array.from([1])]))).toEqual([
      1, 1, 4, 4,
    ])
  })

  it('sorts a few rows far down a big table as well as dense ones', () => {
    const rows = ascendingRows([Int32Array.from([999_999, 12, 500_000])])
    expect(Array.from(rows)).toEqual([12, 500_000, 999_999])
    expect(ascendingRows([new Int32Array(0)])).toHaveLength(0)
  })
})

describe('withoutRows', () => {
  it('drops the marked rows and keeps the order of the others', () => {
    const remove = new Uint8Array(10)
    remove[2] = 1
    remove[9] = 1
    expect(Array.from(withoutRows(Int32Array.from([9, 4, 2, 7]), remove))).toEqual([4, 7])
  })
})
