import { describe, expect, it } from 'vitest'
import { bodyGeometry, rowWindow, scrollTopFor } from './row-window'

const base = { rowHeight: 28, viewport: 560, overscan: 4 }

describe('rowWindow', () => {
  it('draws the visible rows plus a little overscan at the top of a small table', () => {
    const w = rowWindow({ ...base, rowCount: 1000, scrollTop: 0 })
    expect(w).toMatchObject({ start: 0, end: 25, bodyHeight: 28_000, scale: 1, shift: 0 })
  })

  it('follows the scroll position one to one below the height cap', () => {
    const w = rowWindow({ ...base, rowCount: 1000, scrollTop: 28 * 100 + 10 })
    expect(w.start).toBe(96)
    expect(w.end).toBe(100 + 21 + 4)
    expect(w.shift).toBe(0)
  })

  it('gears the scrollbar for a million rows and still reaches the last row', () => {
    const rowCount = 1_000_000
    const geometry = bodyGeometry(rowCount, 28, 560, 5_000_000)
    expect(geometry.bodyHeight).toBe(5_000_000)
    const bottom = rowWindow({
      ...base,
      rowCount,
      scrollTop: 5_000_000 - 560,
      maxBodyPx: 5_000_000,
    })
    expect(bottom.end).toBe(rowCount)
    // The last row's bottom edge sits exactly on the viewport's bottom edge.
    const lastTop = (rowCount - 1) * 28 + bottom.shift
    expect(lastTop + 28).toBeCloseTo(5_000_000, 6)
  })

  it('maps a wanted virtual offset back to the real scrollTop that shows it', () => {
    const geometry = bodyGeometry(1_000_000, 28, 560, 5_000_000)
    const scrollTop = scrollTopFor(28 * 500_000, geometry, 560)
    const w = rowWindow({ ...base, rowCount: 1_000_000, scrollTop, maxBodyPx: 5_000_000 })
    expect(w.start + base.overscan).toBe(500_000)
    expect(scrollTopFor(-50, geometry, 560)).toBe(0)
  })

  it('draws nothing for an empty table and everything for a short one', () => {
    expect(rowWindow({ ...base, rowCount: 0, scrollTop: 0 })).toMatchObject({ start: 0, end: 0 })
    expect(rowWindow({ ...base, rowCount: 3, scrollTop: 0 })).toMatchObject({ start: 0, end: 3 })
  })
})
