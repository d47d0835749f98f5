import * as tf from '@tensorflow/tfjs'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { outputHead } from '../model/head'
import { templateSpec } from '../model/templates'
import { modelInputOf } from '../recipe/model-input'
import { prepareData } from '../recipe/pipeline/prepare-data'
import { prepareTrainingJob } from '../recipe/prepare-job'
import { proposeRecipe } from '../recipe/propose'
import { inferTable } from '../table/infer-types'
import { parseDelimitedText } from '../table/parse-delimited'
import { measureTrainingSpeed, probePlan } from './probe'

describe('probePlan', () => {
  it('times whole batches only, of the shape the warm-up compiled', () => {
    // The stocks windows: 88 training rows at batch 32 would end on a batch of 24.
    expect(probePlan(88, 32)).toEqual({ batchSize: 32, warmUpRows: 32, timedRows: 64 })
    // German credit: 800 rows, eight batches of 32 timed.
    expect(probePlan(800, 32)).toEqual({ batchSize: 32, warmUpRows: 32, timedRows: 256 })
  })

  it('trains on every row when there are fewer than one batch', () => {
    expect(probePlan(10, 32)).toEqual({ batchSize: 10, warmUpRows: 10, timedRows: 10 })
  })
})

describe('measureTrainingSpeed on the LSTM forecaster', () => {
  it('measures the stocks windows (88 rows, not a multiple of the batch) without leaving tensors behind', async () => {
    const text = readFileSync(
      new URL('../../../public/datasets/stocks.csv', import.meta.url),
      'utf8',
    )
    const { table, types } = inferTable(parseDelimitedText(text).table)
    const proposed = proposeRecipe(table, 'stocks.csv', 'price', 42, types)
    const prepared = prepareData(proposed, table)
    if (prepared.error) throw new Error(prepared.error.message)
    const input = modelInputOf(prepared.recipe)
    const model = templateSpec('lstm-forecaster', input, proposed.model)
    const { job } = prepareTrainingJob({ ...proposed, model }, table, 'cpu')
    expect(job.train.x.rows % job.recipe.training.batchSize).not.toBe(0)
    await tf.setBackend('cpu')
    const before = tf.memory().numTensors
    const speed = await measureTrainingSpeed(
      job.recipe.model,
      outputHead(job.recipe.target, job.recipe.model),
      job.recipe.training,
      job.train,
      job.recipe.seed,
      input,
    )
    expect(Number.isFinite(speed)).toBe(true)
    expect(speed).toBeGreaterThan(0)
    expect(tf.memory().numTensors).toBe(before)
  })
})
