import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadModelFiles } from '../../export/model-artifacts'
import { predictRecords } from '../../export/predict-records'
import { createRng } from '../../random'
import { featureNames } from '../../recipe/transform'
import { tableRecords, type Table } from '../../table/table'
import type { FinishedRun } from '../../train/run-history'
import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'
import { testSetOf } from '../test-set'
import { explainScore } from './explain-score'
import { dependenceGrid, partialDependence } from './partial-dependence'
import { permutationImportance } from './permutation-importance'
import { tablePredictor, type Predictor } from './predictor'
import { reasonCodes } from './reason-codes'
import { takeRows, typicalValue } from './table-rows'

// German credit with one column of pure noise added: a column the target cannot depend on.
const { table: german, recipeFor } = bundledTable('GermanCredit.csv')
const random = createRng(11)
const table: Table = {
  ...german,
  columns: [
    ...german.columns,
    {
      name: 'Noise',
      kind: 'numeric',
      values: Float64Array.from({ length: german.rowCount }, random),
    },
  ],
}
let run: FinishedRun
let model: tf.LayersModel
let predict: Predictor
let rows: Table

beforeAll(async () => {
  await tf.setBackend('cpu')
  const recipe = proposeWith(recipeFor('Class'))
  run = await trainForReal(withTraining(recipe, { epochs: 8 }), table)
  model = await loadModelFiles(run.model)
  predict = tablePredictor(model, run.recipe)
  rows = takeRows(table, run.testRows)
}, 120_000)

/** The proposed recipe, with the noise column among its inputs. */
function proposeWith(recipe: ReturnType<typeof recipeFor>) {
  if (recipe.source.kind !== 'table') throw new Error('a table recipe')
  const columns = [...recipe.source.columns, { name: 'Noise', kind: 'numeric' as const }]
  return { ...recipe, source: { ...recipe.source, columns } }
}

const columnsOf = (r: FinishedRun) =>
  r.recipe.source.kind === 'table'
    ? r.recipe.source.columns.map((c) => c.name).filter((c) => c !== r.recipe.target.column)
    : []

describe('permutation importance', () => {
  it('ranks a pure-noise column near zero and below the columns the model leans on', async () => {
    const set = testSetOf(run)
    const result = await permutationImportance({
      rows,
      columns: columnsOf(run),
      predict,
      score: explainScore(set, 2),
      repeats: 5,
      seed: 3,
    })
    if (!result) throw new Error('not stopped')
    const noise = result.importances.find((i) => i.column === 'Noise')
    const top = result.importances[0]
    expect(featureNames(run.recipe)).toContain('Noise')
    expect(result.baseline).toBeGreaterThan(0.6)
    expect(Math.abs(noise?.mean ?? 1)).toBeLessThan(0.02)
    expect(top?.mean).toBeGreaterThan(0.02)
    expect(top?.min).toBeLessThanOrEqual(top?.mean ?? 0)
    expect(top?.max).toBeGreaterThanOrEqual(top?.mean ?? 0)
    const noiseRank = result.importances.findIndex((i) => i.column === 'Noise')
    expect(noiseRank).toBeGreaterThan(result.importances.length / 3)
  })

  it('gives the same answer for the same seed, and stops when told to', async () => {
    const set = testSetOf(run)
    const options = {
      rows,
      columns: ['Duration', 'Amount'],
      predict,
      score: explainScore(set, 2),
      repeats: 3,
    }
    const a = await permutationImportance({ ...options, seed: 9 })
    const b = await permutationImportance({ ...options, seed: 9 })
    expect(a).toEqual(b)
    expect(await permutationImportance({ ...options, seed: 9, shouldStop: () => true })).toBeNull()
  })
})

describe('reason codes', () => {
  it("says what each column's own value adds to a row's probability, as scoring the row again shows", async () => {
    const columns = columnsOf(run)
    const typical = new Map(columns.map((c) => [c, typicalValue(table, c)]))
    const row = run.testRows[0] as number
    const { prediction, reasons } = await reasonCodes({
      table,
      row,
      columns,
      typical,
      predict,
      width: 1,
      output: 0,
    })
    const [record] = tableRecords(table, [row])
    if (!record) throw new Error('a record')
    const [own] = await predictRecords(model, run.recipe, [record])
    expect(prediction).toBeCloseTo(own ?? NaN, 6)
    expect(reasons.length).toBeGreaterThan(0)
    for (const reason of reasons.slice(0, 5)) {
      const [without] = await predictRecords(model, run.recipe, [
        { ...record, [reason.column]: reason.typical },
      ])
      expect(reason.effect).toBeCloseTo(prediction - (without ?? NaN), 6)
    }
    const sizes = reasons.map((r) => Math.abs(r.effect))
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
  })
})

describe('partial dependence', () => {
  it("averages the model's answers with the column set to each grid value", async () => {
    const grid = dependenceGrid(rows, 'Duration', 8)
    expect(grid.length).toBeGreaterThan(3)
    expect(grid).toEqual([...grid].sort((a, b) => Number(a) - Number(b)))
    const points = await partialDependence({
      rows,
      column: 'Duration',
      grid,
      predict,
      width: 1,
      output: 0,
      iceRows: 4,
    })
    if (!points) throw new Error('not stopped')
    const records = tableRecords(
      rows,
      Int32Array.from({ length: rows.rowCount }, (_, i) => i),
    )
    for (const point of [points[0], points.at(-1)]) {
      const outputs = await predictRecords(
        model,
        run.recipe,
        records.map((r) => ({ ...r, Duration: point?.value })),
      )
      const mean = outputs.reduce((a, b) => a + b, 0) / outputs.length
      expect(point?.mean).toBeCloseTo(mean, 6)
      expect(point?.ice).toHaveLength(4)
    }
  })
})
