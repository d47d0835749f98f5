import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { FinishedRun } from '../../train/run-history'
import type { Table } from '../../table/table'
import { templateSpec } from '../../model/templates'
import { modelInputOf } from '../../recipe/model-input'
import { prepareData } from '../../recipe/pipeline/prepare-data'
import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'
import { germanCreditRun } from './german-credit-run'
import { checkQuantizations, type QuantizationCheck } from './quantization-check'

let run: FinishedRun
let checks: QuantizationCheck[]

beforeAll(async () => {
  await tf.setBackend('cpu')
  let table: Table
  ;({ run, table } = await germanCreditRun(3))
  checks = await checkQuantizations({ ...run, table })
})

const value = (check: QuantizationCheck | undefined, key: string) =>
  check?.metrics.find((m) => m.key === key)?.value ?? Number.NaN

describe('checkQuantizations on German credit test rows', () => {
  it("scores float32 exactly as the run's Test metrics did", () => {
    const [float32] = checks
    expect(float32?.quantization).toBe('float32')
    expect(float32?.largestChange).toBe(0)
    for (const metric of run.metrics)
      expect(value(float32, metric.key)).toBeCloseTo(metric.value, 6)
  })

  it('gives each storage its size and the same metric keys', () => {
    expect(checks.map((c) => c.quantization)).toEqual(['float32', 'float16', 'uint8'])
    const bytes = run.model.weights.byteLength
    expect(checks.map((c) => c.weightsBytes)).toEqual([bytes, bytes / 2, bytes / 4])
    for (const check of checks)
      expect(check.metrics.map((m) => m.key)).toEqual(run.metrics.map((m) => m.key))
  })

  it('float16 barely moves the outputs; uint8 moves them more, within a few hundredths', () => {
    const [, float16, uint8] = checks
    expect(float16?.largestChange).toBeGreaterThan(0)
    expect(float16?.largestChange).toBeLessThan(0.005)
    expect(uint8?.largestChange).toBeGreaterThan(float16?.largestChange ?? 0)
    expect(uint8?.largestChange).toBeLessThan(0.05)
    expect(Math.abs(value(float16, 'auc') - value(checks[0], 'auc'))).toBeLessThan(0.005)
  })
})

describe('checkQuantizations on a time-series forecaster', () => {
  it('scores the stock windows as training did, so float32 equals the Test metrics', async () => {
    // One symbol kept by a filter, 12-day windows: the predict path would read history across
    // the filtered-out rows; the check must not.
    const { table, recipeFor } = bundledTable('stocks.csv')
    const proposed = recipeFor('price')
    expect(proposed.steps.map((s) => s.op)).toEqual(
      expect.arrayContaining(['filter-rows', 'windows']),
    )
    const input = modelInputOf(prepareData(proposed, table).recipe)
    const recipe = withTraining(
      { ...proposed, model: templateSpec('lstm-forecaster', input, proposed.model) },
      { epochs: 2 },
    )
    const forecaster = await trainForReal(recipe, table)
    const [float32, float16] = await checkQuantizations({ ...forecaster, table })
    for (const metric of forecaster.metrics)
      expect(value(float32, metric.key), metric.key).toBeCloseTo(metric.value, 6)
    expect(float16?.largestChange).toBeGreaterThan(0)
  })
})
