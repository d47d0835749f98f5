import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { outputHead } from '../model/head'
import { tableInput } from '../model/model-input'
import { modelSpecOf } from '../model/model-spec'
import { createRng } from '../random'
import { setLearningRate } from './optimizer'
import { OPTIMIZERS, trainConfigSchema, type TrainConfig } from './train-config'

const head = outputHead({ column: 'y', task: 'regression' })

/** 256 rows of y = 2·a − b + noise: a linear regression every optimiser should learn. */
function data(): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const rng = createRng(7)
  const x = Float32Array.from({ length: 512 }, () => rng() * 2 - 1)
  const y = Float32Array.from({ length: 256 }, (_, i) => {
    const a = x[2 * i] as number
    const b = x[2 * i + 1] as number
    return 2 * a - b + (rng() - 0.5) * 0.05
  })
  return { x: tf.tensor2d(x, [256, 2]), y: tf.tensor2d(y, [256, 1]) }
}

/** Losses per epoch of a linear model trained with `config`, and its final weights. */
async function train(config: TrainConfig, epochs: number) {
  const { x, y } = data()
  const model = buildModel(modelSpecOf([]), tableInput(2), head, 3)
  compileModel(model, head, config)
  try {
    const history = await model.fit(x, y, { epochs, batchSize: 32, shuffle: false })
    const weights = await Promise.all(
      model.getWeights().map(async (w) => Array.from(await w.data())),
    )
    return { losses: history.history.loss as number[], weights }
  } finally {
    tf.dispose([x, y])
    disposeModel(model)
  }
}

const config = (optimizer: TrainConfig['optimizer'], learningRate: number): TrainConfig => ({
  optimizer,
  learningRate,
  batchSize: 32,
  epochs: 1,
})

// Rates each optimiser is commonly run at (Adadelta's updates are tiny by design: Keras uses 1).
const RATES = { adam: 0.05, sgd: 0.05, rmsprop: 0.05, adagrad: 0.3, adadelta: 1, adamax: 0.05 }

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe('createOptimizer through compileModel', () => {
  it.each(OPTIMIZERS)('%s learns a linear rule and frees its state', async (name) => {
    const before = tf.memory().numTensors
    const { losses } = await train(config(name, RATES[name]), 20)
    expect(tf.memory().numTensors).toBe(before)
    expect(losses.every(Number.isFinite)).toBe(true)
    // The loss falls to under a quarter of where it started.
    expect(losses.at(-1)).toBeLessThan((losses[0] ?? 0) * 0.25)
  })

  it('each name gives its own update rule', async () => {
    const runs = await Promise.all(
      OPTIMIZERS.map(async (name) => JSON.stringify((await train(config(name, 0.05), 1)).weights)),
    )
    expect(new Set(runs).size).toBe(OPTIMIZERS.length)
  })

  it('SGD with Nesterov momentum takes other steps than plain momentum, and 0 is plain SGD', async () => {
    const sgd = (momentum: number, nesterov: boolean) =>
      train({ ...config('sgd', 0.05), momentum, nesterov }, 2)
    const [plain, ahead, none] = await Promise.all([sgd(0.9, false), sgd(0.9, true), sgd(0, false)])
    expect(ahead.weights).not.toEqual(plain.weights)
    expect(none.weights).not.toEqual(plain.weights)
  })

  it('reads recipes saved before the optimiser could be chosen, and refuses unknown ones', () => {
    expect(
      trainConfigSchema.parse({ optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 3 }),
    ).toEqual({ optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 3 })
    expect(() => trainConfigSchema.parse({ ...config('adam', 0.1), optimizer: 'lbfgs' })).toThrow()
    expect(() => trainConfigSchema.parse({ ...config('sgd', 0.1), momentum: 1 })).toThrow()
  })
})

describe('setLearningRate', () => {
  /** How far the first full-batch step moves each weight, at the compiled rate or `rate`. */
  async function firstStep(name: TrainConfig['optimizer'], rate: number | null): Promise<number[]> {
    const { x, y } = data()
    const model = buildModel(modelSpecOf([]), tableInput(2), head, 3)
    compileModel(model, head, { ...config(name, 0.1), momentum: 0.9 })
    try {
      const before = await Promise.all(model.getWeights().map((w) => w.data()))
      if (rate !== null) setLearningRate(model.optimizer, rate)
      await model.fit(x, y, { epochs: 1, batchSize: 256, shuffle: false })
      const after = await Promise.all(model.getWeights().map((w) => w.data()))
      return after.flatMap((a, i) => Array.from(a, (v, j) => v - (before[i]?.[j] ?? 0)))
    } finally {
      tf.dispose([x, y])
      disposeModel(model)
    }
  }

  // Every optimiser's first step is linear in the rate, so half the rate must move each weight
  // exactly half as far: proof the optimiser reads the new rate, whichever way it stores it.
  it.each(OPTIMIZERS)('%s steps with the new rate and keeps no extra tensor', async (name) => {
    const tensors = tf.memory().numTensors
    const full = await firstStep(name, null)
    const half = await firstStep(name, 0.05)
    expect(full.some((d) => Math.abs(d) > 1e-4)).toBe(true)
    half.forEach((d, i) => expect(d).toBeCloseTo((full[i] as number) / 2, 6))
    expect(tf.memory().numTensors).toBe(tensors)
  })
})
