import * as tf from '@tensorflow/tfjs'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { outputHead } from '../model/head'
import { modelSpecOf } from '../model/model-spec'
import { tableInput } from '../model/model-input'
import { prepareTrainingJob } from '../recipe/prepare-job'
import { proposeRecipe } from '../recipe/propose'
import type { Recipe } from '../recipe/recipe-schema'
import { parseDelimitedText } from '../table/parse-delimited'
import { predictMatrix, trainModel, type Dataset, type TrainControl } from './engine'
import type { TrainingJob } from './training-job'

function recipeFor(
  name: string,
  target: string,
): { recipe: Recipe; table: ReturnType<typeof load> } {
  const table = load(name)
  return { recipe: proposeRecipe(table, name, target), table }
}

function load(name: string) {
  const text = readFileSync(new URL(`../../../public/datasets/${name}`, import.meta.url), 'utf8')
  return parseDelimitedText(text).table
}

const runFreely: TrainControl = {
  shouldStop: () => false,
  waitWhilePaused: () => Promise.resolve(),
}

/** The first `n` rows of a dataset. */
function head(data: Dataset, n: number): Dataset {
  const slice = (m: Dataset['x']) => ({
    values: m.values.slice(0, n * m.width),
    rows: n,
    width: m.width,
  })
  return { x: slice(data.x), y: slice(data.y) }
}

/** Per-row cross-entropy as tfjs computes it (probabilities clipped to [1e-7, 1 − 1e-7]). */
function crossEntropy(y: ArrayLike<number>, p: ArrayLike<number>, width: number, row: number) {
  const clip = (v: number) => Math.min(Math.max(v, 1e-7), 1 - 1e-7)
  if (width === 1) {
    const [t, q] = [y[row] as number, clip(p[row] as number)]
    return -(t * Math.log(q) + (1 - t) * Math.log(1 - q))
  }
  let sum = 0
  for (let c = 0; c < width; c++) {
    sum -= (y[row * width + c] as number) * Math.log(clip(p[row * width + c] as number))
  }
  return sum
}

function classOf(y: ArrayLike<number>, width: number, row: number): number {
  if (width === 1) return y[row] as number
  let best = 0
  for (let c = 1; c < width; c++)
    if ((y[row * width + c] as number) > (y[row * width + best] as number)) best = c
  return best
}

/**
 * The loss of the first epoch, trained as one batch: tfjs reports it from the forward pass
 * before the weights move, so it must equal the loss of the untrained model's predictions.
 */
async function firstEpochLoss(job: TrainingJob, data: Dataset, weights: number[] | null) {
  const out = outputHead(job.recipe.target)
  const model = buildModel(modelSpecOf([]), tableInput(data.x.width), out, 7)
  try {
    compileModel(model, out, { ...job.recipe.training, epochs: 1 })
    const predicted = await predictMatrix(model, data.x)
    const config = { ...job.recipe.training, epochs: 1, batchSize: data.x.rows }
    const { epochs } = await trainModel(
      model,
      data,
      null,
      config,
      1,
      runFreely,
      () => undefined,
      weights,
    )
    const { values: y, width } = data.y
    let weighted = 0
    let plain = 0
    for (let row = 0; row < data.x.rows; row++) {
      const loss = crossEntropy(y, predicted, width, row)
      weighted += (weights?.[classOf(y, width, row)] ?? 1) * loss
      plain += loss
    }
    return {
      reported: epochs[0]?.loss ?? Number.NaN,
      weighted: weighted / data.x.rows,
      plain: plain / data.x.rows,
    }
  } finally {
    disposeModel(model)
  }
}

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true)
  await tf.ready()
})

describe('class weights reach the loss (tfjs classWeight)', () => {
  it('sigmoid output (one 0/1 column): the loss is the mean of weight × cross-entropy', async () => {
    const { recipe, table } = recipeFor('GermanCredit.csv', 'Class')
    const { job } = prepareTrainingJob(recipe, table, 'cpu')
    expect(job.train.y.width).toBe(1)
    const data = head(job.train, 200)
    const weights = [0.5, 4]
    const loss = await firstEpochLoss(job, data, weights)
    expect(loss.reported).toBeCloseTo(loss.weighted, 4)
    // The weights matter here: unweighted, the loss would be clearly different.
    expect(Math.abs(loss.weighted - loss.plain)).toBeGreaterThan(0.1)
    const unweighted = await firstEpochLoss(job, data, null)
    expect(unweighted.reported).toBeCloseTo(unweighted.plain, 4)
  })

  it('softmax output (one-hot columns): the weight of each row is its class column', async () => {
    const { recipe, table } = recipeFor('wine.csv', 'cultivar')
    const { job } = prepareTrainingJob(recipe, table, 'cpu')
    expect(job.train.y.width).toBe(3)
    const weights = [1, 3, 0.25]
    const loss = await firstEpochLoss(job, job.train, weights)
    expect(loss.reported).toBeCloseTo(loss.weighted, 4)
    expect(Math.abs(loss.weighted - loss.plain)).toBeGreaterThan(0.1)
  })
})

describe('balanced class weights on a real imbalanced data set (HMDA mortgage denials)', () => {
  const { recipe, table } = recipeFor('HMDA.csv', 'deny')
  const training = { ...recipe.training, epochs: 5 }

  /** Share of denied applications (the rare class, 12 %) the model flags among its training rows. */
  async function denialRecall(balance: Recipe['balance']['method']) {
    const { job } = prepareTrainingJob(
      { ...recipe, training, balance: { method: balance } },
      table,
      'cpu',
    )
    const out = outputHead(job.recipe.target)
    const model = buildModel(job.recipe.model, tableInput(job.train.x.width), out, job.recipe.seed)
    const tensorsBefore = tf.memory().numTensors
    try {
      compileModel(model, out, training)
      await trainModel(
        model,
        job.train,
        job.validation,
        training,
        job.recipe.seed,
        runFreely,
        () => undefined,
        job.classWeights ?? null,
      )
      const p = await predictMatrix(model, job.train.x)
      let denied = 0
      let caught = 0
      job.train.y.values.forEach((y, row) => {
        if (y !== 1) return
        denied++
        if ((p[row] as number) >= 0.5) caught++
      })
      return {
        recall: caught / denied,
        weights: job.classWeights,
        tensorsGrew: tf.memory().numTensors - tensorsBefore,
      }
    } finally {
      disposeModel(model)
    }
  }

  it('flags far more of the rare class with class weights than without, and leaks no tensors', async () => {
    expect(recipe.target.classes).toEqual(['no', 'yes'])
    const plain = await denialRecall('none')
    const weighted = await denialRecall('class-weights')
    expect(weighted.weights?.[1]).toBeGreaterThan(4)
    expect(weighted.recall).toBeGreaterThan(plain.recall + 0.2)
    expect(weighted.tensorsGrew).toBe(plain.tensorsGrew)
  })
})

describe('custom class weights (balance.weights)', () => {
  const { recipe, table } = recipeFor('HMDA.csv', 'deny')

  it('reach the run in target-class order instead of the fitted balanced ones', () => {
    const balanced = prepareTrainingJob(
      { ...recipe, balance: { method: 'class-weights' } },
      table,
      'cpu',
    ).job
    const custom = prepareTrainingJob(
      { ...recipe, balance: { method: 'class-weights', weights: [1, 2.5] } },
      table,
      'cpu',
    ).job
    expect(balanced.classWeights?.[1]).toBeGreaterThan(4)
    expect(custom.classWeights).toEqual([1, 2.5])
  })

  it('are refused with what to do when they do not give one weight per class', () => {
    expect(() =>
      prepareTrainingJob(
        { ...recipe, balance: { method: 'class-weights', weights: [1, 2, 3] } },
        table,
        'cpu',
      ),
    ).toThrow(
      /custom class weights give 3 numbers, but the target "deny" has 2 classes \(no, yes\): give one weight per class in that order, or clear them/,
    )
  })
})
