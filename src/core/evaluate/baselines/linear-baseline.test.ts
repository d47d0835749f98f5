import { describe, expect, it } from 'vitest'
import { prepareTrainingJob } from '../../recipe/prepare-job'
import { cellLabel, findColumn } from '../../table/table'
import { bundledTable } from '../../train/run-history-test-run'
import fixtures from '../fixtures/baseline-fixtures.json'
import { evaluatePredictions } from '../evaluate-split'
import { linearBaselineOutputs } from './linear-baseline'
import { fitLinearRegression, predictLinear } from './linear-regression'
import { fitLogisticRegression, predictProbabilities, type Inputs } from './logistic-regression'

type Case = (typeof fixtures.cases)[number]

/**
 * The fixture script's matrices, built again from the same CSV file: every listed input
 * standardised with the training rows' mean and population spread, rounded to float32; rows whose
 * index is a multiple of 4 are the test rows.
 */
function matrices(c: Case) {
  const { table } = bundledTable(c.file)
  const n = table.rowCount
  const columns = c.inputs.map((name) => {
    const column = findColumn(table, name)
    return Float64Array.from({ length: n }, (_, row) =>
      column.kind === 'numeric' ? (column.values[row] as number) : Number(cellLabel(column, row)),
    )
  })
  const trainRows = Array.from({ length: n }, (_, i) => i).filter((i) => i % 4 !== 0)
  const testRows = Array.from({ length: n }, (_, i) => i).filter((i) => i % 4 === 0)
  const standardised = columns.map((values) => {
    let mean = 0
    for (const r of trainRows) mean += values[r] as number
    mean /= trainRows.length
    let variance = 0
    for (const r of trainRows) variance += ((values[r] as number) - mean) ** 2
    const std = Math.sqrt(variance / trainRows.length) || 1
    return values.map((v) => (v - mean) / std)
  })
  const inputs = (rows: number[]): Inputs => {
    const width = standardised.length
    const values = new Float32Array(rows.length * width)
    rows.forEach((row, i) =>
      standardised.forEach((s, j) => (values[i * width + j] = s[row] as number)),
    )
    return { values, rows: rows.length, width }
  }
  const target = findColumn(table, c.target)
  return { trainRows, train: inputs(trainRows), test: inputs(testRows), target }
}

function largestGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length)
  let gap = 0
  for (let i = 0; i < a.length; i++)
    gap = Math.max(gap, Math.abs((a[i] as number) - (b[i] as number)))
  return gap
}

describe('logistic regression matches sklearn LogisticRegression() (C=1, L2, lbfgs)', () => {
  for (const c of fixtures.cases.filter((f) => f.task !== 'regression')) {
    it(`${c.file} → ${c.target} (${c.task}, ${c.classes?.length ?? 0} classes)`, () => {
      const { trainRows, train, test, target } = matrices(c)
      const classes = c.classes ?? []
      const labels = trainRows.map((row) => classes.indexOf(cellLabel(target, row) ?? ''))
      expect(labels.every((l) => l >= 0)).toBe(true)
      const model = fitLogisticRegression(train, labels, classes.length)
      const probabilities = predictProbabilities(model, test)
      expect(probabilities.length).toBe(c.outputs.length)
      expect(largestGap(probabilities, c.outputs)).toBeLessThan(1e-4)
    })
  }
})

describe('linear regression matches sklearn LinearRegression', () => {
  for (const c of fixtures.cases.filter((f) => f.task === 'regression')) {
    it(`${c.file} → ${c.target}${c.duplicate ? ` with "${c.duplicate}" twice (singular)` : ''}`, () => {
      const { trainRows, train, test, target } = matrices(c)
      if (target.kind !== 'numeric') throw new Error('numeric target expected')
      const fit = fitLinearRegression(
        train,
        Float64Array.from(trainRows, (r) => target.values[r] as number),
      )
      expect(fit.ridge > 0).toBe(Boolean(c.duplicate))
      expect(largestGap(predictLinear(fit, test), c.outputs)).toBeLessThan(1e-4)
    })
  }
})

describe('linearBaselineOutputs on a prepared run', () => {
  it('German credit: probabilities for every test row that rank bad and good risks apart', () => {
    const { table, recipeFor } = bundledTable('GermanCredit.csv')
    const { job } = prepareTrainingJob(recipeFor('Class'), table, 'cpu')
    const outputs = linearBaselineOutputs(job.recipe, job.train, job.test)
    if (!outputs) throw new Error('expected logistic outputs')
    expect(outputs.length).toBe(job.test.y.rows)
    expect(outputs.every((p) => p > 0 && p < 1)).toBe(true)
    const auc = evaluatePredictions(job.recipe, job.test.y.values, outputs).find(
      (m) => m.key === 'auc',
    )
    expect(auc?.value).toBeGreaterThan(0.7)
  })

  it('iris: three probabilities per test row summing to 1, almost all right', () => {
    const { table, recipeFor } = bundledTable('iris.csv')
    const { job } = prepareTrainingJob(recipeFor('species'), table, 'cpu')
    const outputs = linearBaselineOutputs(job.recipe, job.train, job.test)
    if (!outputs) throw new Error('expected softmax outputs')
    expect(outputs.length).toBe(job.test.y.rows * 3)
    for (let i = 0; i < job.test.y.rows; i++)
      expect(
        (outputs[3 * i] ?? 0) + (outputs[3 * i + 1] ?? 0) + (outputs[3 * i + 2] ?? 0),
      ).toBeCloseTo(1, 9)
    const accuracy = evaluatePredictions(job.recipe, job.test.y.values, outputs)[0]
    expect(accuracy?.value).toBeGreaterThan(0.85)
  })

  it('stocks windows: a linear autoregression in dollars that beats the training mean', () => {
    const { table, recipeFor } = bundledTable('stocks.csv')
    const { job } = prepareTrainingJob(recipeFor('price'), table, 'cpu')
    const outputs = linearBaselineOutputs(job.recipe, job.train, job.test)
    if (!outputs) throw new Error('expected least-squares outputs')
    const rmse = (o: ArrayLike<number>) =>
      evaluatePredictions(job.recipe, job.test.y.values, o).find((m) => m.key === 'rmse')?.value ??
      0
    const mean = job.recipe.target.scale?.mean ?? 0
    expect(rmse(outputs)).toBeLessThan(rmse(new Float64Array(outputs.length).fill(mean)))
  })

  it('gives none for image runs, where a linear model on pixels is no fair yardstick', () => {
    const { table, recipeFor } = bundledTable('iris.csv')
    const { job } = prepareTrainingJob(recipeFor('species'), table, 'cpu')
    const images = { ...job.recipe, source: { kind: 'images' as const, name: 'x', classes: [] } }
    expect(linearBaselineOutputs(images, job.train, job.test)).toBeNull()
  })
})
