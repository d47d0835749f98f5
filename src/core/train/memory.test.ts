import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { describe, expect, it } from 'vitest'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { tableInput } from '../model/model-input'
import { trainModel, type Dataset } from './engine'
import type { TrainConfig } from './train-config'
import { germanCreditJob, runFreely } from './train-test-kit'

const { job, head } = germanCreditJob()

function firstRows(data: Dataset, n: number): Dataset {
  const cut = (m: Dataset['x']) => ({
    values: m.values.slice(0, n * m.width),
    rows: n,
    width: m.width,
  })
  return { x: cut(data.x), y: cut(data.y) }
}

// Every per-epoch feature on at once: schedule, early stopping with best weights, all metrics,
// batch losses and checkpoints. Patience longer than the run, so all 25 epochs train.
const config: TrainConfig = {
  ...job.recipe.training,
  optimizer: 'sgd',
  momentum: 0.9,
  epochs: 25,
  batchSize: 32,
  learningRate: 0.05,
  schedule: { kind: 'plateau', factor: 0.5, patience: 2, minDelta: 0.001, minLearningRate: 1e-4 },
  earlyStopping: { patience: 30, minDelta: 0, restoreBestWeights: true },
  metrics: ['accuracy', 'auc', 'precision', 'recall'],
}

describe.each(['cpu', 'wasm'] as const)('tensor memory over 25 epochs on %s', (backend) => {
  it('stays flat from epoch to epoch and returns to the start after the run', async () => {
    expect(await tf.setBackend(backend)).toBe(true)
    const before = tf.memory().numTensors
    const perEpoch: number[] = []
    const atCheckpoint: number[] = []
    let chunks = 0
    const model = buildModel(job.recipe.model, tableInput(job.train.x.width), head, 4)
    compileModel(model, head, config)
    const result = await trainModel(
      model,
      firstRows(job.train, 128),
      job.validation,
      config,
      4,
      runFreely,
      () => perEpoch.push(tf.memory().numTensors),
      [1, 2],
      {
        onBatches: () => chunks++,
        onCheckpoint: () => {
          atCheckpoint.push(tf.memory().numTensors)
          return Promise.resolve()
        },
      },
    )
    disposeModel(model)
    expect(result.epochs).toHaveLength(25)
    // The features really ran: rates fell, metrics and batch losses came, weights were restored.
    expect(new Set(result.epochs.map((e) => e.learningRate)).size).toBeGreaterThan(1)
    expect(result.epochs.at(-1)?.metrics?.val_auc).toBeGreaterThan(0.5)
    expect(chunks).toBeGreaterThanOrEqual(25)
    expect(result.restoredEpoch).not.toBeNull()
    expect(new Set(perEpoch)).toEqual(new Set([perEpoch[0]]))
    expect(new Set(atCheckpoint)).toEqual(new Set([perEpoch[0]]))
    expect(tf.memory().numTensors).toBe(before)
  })
})
