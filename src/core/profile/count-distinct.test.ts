import { describe, expect, it } from 'vitest'
import { countDistinctNumbers } from './count-distinct'

describe('countDistinctNumbers', () => {
  it('agrees with a Set while its table grows many times over', () => {
    let seed = 1
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32
    const values = Float64Array.from({ length: 50_000 }, () => Math.round(random() * 30_000) / 4)
    expect(countDistinctNumbers(values.slice(), values.length)).toBe(new Set(values).size)
  })
})
