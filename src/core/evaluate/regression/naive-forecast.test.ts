import { describe, expect, it } from 'vitest'
import { prepareTrainingJob } from '../../recipe/prepare-job'
import { findColumn } from '../../table/table'
import { bundledTable } from '../../train/run-history-test-run'
import { linearBaselineOutputs } from '../baselines/linear-baseline'
import { testSetOf } from '../test-set'
import { naiveForecast } from './naive-forecast'

const DAY = 86_400_000

/** The stocks sample's proposed recipe (MSFT monthly prices, 12-month windows, 1 month ahead). */
function stocksRun() {
  const { table, recipeFor } = bundledTable('stocks.csv')
  const { job, split } = prepareTrainingJob(recipeFor('price'), table, 'cpu')
  const outputs = linearBaselineOutputs(job.recipe, job.train, job.test)
  if (!outputs) throw new Error('expected outputs')
  const testSet = testSetOf({
    recipe: job.recipe,
    testRows: split.test,
    testLabels: job.test.y.values,
    testOutputs: outputs,
  })
  return { table, recipe: job.recipe, testSet }
}

describe('naive last-value forecast for a windows run', () => {
  const { table, recipe, testSet } = stocksRun()
  const series = naiveForecast(recipe, table, testSet)
  if (!series) throw new Error('expected a forecast series')
  const { points } = series

  it('covers every test row in time order, one month per step', () => {
    expect(points.length).toBe(testSet.rows.length)
    expect(series.orderBy).toBe('date')
    for (let j = 1; j < points.length; j++) {
      const gap = (points[j]?.time ?? 0) - (points[j - 1]?.time ?? 0)
      expect(gap).toBeGreaterThanOrEqual(28 * DAY)
      expect(gap).toBeLessThanOrEqual(31 * DAY)
    }
  })

  it("the naive forecast is MSFT's price one month before, and each actual is the next month's price", () => {
    const price = findColumn(table, 'price')
    const date = findColumn(table, 'date')
    if (price.kind !== 'numeric' || date.kind !== 'numeric') throw new Error('numeric columns')
    for (let j = 0; j + 1 < points.length; j++) {
      const p = points[j]
      const next = points[j + 1]
      if (!p || !next) continue
      expect(p.naive).toBe(price.values[p.row])
      // Horizon 1: what was forecast at j is what was known one step later.
      expect(next.naive).toBeCloseTo(p.actual, 3)
      expect(p.time).toBe(date.values[next.row])
    }
  })

  it('MAE and RMSE of the naive forecast from the same points', () => {
    const mae = points.reduce((s, p) => s + Math.abs(p.actual - p.naive), 0) / points.length
    expect(series.naive.find((m) => m.key === 'mae')?.value).toBeCloseTo(mae, 9)
    expect(series.model.find((m) => m.key === 'rmse')?.value).toBeGreaterThan(0)
  })

  it('gives none for a regression without windows', () => {
    const wine = bundledTable('wine.csv')
    const { job, split } = prepareTrainingJob(wine.recipeFor('alcohol'), wine.table, 'cpu')
    const set = testSetOf({
      recipe: job.recipe,
      testRows: split.test,
      testLabels: job.test.y.values,
      testOutputs: new Float64Array(split.test.length),
    })
    expect(naiveForecast(job.recipe, wine.table, set)).toBeNull()
  })
})
