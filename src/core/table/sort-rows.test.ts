import { describe, expect, it } from 'vitest'
import { categoryRanks, sortCategoricalRows, sortNumericRows, sortRows } from './sort-rows'
import type { CategoricalColumn, NumericColumn } from './table'

const numeric = (values: number[]): NumericColumn => ({
  name: 'amount',
  kind: 'numeric',
  values: Float64Array.from(values),
})

/** The order a plain stable comparator sort gives: the reference the radix sort must match. */
function referenceOrder(values: Float64Array, descending: boolean): number[] {
  const rows = Array.from(values.keys())
  const present = rows.filter((r) => !Number.isNaN(values[r]))
  const missing = rows.filter((r) => Number.isNaN(values[r]))
  present.sort((a, b) => {
    const d = (values[a] as number) - (values[b] as number)
    return descending ? -d : d
  })
  return [...present, ...missing]
}

/** A seeded generator, so a failure replays the same data. */
function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe('sortNumericRows', () => {
  it('orders values ascending and descending with missing cells last both ways', () => {
    const column = numeric([3, Number.NaN, -2, 10, 0.5, Number.NaN, -7.25])
    expect(Array.from(sortRows(column, 'ascending'))).toEqual([6, 2, 4, 0, 3, 1, 5])
    expect(Array.from(sortRows(column, 'descending'))).toEqual([3, 0, 4, 2, 6, 1, 5])
  })

  it('keeps file order among equal values in both directions', () => {
    const values = Float64Array.from([5, 1, 5, 1, 5])
    expect(Array.from(sortNumericRows(values, 'ascending'))).toEqual([1, 3, 0, 2, 4])
    expect(Array.from(sortNumericRows(values, 'descending'))).toEqual([0, 2, 4, 1, 3])
  })

  it('handles the edges of the number line: infinities, -0, tiny and huge magnitudes', () => {
    const values = Float64Array.from([
      1e-300,
      -0,
      Number.POSITIVE_INFINITY,
      -1e308,
      0,
      Number.NEGATIVE_INFINITY,
      -1e-300,
      1e308,
    ])
    const sorted = Array.from(sortNumericRows(values, 'ascending'), (r) => values[r])
    expect(sorted).toEqual([
      Number.NEGATIVE_INFINITY,
      -1e308,
      -1e-300,
      -0,
      0,
      1e-300,
      1e308,
      Number.POSITIVE_INFINITY,
    ])
    // -0 and 0 are the same value, so they stay in file order (row 1 before row 4).
    const order = Array.from(sortNumericRows(values, 'ascending'))
    expect(order.indexOf(1)).toBeLessThan(order.indexOf(4))
  })

  it('matches a stable comparator sort on 50,000 mixed values with repeats and gaps', () => {
    const random = seeded(7)
    const values = Float64Array.from({ length: 50_000 }, () => {
      const u = random()
      if (u < 0.05) return Number.NaN
      if (u < 0.4) return Math.floor(random() * 50) // many ties
      return (random() - 0.5) * 10 ** Math.floor(random() * 12)
    })
    expect(Array.from(sortNumericRows(values, 'ascending'))).toEqual(referenceOrder(values, false))
    expect(Array.from(sortNumericRows(values, 'descending'))).toEqual(referenceOrder(values, true))
  })

  it('returns every row once for an all-missing column and for an empty one', () => {
    expect(Array.from(sortNumericRows(Float64Array.from([NaN, NaN, NaN]), 'descending'))).toEqual([
      0, 1, 2,
    ])
    expect(sortNumericRows(new Float64Array(0), 'ascending')).toHaveLength(0)
  })
})

describe('sortCategoricalRows', () => {
  const column: CategoricalColumn = {
    name: 'grade',
    kind: 'categorical',
    categories: ['B10', 'a', 'B2', 'Émile', 'zeta'],
    codes: Int32Array.from([0, -1, 2, 1, 3, 4, 2, -1, 0]),
  }

  it('orders categories by their text, naturally (B2 before B10), missing last', () => {
    const labels = Array.from(sortRows(column, 'ascending'), (r) => {
      const code = column.codes[r] as number
      return code < 0 ? null : column.categories[code]
    })
    expect(labels).toEqual(['a', 'B2', 'B2', 'B10', 'B10', 'Émile', 'zeta', null, null])
  })

  it('reverses the categories for descending but keeps ties and missing cells in file order', () => {
    expect(Array.from(sortRows(column, 'descending'))).toEqual([5, 4, 0, 8, 2, 6, 3, 1, 7])
  })

  it('ranks a large dictionary of identifiers by plain text order', () => {
    const categories = Array.from({ length: 60_000 }, (_, i) => `id-${(60_000 - i).toString(36)}`)
    const ranks = categoryRanks(categories)
    const byRank = Array.from(ranks.keys()).sort(
      (a, b) => (ranks[a] as number) - (ranks[b] as number),
    )
    const texts = byRank.map((c) => categories[c] as string)
    expect(texts).toEqual([...categories].sort())
  })

  it('sorts codes with one counting pass: every row appears exactly once', () => {
    const random = seeded(3)
    const codes = Int32Array.from({ length: 20_000 }, () => Math.floor(random() * 41) - 1)
    const categories = Array.from({ length: 40 }, (_, i) => `c${i}`)
    const order = sortCategoricalRows(codes, categories, 'ascending')
    expect(new Set(order).size).toBe(codes.length)
    const ranks = categoryRanks(categories)
    const rankOf = (r: number) => {
      const code = codes[r] as number
      return code < 0 ? Infinity : (ranks[code] as number)
    }
    const outOfOrder = Array.from(order.keys()).filter((i) => {
      if (i === 0) return false
      const [a, b] = [order[i - 1] as number, order[i] as number]
      return !(rankOf(a) < rankOf(b) || (rankOf(a) === rankOf(b) && a < b))
    })
    expect(outOfOrder).toEqual([])
  })
})
