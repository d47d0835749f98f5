import { describe, expect, it } from 'vitest'
import { createRng, shuffleInPlace } from './random'

function draws(seed: number, n: number): number[] {
  const rng = createRng(seed)
  return Array.from({ length: n }, () => rng())
}

describe('createRng', () => {
  it('repeats its sequence for a seed and changes it for another', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100))
    expect(draws(42, 100)).not.toEqual(draws(43, 100))
  })

  it('draws in [0, 1), spread over the whole interval', () => {
    const values = draws(7, 10_000)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
    const tenths = new Array<number>(10).fill(0)
    for (const v of values) {
      const bin = Math.floor(v * 10)
      tenths[bin] = (tenths[bin] ?? 0) + 1
    }
    for (const count of tenths) expect(Math.abs(count - 1000)).toBeLessThan(150)
  })
})

describe('shuffleInPlace', () => {
  it('permutes the values, the same way for the same seed', () => {
    const a = Int32Array.from({ length: 50 }, (_, i) => i)
    const b = Int32Array.from({ length: 50 }, (_, i) => i)
    shuffleInPlace(a, createRng(1))
    shuffleInPlace(b, createRng(1))
    expect(a).toEqual(b)
    expect(Array.from(a)).not.toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i))
  })
})
