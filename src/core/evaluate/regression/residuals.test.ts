import { describe, expect, it } from 'vitest'
import fixtures from '../fixtures/baseline-fixtures.json'
import { histogram, niceTicks, quantile, residualsOf, residualSummary } from './residuals'

describe('residual histogram bins match numpy histogram(bins="auto")', () => {
  for (const h of fixtures.histograms) {
    it(`${h.name}: ${h.counts.length} bins`, () => {
      const { edges, counts } = histogram(h.values)
      expect(Array.from(counts)).toEqual(h.counts)
      expect(edges.length).toBe(h.edges.length)
      edges.forEach((e, i) => expect(e).toBeCloseTo(h.edges[i] as number, 9))
    })
  }

  it('caps the bars at 60 for long-tailed residuals', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 100 === 0 ? 1e4 * i : i % 10))
    const { counts } = histogram(values)
    expect(counts.length).toBe(60)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5000)
  })
})

describe('residual summary', () => {
  it('percentiles as numpy computes them', () => {
    const h = fixtures.histograms[1]
    if (!h) throw new Error('fixture missing')
    const sorted = Float64Array.from(h.values).sort()
    for (const [q, expected] of Object.entries(h.percentiles))
      expect(quantile(sorted, Number(q) / 100)).toBeCloseTo(expected, 9)
  })

  it('reads a model that predicts too low as a positive mean residual', () => {
    const actual = [10, 12, 14, 16]
    const summary = residualSummary(residualsOf(actual, [9, 11, 13, 14]))
    expect(summary).toMatchObject({ count: 4, mean: 1.25, median: 1, min: 1, max: 2 })
    expect(summary.std).toBeCloseTo(Math.sqrt(0.1875), 12)
  })
})

describe('niceTicks', () => {
  it('reads 12, 12.5 … 14.5 for alcohol between 12.13 and 14.45', () => {
    expect(niceTicks(12.13, 14.45)).toEqual([12, 12.5, 13, 13.5, 14, 14.5])
  })
  it('covers negative residuals with round steps', () => {
    expect(niceTicks(-0.83, 1.13)).toEqual([-1, -0.5, 0, 0.5, 1, 1.5])
  })
})
