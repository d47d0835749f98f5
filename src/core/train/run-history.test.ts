import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { layer, stackOf } from '../model/layer-catalogue'
import { modelSpecOf } from '../model/model-spec'
import {
  buildRunRecord,
  durationLabel,
  historyRow,
  modelLabel,
  nextRunNumber,
  runSummaryOf,
  type FinishedRun,
} from './run-history'
import { bundledTable, trainForReal, withTraining } from './run-history-test-run'

const german = bundledTable('GermanCredit.csv')
const recipe = withTraining(german.recipeFor('Class'), { epochs: 3, learningRate: 0.01 })
let run: FinishedRun

beforeAll(async () => {
  await tf.setBackend('cpu')
  run = await trainForReal(recipe, german.table)
})

const identity = { id: 'r1', number: 4, finishedAt: 12_000 }

describe('run records', () => {
  it('keep the recipe as set (unfitted) beside the fitted one, and everything to restore', () => {
    const record = buildRunRecord(run, { recipe, startedAt: 2_000 }, identity)
    expect(record).toMatchObject({ id: 'r1', number: 4, startedAt: 2_000, finishedAt: 12_000 })
    expect(record.datasetName).toBe('GermanCredit.csv')
    expect(record.recipe).toBe(recipe)
    expect(record.recipe.features).toBeUndefined()
    expect(record.fittedRecipe.features?.length).toBeGreaterThan(0)
    expect(record.epochs.map((e) => e.epoch)).toEqual([1, 2, 3])
    expect(record.stopReason).toBe('completed')
    expect(record.testOutputs).toHaveLength(record.testRows.length)
    expect(record.model.weights.byteLength).toBeGreaterThan(0)
    expect(record.metrics.map((m) => m.key)).toContain('auc')
  })

  it('drop the weights and test outputs from the summary the history lists', () => {
    const summary = runSummaryOf(buildRunRecord(run, { recipe, startedAt: 0 }, identity))
    expect(Object.keys(summary)).not.toContain('model')
    expect(Object.keys(summary)).not.toContain('testOutputs')
    expect(Object.keys(summary)).not.toContain('testRows')
    expect(summary.epochs).toHaveLength(3)
  })

  it('are numbered one past the highest kept, so a deleted run in the middle leaves a gap', () => {
    expect(nextRunNumber([])).toBe(1)
    expect(nextRunNumber([{ number: 1 }, { number: 3 }])).toBe(4)
  })
})

describe('history rows', () => {
  it('show the settings and results of a classification run', () => {
    const record = buildRunRecord(run, { recipe, startedAt: 2_000 }, identity)
    const row = historyRow(runSummaryOf(record))
    const valLosses = run.epochs.map((e) => e.valLoss ?? Infinity)
    expect(row).toMatchObject({
      number: 4,
      model: 'Tabular MLP',
      layers: recipe.model.layers.length,
      optimizer: 'Adam',
      learningRate: 0.01,
      schedule: 'Constant',
      batchSize: recipe.training.batchSize,
      epochsRun: 3,
      epochsPlanned: 3,
      backend: 'cpu',
      bestValLoss: Math.min(...valLosses),
      durationMs: 10_000,
    })
    expect(row.testMetrics.map((m) => m.key)).toEqual(['auc', 'accuracy'])
    expect(row.testMetrics[0]?.value).toBe(run.metrics.find((m) => m.key === 'auc')?.value)
  })

  it('show RMSE for a number target', async () => {
    const credit = bundledTable('CreditCard.csv')
    const regression = withTraining(credit.recipeFor('income'), { epochs: 1 })
    const numbers = await trainForReal(regression, credit.table)
    const row = historyRow(
      runSummaryOf(buildRunRecord(numbers, { recipe: regression, startedAt: 0 }, identity)),
    )
    expect(row.testMetrics.map((m) => m.key)).toEqual(['rmse'])
  })

  it('name the model by its template, "edited" once its layers changed, else custom', () => {
    const fitted = run.recipe
    expect(modelLabel(recipe.model, fitted)).toBe('Tabular MLP')
    const edited = { ...recipe.model, layers: recipe.model.layers.slice(0, 1) }
    expect(modelLabel(edited, fitted)).toBe('Tabular MLP, edited')
    expect(modelLabel(modelSpecOf(stackOf([layer('dense')])), fitted)).toBe('Custom')
  })

  it('give durations in the unit a person reads', () => {
    expect(durationLabel(4_230)).toBe('4.2 s')
    expect(durationLabel(42_400)).toBe('42 s')
    expect(durationLabel(65_000)).toBe('1 min 05 s')
    expect(durationLabel(3_720_000)).toBe('1 h 02 min')
  })
})
