import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { layer, stackOf } from '../model/layer-catalogue'
import { tableInput } from '../model/model-input'
import { modelSpecOf } from '../model/model-spec'
import { captureCheckpoint, restoreCheckpoint, type Checkpoint } from './checkpoint'
import type { TrainState } from './engine'
import type { TrainConfig } from './train-config'
import { germanCreditJob } from './train-test-kit'

const { job, head } = germanCreditJob()
const input = tableInput(job.train.x.width)
const spec = modelSpecOf(stackOf([layer('dense', { units: 16 }), layer('dense', { units: 8 })]))
const SEED = 7

const state: TrainState = {
  epoch: 2,
  epochs: [],
  learningRate: 0.01,
  plateau: { best: Infinity, wait: 0 },
  early: { best: Infinity, bestEpoch: 0, wait: 0 },
}

function fresh(config: TrainConfig): tf.LayersModel {
  const model = buildModel(spec, input, head, SEED)
  compileModel(model, head, config)
  return model
}

/** One epoch over the rows in a fixed order; returns its loss. */
async function epoch(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<number> {
  const history = await model.fit(x, y, { epochs: 1, batchSize: 64, shuffle: false })
  return Number(history.history.loss?.[0])
}

async function weightsOf(model: tf.LayersModel): Promise<Float32Array> {
  const parts = await Promise.all(model.getWeights().map((w) => w.data()))
  return Float32Array.from(parts.flatMap((p) => Array.from(p)))
}

function largestDifference(a: Float32Array, b: Float32Array): number {
  expect(a).toHaveLength(b.length)
  return a.reduce((most, v, i) => Math.max(most, Math.abs(v - (b[i] ?? Number.NaN))), 0)
}

const CONFIGS: [string, TrainConfig][] = [
  ['adam', { optimizer: 'adam', learningRate: 0.01, batchSize: 64, epochs: 3 }],
  ['sgd', { optimizer: 'sgd', momentum: 0, learningRate: 0.05, batchSize: 64, epochs: 3 }],
  ['sgd + momentum', { optimizer: 'sgd', learningRate: 0.05, batchSize: 64, epochs: 3 }],
  [
    'sgd + nesterov',
    { optimizer: 'sgd', nesterov: true, learningRate: 0.05, batchSize: 64, epochs: 3 },
  ],
  ['rmsprop', { optimizer: 'rmsprop', learningRate: 0.01, batchSize: 64, epochs: 3 }],
  ['adagrad', { optimizer: 'adagrad', learningRate: 0.05, batchSize: 64, epochs: 3 }],
  ['adadelta', { optimizer: 'adadelta', learningRate: 1, batchSize: 64, epochs: 3 }],
  ['adamax', { optimizer: 'adamax', learningRate: 0.01, batchSize: 64, epochs: 3 }],
]

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe('a checkpoint taken after two epochs', () => {
  it.each(CONFIGS)(
    'with %s, restored into a new model, trains epoch 3 exactly as an unbroken run',
    async (_, config) => {
      const x = tf.tensor2d(job.train.x.values, [job.train.x.rows, job.train.x.width])
      const y = tf.tensor2d(job.train.y.values, [job.train.y.rows, job.train.y.width])
      const before = tf.memory().numTensors

      const straight = fresh(config)
      const losses = [
        await epoch(straight, x, y),
        await epoch(straight, x, y),
        await epoch(straight, x, y),
      ]
      const expected = await weightsOf(straight)
      disposeModel(straight)

      const first = fresh(config)
      await epoch(first, x, y)
      await epoch(first, x, y)
      const checkpoint = await captureCheckpoint(first, 'run-1', 'cpu', state, null)
      disposeModel(first)
      // Only plain data crosses: what IndexedDB stores and another backend reads.
      const copy = structuredClone(checkpoint)

      const second = fresh(config)
      expect(await restoreCheckpoint(second, copy)).toBeNull()
      const resumed = await epoch(second, x, y)
      const got = await weightsOf(second)
      disposeModel(second)

      // The optimiser carried its state: a fresh optimiser would take a different third step.
      expect(copy.optimizer.length).toBeGreaterThan(0)
      expect(resumed).toBeCloseTo(losses[2] ?? Number.NaN, 6)
      expect(largestDifference(got, expected)).toBeLessThan(1e-6)
      expect(Math.abs(resumed - (losses[1] ?? Number.NaN))).toBeGreaterThan(1e-6)
      expect(tf.memory().numTensors).toBe(before)
      tf.dispose([x, y])
    },
  )

  it('keeps early stopping’s best weights and hands them back as tensors', async () => {
    const config: TrainConfig = { optimizer: 'adam', learningRate: 0.01, batchSize: 64, epochs: 1 }
    const model = fresh(config)
    const best = model.getWeights().map((w) => tf.mul(w, 2))
    const before = tf.memory().numTensors
    const checkpoint: Checkpoint = await captureCheckpoint(model, 'run-2', 'cpu', state, best)
    expect(checkpoint.bestWeights?.map((w) => w.shape)).toEqual(best.map((w) => w.shape))
    expect(checkpoint.state).toEqual(state)
    const other = fresh(config)
    const restored = await restoreCheckpoint(other, checkpoint)
    if (!restored) throw new Error('expected best weights')
    expect(await restored[0]?.data()).toEqual(await best[0]?.data())
    tf.dispose(restored)
    disposeModel(other)
    expect(tf.memory().numTensors).toBe(before)
    tf.dispose(best)
    disposeModel(model)
  })

  it('refuses a checkpoint of a different network, saying to start again', async () => {
    const config: TrainConfig = { optimizer: 'adam', learningRate: 0.01, batchSize: 64, epochs: 1 }
    const model = fresh(config)
    const checkpoint = await captureCheckpoint(model, 'run-3', 'cpu', state, null)
    disposeModel(model)
    const smaller = buildModel(modelSpecOf(stackOf([layer('dense')])), input, head, SEED)
    compileModel(smaller, head, config)
    await expect(restoreCheckpoint(smaller, checkpoint)).rejects.toThrow(
      /holds 6 weight tensors but the model has 4.*Start training again/,
    )
    disposeModel(smaller)
  })
})
