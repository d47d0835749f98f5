import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../table/parse-delimited'
import { fitRecipe } from '../recipe/pipeline/prepare-data'
import { proposeRecipe } from '../recipe/propose'
import { decodeOutputs, encodeTarget } from '../recipe/transform'
import { evaluatePredictions } from './evaluate-split'
import { binaryMetrics, multiclassMetrics, regressionMetrics, rocAuc, type Metric } from './metrics'

/** Cases and reference values written by fixtures/make-metric-fixtures.py with scikit-learn. */
interface Fixtures {
  binary: { name: string; labels: number[]; probabilities: number[]; expected: Expected }[]
  multiclass: {
    name: string
    classCount: number
    labels: number[]
    probabilities: number[]
    expected: Expected
  }[]
  regression: { name: string; actual: number[]; predicted: number[]; expected: Expected }[]
}
type Expected = Record<string, number>

const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/metric-fixtures.json', import.meta.url), 'utf8'),
) as Fixtures

function byKey(metrics: Metric[]): Expected {
  return Object.fromEntries(metrics.map((m) => [m.key, m.value]))
}

function expectMatches(metrics: Metric[], expected: Expected) {
  const got = byKey(metrics)
  expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort())
  for (const [key, value] of Object.entries(expected)) {
    // Relative to the size: a MAPE with a zero actual is about 1e14, summed in another order.
    const error = Math.abs((got[key] ?? Number.NaN) - value) / Math.max(1, Math.abs(value))
    expect(error, `${key}: ${got[key]} against sklearn's ${value}`).toBeLessThan(1e-9)
  }
}

describe('metrics against scikit-learn', () => {
  it.each(fixtures.binary.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expectMatches(binaryMetrics(c.labels, c.probabilities), c.expected)
  })

  it.each(fixtures.multiclass.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expectMatches(multiclassMetrics(c.labels, c.probabilities, c.classCount), c.expected)
  })

  it.each(fixtures.regression.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expectMatches(regressionMetrics(c.actual, c.predicted), c.expected)
  })

  it('gives MAPE as a fraction, and an enormous one when an actual is zero (as sklearn does)', () => {
    expect(byKey(regressionMetrics([100, 200], [110, 180])).mape).toBeCloseTo(0.1, 12)
    const withZero = fixtures.regression.find((c) => c.actual.includes(0))
    expect(withZero?.expected.mape).toBeGreaterThan(1e12)
  })

  it('scores a confident, correct model near 0 log loss and Brier, a constant one worse', () => {
    const labels = [0, 1, 2, 1]
    const sure = labels.flatMap((y) => [0, 1, 2].map((k) => (k === y ? 0.98 : 0.01)))
    const flat = labels.flatMap(() => [1 / 3, 1 / 3, 1 / 3])
    const confident = byKey(multiclassMetrics(labels, sure, 3))
    const uniform = byKey(multiclassMetrics(labels, flat, 3))
    expect(confident.logLoss).toBeCloseTo(-Math.log(0.98), 9)
    expect(confident.brier).toBeCloseTo(0.02 ** 2 + 2 * 0.01 ** 2, 12)
    expect(uniform.logLoss).toBeCloseTo(Math.log(3), 9)
    expect(uniform.brier).toBeCloseTo(2 / 3, 12)
  })

  it('has cases that exercise ties and a class imbalance', () => {
    const ties = fixtures.binary[0]
    expect(new Set(ties?.probabilities).size).toBeLessThan(20)
    const imbalanced = fixtures.binary[1]
    const positives = imbalanced?.labels.filter((y) => y === 1).length ?? 0
    expect(positives / (imbalanced?.labels.length ?? 1)).toBeLessThan(0.1)
  })
})

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 when every score ties', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1)
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBe(0)
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5)
  })

  it('is undefined (NaN) when only one class is present', () => {
    expect(rocAuc([1, 1, 1], [0.2, 0.5, 0.9])).toBeNaN()
  })
})

describe('evaluatePredictions', () => {
  it('scores a regression in the target units, not the standardised ones', () => {
    const prices = [100.5, 200.25, 300, 400.75, 500, 600.5]
    const { table } = parseDelimitedText(
      `x,price\n${prices.map((p, i) => `${i},${p}`).join('\n')}\n`,
    )
    const rows = Int32Array.from(prices.keys())
    const recipe = fitRecipe(proposeRecipe(table, 't', 'price'), table, rows)
    expect(recipe.target.task).toBe('regression')
    const labels = encodeTarget(recipe, table, rows)
    const predicted = prices.map((p) => p + 10)
    const metrics = byKey(evaluatePredictions(recipe, labels, predicted))
    expect(metrics.mae).toBeCloseTo(10, 4)
    expect(metrics.rmse).toBeCloseTo(10, 4)
    // Same numbers as scoring the raw prices directly.
    const direct = byKey(regressionMetrics(prices, predicted))
    expect(metrics.r2).toBeCloseTo(direct.r2 ?? Number.NaN, 6)
    // And decoding the encoded labels gives the prices back.
    decodeOutputs(recipe, labels).forEach((v, i) => expect(v).toBeCloseTo(prices[i] ?? 0, 3))
  })

  it('reads one-hot multiclass labels as class indices', () => {
    const c = fixtures.multiclass[0]
    if (!c) throw new Error('no multiclass fixture')
    const { table } = parseDelimitedText('x,y\n1,a\n2,b\n3,c\n')
    const recipe = proposeRecipe(table, 't', 'y')
    const oneHot = new Float32Array(c.labels.length * c.classCount)
    c.labels.forEach((label, i) => (oneHot[i * c.classCount + label] = 1))
    expectMatches(evaluatePredictions(recipe, oneHot, c.probabilities), c.expected)
  })
})
