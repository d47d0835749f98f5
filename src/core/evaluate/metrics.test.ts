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
    expect(got[key], key).toBeCloseTo(value, 9)
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
