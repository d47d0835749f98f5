import * as tf from '@tensorflow/tfjs'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { outputHead } from '../model/head'
import { tableInput } from '../model/model-input'
import { prepareTrainingJob } from '../recipe/prepare-job'
import { proposeRecipe } from '../recipe/propose'
import { parseDelimitedText } from '../table/parse-delimited'
import { predictMatrix, trainModel, type Dataset, type EpochLog } from './engine'
import type { EpochMetric } from './train-config'

const runFreely = { shouldStop: () => false, waitWhilePaused: () => Promise.resolve() }

/** Trains a proposed recipe 2 epochs; returns the last epoch's log and the model's outputs after it. */
async function trained(file: string, target: string, metrics: EpochMetric[]) {
  const text = readFileSync(new URL(`../../../public/datasets/${file}`, import.meta.url), 'utf8')
  const table = parseDelimitedText(text).table
  const { job } = prepareTrainingJob(proposeRecipe(table, file, target), table, 'cpu')
  const { recipe } = job
  const config = { ...recipe.training, epochs: 2, learningRate: 0.01, metrics }
  const head = outputHead(recipe.target)
  const model = buildModel(recipe.model, tableInput(job.train.x.width), head, 11)
  compileModel(model, head, config)
  const logs: EpochLog[] = []
  await trainModel(
    model,
    job.train,
    job.validation,
    config,
    11,
    runFreely,
    (l) => logs.push(l),
    null,
    {
      task: recipe.target.task,
      targetScale: recipe.target.scale ?? null,
    },
  )
  const outputs = {
    train: await predictMatrix(model, job.train.x),
    validation: await predictMatrix(model, job.validation.x),
  }
  disposeModel(model)
  return { log: logs.at(-1) as EpochLog, outputs, job, scale: recipe.target.scale }
}

/** The class of each row: the 0/1 label or the one-hot position. */
function labels(data: Dataset): number[] {
  const { values, rows, width } = data.y
  return Array.from({ length: rows }, (_, r) => {
    if (width === 1) return values[r] as number
    const row = Array.from(values.subarray(r * width, (r + 1) * width))
    return row.indexOf(Math.max(...row))
  })
}

/** AUC by its definition: the share of (positive, negative) pairs ranked right, ties half. */
function pairwiseAuc(isPositive: boolean[], scores: ArrayLike<number>): number {
  let right = 0
  let pairs = 0
  isPositive.forEach((pos, i) => {
    if (!pos) return
    isPositive.forEach((neg, j) => {
      if (neg) return
      pairs++
      const [a, b] = [scores[i] as number, scores[j] as number]
      right += a > b ? 1 : a === b ? 0.5 : 0
    })
  })
  return right / pairs
}

/** One-vs-rest figures of class k for predicted classes `predicted`. */
function classFigures(y: number[], predicted: number[], k: number) {
  const tp = y.filter((c, i) => c === k && predicted[i] === k).length
  const predictedK = predicted.filter((c) => c === k).length
  const actualK = y.filter((c) => c === k).length
  return { precision: predictedK ? tp / predictedK : 0, recall: actualK ? tp / actualK : 0 }
}

describe('epoch metrics equal hand computations on the model’s own predictions', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu')
  })

  it('binary (German credit): accuracy, AUC, precision and recall at 0.5, training and validation', async () => {
    const { log, outputs, job } = await trained('GermanCredit.csv', 'Class', [
      'accuracy',
      'auc',
      'precision',
      'recall',
    ])
    const m = log.metrics ?? {}
    for (const [prefix, data, p] of [
      ['', job.train, outputs.train],
      ['val_', job.validation, outputs.validation],
    ] as const) {
      const y = labels(data)
      const predicted = Array.from(p, (v) => (v >= 0.5 ? 1 : 0))
      const figures = classFigures(y, predicted, 1)
      expect(m[`${prefix}accuracy`]).toBeCloseTo(
        y.filter((c, i) => c === predicted[i]).length / y.length,
        10,
      )
      expect(m[`${prefix}auc`]).toBeCloseTo(
        pairwiseAuc(
          y.map((c) => c === 1),
          p,
        ),
        10,
      )
      expect(m[`${prefix}precision`]).toBeCloseTo(figures.precision, 10)
      expect(m[`${prefix}recall`]).toBeCloseTo(figures.recall, 10)
    }
    // German credit has 700 training rows: under the sample size, so every one counts.
    expect(job.train.x.rows).toBeLessThan(2000)
    // tfjs' own running accuracy stays filled beside them.
    expect(log.accuracy).not.toBeNull()
    expect(log.valAccuracy).not.toBeNull()
  })

  it('multiclass (iris): accuracy, macro precision and recall, one-vs-rest macro AUC', async () => {
    const { log, outputs, job } = await trained('iris.csv', 'species', [
      'accuracy',
      'auc',
      'precision',
      'recall',
    ])
    const m = log.metrics ?? {}
    const y = labels(job.validation)
    const k = job.validation.y.width
    const p = outputs.validation
    const row = (r: number) => Array.from(p.subarray(r * k, (r + 1) * k))
    const predicted = y.map((_, r) => row(r).indexOf(Math.max(...row(r))))
    const perClass = [0, 1, 2].map((c) => classFigures(y, predicted, c))
    const aucs = [0, 1, 2].map((c) =>
      pairwiseAuc(
        y.map((v) => v === c),
        y.map((_, r) => row(r)[c] as number),
      ),
    )
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(k).toBe(3)
    expect(m.val_accuracy).toBeCloseTo(y.filter((c, i) => c === predicted[i]).length / y.length, 10)
    expect(m.val_precision).toBeCloseTo(mean(perClass.map((f) => f.precision)), 10)
    expect(m.val_recall).toBeCloseTo(mean(perClass.map((f) => f.recall)), 10)
    expect(m.val_auc).toBeCloseTo(mean(aucs), 10)
    expect(Object.keys(m).sort()).toEqual(
      ['accuracy', 'auc', 'precision', 'recall'].flatMap((n) => [n, `val_${n}`]).sort(),
    )
  })

  it('regression (wine alcohol): MAE and RMSE in the target’s own units', async () => {
    const { log, outputs, job, scale } = await trained('wine.csv', 'alcohol', [
      'mae',
      'rmse',
      'auc',
    ])
    expect(scale).toBeDefined()
    const { mean, std } = scale ?? { mean: 0, std: 1 }
    const errors = Array.from(
      job.validation.y.values,
      (v, i) => (v - (outputs.validation[i] as number)) * std,
    )
    const m = log.metrics ?? {}
    expect(mean).toBeGreaterThan(10)
    expect(m.val_mae).toBeCloseTo(errors.reduce((a, e) => a + Math.abs(e), 0) / errors.length, 5)
    expect(m.val_rmse).toBeCloseTo(
      Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length),
      5,
    )
    // AUC means nothing for numbers: left out, not reported as null.
    expect(Object.keys(m).sort()).toEqual(['mae', 'rmse', 'val_mae', 'val_rmse'])
  })
})
