import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { layer, stackOf } from '../model/layer-catalogue'
import type { Recipe } from '../recipe/recipe-schema'
import { tableRecords } from '../table/table'
import { bundledTable, trainForReal, withTraining } from '../train/run-history-test-run'
import type { FinishedRun } from '../train/run-history'
import { loadModelFiles } from './model-artifacts'
import { predictRecords } from './predict-records'

const stocks = bundledTable('stocks.csv')

/**
 * The studio's own proposal for the stock prices: it keeps one symbol (MSFT) with a filter,
 * then builds windows of the price ordered by date.
 */
function oneSymbolRecipe(): Recipe {
  const proposed = stocks.recipeFor('price')
  const ops = proposed.steps.map((s) => s.op)
  expect(ops.indexOf('filter-rows')).toBeLessThan(ops.indexOf('windows'))
  const layers = stackOf([layer('lstm', { units: 8 })])
  return withTraining(
    { ...proposed, model: { ...proposed.model, proposed: false, layers } },
    { epochs: 3 },
  )
}

describe('predicting raw rows of a time series filtered to one series', () => {
  let run: FinishedRun
  beforeAll(async () => {
    await tf.setBackend('cpu')
    run = await trainForReal(oneSymbolRecipe(), stocks.table)
  })

  it('builds each window from the kept series only, as training did: the test predictions match', async () => {
    const model = await loadModelFiles(run.model)
    const all = Int32Array.from({ length: stocks.table.rowCount }, (_, i) => i)
    const outputs = await predictRecords(model, run.recipe, tableRecords(stocks.table, all))
    model.dispose()
    expect(run.testRows.length).toBeGreaterThan(5)
    run.testRows.forEach((row, i) => {
      expect(outputs[row], `row ${row}`).toBeCloseTo(run.testOutputs[i] ?? Number.NaN, 5)
    })
    // Rows of the other symbols are outside the filter: no history of theirs, no prediction.
    const symbol = stocks.table.columns.find((c) => c.name === 'symbol')
    if (symbol?.kind !== 'categorical') throw new Error('no symbol column')
    const kept = symbol.categories.indexOf('MSFT')
    all.forEach((row) => {
      if (symbol.codes[row] !== kept) expect(outputs[row], `row ${row}`).toBeNaN()
    })
  })
})
