import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildRunRecord, runSummaryOf, type RunSummary } from './run-history'
import { comparisonRows, curveChoices, curvePoints } from './run-history-compare'
import { bundledTable, trainForReal, withTraining } from './run-history-test-run'

const german = bundledTable('GermanCredit.csv')
const base = german.recipeFor('Class')
const slow = withTraining(base, { epochs: 2, learningRate: 0.001 })
const fast = withTraining(base, { epochs: 4, learningRate: 0.01 })
let runs: RunSummary[]

beforeAll(async () => {
  await tf.setBackend('cpu')
  runs = []
  for (const [i, recipe] of [slow, fast].entries()) {
    const run = await trainForReal(recipe, german.table)
    const identity = { id: `run-${i + 1}`, number: i + 1, finishedAt: 1_000 * (i + 2) }
    runs.push(runSummaryOf(buildRunRecord(run, { recipe, startedAt: 0 }, identity)))
  }
})

const row = (key: string) => {
  const found = comparisonRows(runs).find((r) => r.key === key)
  if (!found) throw new Error(`no row ${key}`)
  return found
}

describe('run comparison', () => {
  it('marks the settings the runs differ in and no others', () => {
    expect(row('learningRate')).toMatchObject({ values: [0.001, 0.01], differs: true })
    expect(row('epochs')).toMatchObject({ values: [2, 4], differs: true })
    const settings = comparisonRows(runs).filter((r) => r.group === 'settings')
    expect(settings.filter((r) => r.differs).map((r) => r.key)).toEqual(['learningRate', 'epochs'])
    expect(row('batchSize')).toMatchObject({ values: [32, 32], differs: false })
    expect(row('model').values).toEqual(['Tabular MLP', 'Tabular MLP'])
  })

  it('sets each run’s results beside the others, test metrics included', () => {
    expect(row('epochsRun').values).toEqual([2, 4])
    expect(row('stopReason').values).toEqual(['Ran every epoch', 'Ran every epoch'])
    const auc = row('test-auc')
    expect(auc.label).toBe('Test ROC AUC')
    expect(auc.values).toEqual(runs.map((r) => r.metrics.find((m) => m.key === 'auc')?.value))
    expect(row('duration').values).toEqual([2, 3])
    expect(
      comparisonRows(runs)
        .filter((r) => r.group === 'results')
        .some((r) => r.differs),
    ).toBe(false)
  })

  it('counts two different stacks as different even when both read "edited"', () => {
    const [first, second] = runs
    if (!first || !second) throw new Error('two runs')
    const layers = first.recipe.model.layers
    const narrow = { ...first.recipe, model: { ...first.recipe.model, layers: layers.slice(0, 1) } }
    const wide = { ...second.recipe, model: { ...second.recipe.model, layers: layers.slice(1) } }
    const rows = comparisonRows([
      { ...first, recipe: narrow },
      { ...second, recipe: { ...wide, training: narrow.training } },
    ])
    const model = rows.find((r) => r.key === 'model')
    expect(model?.values).toEqual(['Tabular MLP, edited', 'Tabular MLP, edited'])
    expect(model?.differs).toBe(false)
    expect(rows.find((r) => r.key === 'layers')?.differs).toBe(true)
  })

  it('offers every curve the runs recorded, validation loss first, accuracy once', () => {
    expect(curveChoices(runs)).toEqual([
      { key: 'valLoss', label: 'Validation loss' },
      { key: 'loss', label: 'Training loss' },
      { key: 'valAccuracy', label: 'Validation accuracy' },
      { key: 'accuracy', label: 'Training accuracy' },
      { key: 'learningRate', label: 'Learning rate' },
      { key: 'val_auc', label: 'Validation AUC' },
      { key: 'auc', label: 'Training AUC' },
    ])
    const [first] = runs
    if (!first) throw new Error('one run')
    expect(curvePoints(runs, 'val_auc')[1]?.[first.id]).toBe(first.epochs[1]?.metrics?.val_auc)
  })

  it('draws one value per run per epoch, the shorter run ending where it ended', () => {
    const points = curvePoints(runs, 'valLoss')
    expect(points.map((p) => p.epoch)).toEqual([1, 2, 3, 4])
    const [first, second] = runs
    if (!first || !second) throw new Error('two runs')
    expect(points[1]?.[first.id]).toBe(first.epochs[1]?.valLoss)
    expect(points[3]?.[second.id]).toBe(second.epochs[3]?.valLoss)
    expect(points[3]).not.toHaveProperty(first.id)
  })
})
