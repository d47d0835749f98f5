import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { outputHead, type OutputHead } from '../model/head'
import { layer, stackOf } from '../model/layer-catalogue'
import { tableInput, type ModelInput } from '../model/model-input'
import { modelSpecOf } from '../model/model-spec'
import { prepareTrainingJob } from '../recipe/prepare-job'
import { proposeRecipe } from '../recipe/propose'
import type { Recipe } from '../recipe/recipe-schema'
import { parseDelimitedText } from '../table/parse-delimited'
import {
  predictMatrix,
  trainModel,
  TrainingDivergedError,
  type Dataset,
  type EpochLog,
  type Matrix,
  type TrainControl,
  type TrainState,
} from './engine'
import type { TrainConfig } from './train-config'
import { measureTrainingSpeed } from './probe'
import { runFreely } from './train-test-kit'

const EPOCHS = 3

const german = parseDelimitedText(
  readFileSync(new URL('../../../public/datasets/GermanCredit.csv', import.meta.url), 'utf8'),
).table
const proposed = proposeRecipe(german, 'GermanCredit.csv', 'Class')
const recipe: Recipe = { ...proposed, training: { ...proposed.training, epochs: EPOCHS } }
const { job } = prepareTrainingJob(recipe, german, 'cpu')
const head = outputHead(job.recipe.target)

interface Run {
  readonly logs: EpochLog[]
  readonly tensorsPerEpoch: number[]
  readonly stoppedEarly: boolean
  readonly testOutputs: Float32Array
  readonly tensorsBefore: number
  readonly tensorsAfter: number
}

interface Data {
  readonly train: Dataset
  readonly validation: Dataset | null
  readonly test: Matrix
  readonly head: OutputHead
}

const germanData: Data = { train: job.train, validation: job.validation, test: job.test.x, head }

/** A whole cycle as the app runs it: build, compile, train, predict the test rows, dispose. */
async function cycle(options: {
  seed: number
  control?: TrainControl
  onEpoch?: (log: EpochLog) => void
  data?: Data
}): Promise<Run> {
  const { seed, control = runFreely, onEpoch = () => undefined, data = germanData } = options
  const config = job.recipe.training
  const tensorsBefore = tf.memory().numTensors
  const tensorsPerEpoch: number[] = []
  const model = buildModel(job.recipe.model, tableInput(data.train.x.width), data.head, seed)
  try {
    compileModel(model, data.head, config)
    const result = await trainModel(
      model,
      data.train,
      data.validation,
      config,
      seed,
      control,
      (log) => {
        tensorsPerEpoch.push(tf.memory().numTensors)
        onEpoch(log)
      },
    )
    const testOutputs = await predictMatrix(model, data.test)
    disposeModel(model)
    return {
      logs: result.epochs,
      tensorsPerEpoch,
      stoppedEarly: result.stoppedEarly,
      testOutputs,
      tensorsBefore,
      tensorsAfter: tf.memory().numTensors,
    }
  } catch (error) {
    disposeModel(model)
    throw error
  }
}

/** A small regression data set, built by hand so a test can put in values recipes never produce. */
function regressionData(target: (i: number) => number, input: (i: number) => number): Data {
  const rows = 64
  const width = 3
  const x = { values: Float32Array.from({ length: rows * width }, (_, i) => input(i)), rows, width }
  return {
    train: {
      x,
      y: { values: Float32Array.from({ length: rows }, (_, i) => target(i)), rows, width: 1 },
    },
    validation: null,
    test: x,
    head: outputHead({ column: 'y', task: 'regression' }),
  }
}

async function divergence(data: Data): Promise<{ error: unknown; leaked: number }> {
  const before = tf.memory().numTensors
  let error: unknown = null
  try {
    await cycle({ seed: 7, data })
  } catch (e) {
    error = e
  }
  return { error, leaked: tf.memory().numTensors - before }
}

describe.each(['cpu', 'wasm'] as const)('trainModel on the %s backend', (backend) => {
  let first: Run

  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true)
    await tf.ready()
    first = await cycle({ seed: job.recipe.seed })
  })

  it('runs on the backend asked for', () => {
    expect(tf.getBackend()).toBe(backend)
  })

  it('lowers the training loss from the first epoch to the last', () => {
    expect(first.logs.map((l) => l.epoch)).toEqual([1, 2, 3])
    const losses = first.logs.map((l) => l.loss)
    expect(losses.every(Number.isFinite)).toBe(true)
    expect(losses.at(-1)).toBeLessThan(losses[0] ?? 0)
  })

  it('reports accuracy and validation figures for a classifier', () => {
    for (const log of first.logs) {
      expect(log.accuracy).toBeGreaterThan(0.5)
      expect(log.accuracy).toBeLessThanOrEqual(1)
      expect(log.valLoss).not.toBeNull()
      expect(log.valAccuracy).not.toBeNull()
      expect(log.samplesPerSecond).toBeGreaterThan(0)
      // Without a task given, the loss says binary: accuracy and AUC on both row sets.
      expect(Object.keys(log.metrics ?? {}).sort()).toEqual([
        'accuracy',
        'auc',
        'val_accuracy',
        'val_auc',
      ])
      expect(log.learningRate).toBe(job.recipe.training.learningRate)
      expect(log.backend).toBe(backend)
    }
  })

  it('gives identical epoch losses and predictions for the same seed', async () => {
    const again = await cycle({ seed: job.recipe.seed })
    expect(again.logs.map((l) => l.loss)).toEqual(first.logs.map((l) => l.loss))
    expect(again.logs.map((l) => l.valLoss)).toEqual(first.logs.map((l) => l.valLoss))
    expect(Array.from(again.testOutputs)).toEqual(Array.from(first.testOutputs))
  })

  it('gives a different curve for another seed', async () => {
    const other = await cycle({ seed: job.recipe.seed + 1 })
    expect(other.logs.map((l) => l.loss)).not.toEqual(first.logs.map((l) => l.loss))
  })

  it('holds the tensor count flat across epochs and releases everything after the cycle', () => {
    expect(new Set(first.tensorsPerEpoch).size).toBe(1)
    expect(first.tensorsAfter).toBe(first.tensorsBefore)
  })

  it('predicts a probability for every test row', () => {
    expect(first.testOutputs).toHaveLength(job.test.x.rows)
    expect(Array.from(first.testOutputs).every((p) => p > 0 && p < 1)).toBe(true)
  })

  it('stops after the epoch in which the caller asked it to', async () => {
    let epochs = 0
    const control: TrainControl = {
      shouldStop: () => epochs >= 2,
      waitWhilePaused: () => Promise.resolve(),
    }
    const before = tf.memory().numTensors
    const model = buildModel(job.recipe.model, tableInput(job.train.x.width), head, 1)
    compileModel(model, head, job.recipe.training)
    const result = await trainModel(model, job.train, null, job.recipe.training, 1, control, () => {
      epochs++
    })
    disposeModel(model)
    expect(result.stoppedEarly).toBe(true)
    expect(result.epochs.map((l) => l.epoch)).toEqual([1, 2])
    expect(tf.memory().numTensors).toBe(before)
  })

  it('waits while paused and carries on when resumed', async () => {
    let epochsDone = 0
    let pausedAfter: number | null = null
    let resume: () => void = () => undefined
    const control: TrainControl = {
      shouldStop: () => false,
      waitWhilePaused: () => {
        if (epochsDone !== 1 || pausedAfter !== null) return Promise.resolve()
        pausedAfter = epochsDone
        return new Promise<void>((resolve) => (resume = resolve))
      },
    }
    const training = cycle({ seed: job.recipe.seed, control, onEpoch: () => epochsDone++ })
    await expect.poll(() => pausedAfter, { timeout: 30_000 }).toBe(1)
    // Long enough for several epochs: had the pause not held, more epochs would be done by now.
    const epochMs = first.logs[0]?.elapsedMs ?? 100
    await new Promise((resolve) => setTimeout(resolve, Math.max(150, 2 * epochMs)))
    expect(epochsDone).toBe(1)
    resume()
    const result = await training
    expect(epochsDone).toBe(EPOCHS)
    expect(result.stoppedEarly).toBe(false)
    // Pausing changes nothing about the run itself.
    expect(result.logs.map((l) => l.loss)).toEqual(first.logs.map((l) => l.loss))
    expect(result.tensorsAfter).toBe(result.tensorsBefore)
  })

  it('stops with advice to lower the learning rate when the loss overflows', async () => {
    // An unscaled target of 1e30 squares past the float32 range: the loss is Infinity.
    const { error, leaked } = await divergence(
      regressionData(
        (i) => 1e30 * (1 + (i % 3)),
        (i) => (i % 7) / 7,
      ),
    )
    expect(error).toBeInstanceOf(TrainingDivergedError)
    const message = (error as Error).message
    expect(message).toMatch(/The loss became Infinity in epoch 1/)
    expect(message).toMatch(/Lower the learning rate \(try 0\.0001\)/)
    expect(leaked).toBe(0)
  })

  it('stops the same way when the inputs contain NaN', async () => {
    const { error, leaked } = await divergence(
      regressionData(
        (i) => i % 5,
        (i) => (i === 10 ? Number.NaN : (i % 7) / 7),
      ),
    )
    expect(error).toBeInstanceOf(TrainingDivergedError)
    expect((error as Error).message).toMatch(
      /became NaN in epoch 1.*check that the inputs are scaled/,
    )
    expect(leaked).toBe(0)
  })
})

describe('measureTrainingSpeed', () => {
  it('measures samples per second on the real model without leaving tensors behind', async () => {
    await tf.setBackend('cpu')
    const before = tf.memory().numTensors
    const speed = await measureTrainingSpeed(
      job.recipe.model,
      head,
      job.recipe.training,
      job.train,
      job.recipe.seed,
    )
    expect(speed).toBeGreaterThan(0)
    expect(Number.isFinite(speed)).toBe(true)
    expect(tf.memory().numTensors).toBe(before)
  })
})

describe('flat rows entering a model that reads sequences', () => {
  const sequence: ModelInput = {
    kind: 'sequence',
    shape: [6, 2],
    description: '6 steps × 2 series',
  }
  const spec = modelSpecOf(stackOf([layer('conv1d', { filters: 3 }), layer('lstm', { units: 4 })]))
  const rows = 20
  /** Each row's 12 values are 6 steps of 2 series; the target is whether the first series rises. */
  const data: Dataset = {
    x: {
      values: Float32Array.from({ length: rows * 12 }, (_, i) => ((i * 7) % 11) / 11),
      rows,
      width: 12,
    },
    y: {
      values: Float32Array.from({ length: rows }, (_, r) => r % 2),
      rows,
      width: 1,
    },
  }
  const config = { ...job.recipe.training, epochs: 2, batchSize: 5 }

  beforeAll(async () => {
    await tf.setBackend('cpu')
  })

  it('are shaped [rows, steps, series], trained on and predicted from, leaving no tensor', async () => {
    const before = tf.memory().numTensors
    const model = buildModel(spec, sequence, head, 3)
    compileModel(model, head, config)
    const result = await trainModel(model, data, data, config, 3, runFreely, () => undefined)
    const predictions = await predictMatrix(model, data.x)
    disposeModel(model)
    expect(result.epochs.map((e) => Number.isFinite(e.loss))).toEqual([true, true])
    expect(predictions).toHaveLength(rows)
    expect(tf.memory().numTensors).toBe(before)
  })

  it('are refused with advice when their width does not fill the input shape', async () => {
    const before = tf.memory().numTensors
    const model = buildModel(spec, sequence, head, 3)
    compileModel(model, head, config)
    const narrow: Dataset = { x: { ...data.x, width: 10 }, y: data.y }
    await expect(
      trainModel(model, narrow, null, config, 3, runFreely, () => undefined),
    ).rejects.toThrow(
      /reads 12 values per row \(shape 6 × 2\) but the data has 10: .*build it again/,
    )
    disposeModel(model)
    expect(tf.memory().numTensors).toBe(before)
  })

  // A Conv1D cannot be built on a flat table: the probe must build for the input it is given.
  it('are timed by the speed probe on the model of that shape', async () => {
    const before = tf.memory().numTensors
    const speed = await measureTrainingSpeed(spec, head, config, data, 3, sequence)
    expect(speed).toBeGreaterThan(0)
    expect(tf.memory().numTensors).toBe(before)
  })
})

describe('a run resumed from a checkpoint', () => {
  // No dropout here: a fresh model's dropout layers start their mask stream from batch 0 (see the
  // engine's resume notes).
  const spec = modelSpecOf(stackOf([layer('dense', { units: 32 }), layer('dense', { units: 16 })]))
  const config = {
    ...job.recipe.training,
    epochs: 4,
    batchSize: 64,
    learningRate: 0.01,
    schedule: { kind: 'plateau', factor: 0.5, patience: 1, minDelta: 0.5, minLearningRate: 0 },
    earlyStopping: { patience: 10, minDelta: 0, restoreBestWeights: true },
  } satisfies TrainConfig

  beforeAll(async () => {
    await tf.setBackend('cpu')
  })

  interface Saved {
    readonly state: TrainState
    readonly weights: tf.Tensor[]
    readonly optimizer: { name: string; tensor: tf.Tensor }[]
    readonly best: tf.Tensor[] | null
  }
  const disposeSaved = (c: Saved) =>
    tf.dispose([...c.weights, ...c.optimizer.map((w) => w.tensor), ...(c.best ?? [])])

  function fresh(): tf.LayersModel {
    const model = buildModel(spec, tableInput(job.train.x.width), head, 9)
    compileModel(model, head, config)
    return model
  }

  it('trains epochs 3–4 exactly as the run that was never interrupted', async () => {
    const tensors = tf.memory().numTensors
    const straight = fresh()
    const whole = await trainModel(
      straight,
      job.train,
      job.validation,
      config,
      9,
      runFreely,
      () => undefined,
    )
    disposeModel(straight)

    // Two epochs, then what a checkpoint keeps: weights, optimiser slots, state, best weights.
    const first = fresh()
    const saved: Saved[] = []
    const second = { ...config, epochs: 2 }
    await trainModel(
      first,
      job.train,
      job.validation,
      second,
      9,
      runFreely,
      () => undefined,
      null,
      {
        onCheckpoint: async (model, state, best) => {
          const optimizer = await model.optimizer.getWeights()
          saved.push({
            state,
            weights: model.getWeights().map((w) => w.clone()),
            // The first entry is the iteration count, a new scalar; the rest are the slots.
            optimizer: optimizer.map((w, i) => ({
              ...w,
              tensor: i === 0 ? w.tensor : w.tensor.clone(),
            })),
            best: best?.map((w) => w.clone()) ?? null,
          })
        },
      },
    )
    disposeModel(first)
    const checkpoint = saved.pop()
    if (!checkpoint) throw new Error('no checkpoint')
    saved.forEach(disposeSaved)

    const resumed = fresh()
    resumed.setWeights(checkpoint.weights)
    await resumed.optimizer.setWeights(checkpoint.optimizer)
    tf.dispose([...checkpoint.weights, ...checkpoint.optimizer.map((w) => w.tensor)])
    const epochsSeen: number[] = []
    const rest = await trainModel(
      resumed,
      job.train,
      job.validation,
      config,
      9,
      runFreely,
      (l) => epochsSeen.push(l.epoch),
      null,
      {
        resume: { state: checkpoint.state, bestWeights: checkpoint.best },
      },
    )
    disposeModel(resumed)

    expect(checkpoint.state.epoch).toBe(2)
    expect(epochsSeen).toEqual([3, 4])
    expect(rest.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4])
    // The plateau schedule halved the rate along the way: the state carried it over.
    expect(whole.epochs.map((e) => e.learningRate)).toEqual(rest.epochs.map((e) => e.learningRate))
    expect(new Set(whole.epochs.map((e) => e.learningRate)).size).toBeGreaterThan(1)
    for (const key of ['loss', 'valLoss'] as const) {
      rest.epochs
        .slice(2)
        .forEach((e, i) => expect(e[key]).toBeCloseTo(whole.epochs[i + 2]?.[key] ?? Number.NaN, 6))
    }
    expect(rest.restoredEpoch).toBe(whole.restoredEpoch)
    expect(tf.memory().numTensors).toBe(tensors)
  })
})
