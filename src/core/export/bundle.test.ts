import * as tf from '@tensorflow/tfjs'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { prepareTrainingJob, type PreparedJob } from '../recipe/prepare-job'
import { proposeRecipe } from '../recipe/propose'
import type { Recipe } from '../recipe/recipe-schema'
import { decodeOutputs } from '../recipe/transform'
import { parseDelimitedText } from '../table/parse-delimited'
import { tableRecords, type Table } from '../table/table'
import { predictMatrix, type TrainControl } from '../train/engine'
import { runTrainingJob, type TrainingEvent, type TrainingOutcome } from '../train/training-job'
import { BUNDLE_FILES, createBundle, readBundle } from './bundle'
import { loadModelFiles } from './model-artifacts'
import { predictRecords } from './predict-records'

const runFreely: TrainControl = {
  shouldStop: () => false,
  waitWhilePaused: () => Promise.resolve(),
}

const credit = parseDelimitedText(
  readFileSync(new URL('../../../public/datasets/CreditCard.csv', import.meta.url), 'utf8'),
).table

interface Trained {
  readonly prepared: PreparedJob
  readonly outcome: TrainingOutcome
}

async function train(table: Table, target: string): Promise<Trained> {
  const proposed = proposeRecipe(table, 'CreditCard.csv', target)
  const recipe: Recipe = { ...proposed, training: { ...proposed.training, epochs: 2 } }
  const prepared = prepareTrainingJob(recipe, table, 'cpu')
  const events: TrainingEvent[] = []
  await runTrainingJob(prepared.job, runFreely, (event) => events.push(event))
  const last = events.at(-1)
  if (last?.type !== 'done') throw new Error(`training did not finish: ${JSON.stringify(last)}`)
  return { prepared, outcome: last.outcome }
}

/** The largest |a − b| over two equally long arrays. */
function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length)
  let max = 0
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)))
  return max
}

let classifier: Trained
let regressor: Trained

beforeAll(async () => {
  await tf.setBackend('cpu')
  classifier = await train(credit, 'card')
  regressor = await train(credit, 'income')
})

describe('createBundle and readBundle', () => {
  it('round-trips the model files and the fitted recipe', () => {
    const { job } = classifier.prepared
    const zip = createBundle({
      model: classifier.outcome.model,
      recipe: job.recipe,
      inputSchema: null,
    })
    const back = readBundle(zip)
    expect(back.recipe).toEqual(job.recipe)
    expect(back.model.modelJson).toBe(classifier.outcome.model.modelJson)
    expect(new Uint8Array(back.model.weights)).toEqual(
      new Uint8Array(classifier.outcome.model.weights),
    )
  })

  it('says in its README which class the single output is the probability of', () => {
    const { job } = classifier.prepared
    const zip = createBundle({
      model: classifier.outcome.model,
      recipe: job.recipe,
      inputSchema: null,
    })
    // Read with a plain unzip, as a user's own tool would, not through readBundle.
    const files = unzipSync(zip)
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'model.json',
      'recipe.json',
      'weights.bin',
    ])
    const readme = new TextDecoder().decode(files[BUNDLE_FILES.readme])
    expect(readme).toContain('["no","yes"]')
    expect(readme).toContain('probability of the second class')
  })
})

describe('predictions from a downloaded bundle equal the in-page ones', () => {
  it.each([
    ['a binary classifier with categorical inputs (card)', () => classifier],
    ['a regression in the target units (income)', () => regressor],
  ])('%s', async (_, trained) => {
    const { prepared, outcome } = trained()
    const zip = createBundle({
      model: outcome.model,
      recipe: prepared.job.recipe,
      inputSchema: null,
    })
    const bundle = readBundle(zip)
    const model = await loadModelFiles(bundle.model)
    try {
      // What the page scored: the prepared test matrix, through the trained model.
      const inPage = outcome.testOutputs
      // What a user of the bundle scores: raw test rows as records, through the bundled recipe.
      const records = tableRecords(credit, prepared.split.test)
      const fromBundle = await predictRecords(model, bundle.recipe, records)
      expect(fromBundle).toHaveLength(prepared.split.test.length)
      expect(maxDifference(fromBundle, inPage)).toBeLessThan(1e-6)
      // And the loaded model itself gives the trained model's outputs on the prepared matrix.
      const loaded = decodeOutputs(bundle.recipe, await predictMatrix(model, prepared.job.test.x))
      expect(maxDifference(loaded, inPage)).toBeLessThan(1e-6)
    } finally {
      model.dispose()
    }
  })

  it('the regression outputs are in income units, not standardised', () => {
    const { outcome, prepared } = regressor
    const mean = outcome.testOutputs.reduce((a, b) => a + b, 0) / outcome.testOutputs.length
    const scale = prepared.job.recipe.target.scale
    expect(scale).toBeDefined()
    // Standardised outputs would average near 0; income averages near its training mean.
    expect(Math.abs(mean - (scale?.mean ?? 0))).toBeLessThan(scale?.std ?? 0)
  })

  it('scores a typed-in record with a category never seen in training', async () => {
    const { prepared, outcome } = classifier
    const model = await loadModelFiles(outcome.model)
    try {
      const [record] = tableRecords(credit, prepared.split.test.subarray(0, 1))
      const outputs = await predictRecords(model, prepared.job.recipe, [
        { ...record, owner: 'unknown' },
        {},
      ])
      expect(outputs).toHaveLength(2)
      for (const p of outputs) expect(p).toBeGreaterThan(0)
      for (const p of outputs) expect(p).toBeLessThan(1)
    } finally {
      model.dispose()
    }
  })
})

describe('readBundle: files that are not a bundle', () => {
  it('rejects bytes that are not a zip, saying what to choose', () => {
    const garbage = strToU8('this is a CSV, not a model bundle\n1,2,3\n')
    expect(() => readBundle(garbage)).toThrow(/not a readable \.zip.*model bundle/)
    expect(() => readBundle(new Uint8Array(0))).toThrow(/not a readable \.zip/)
  })

  it('names the file a zip is missing', () => {
    const { outcome } = classifier
    const zip = zipSync({
      [BUNDLE_FILES.model]: strToU8(outcome.model.modelJson),
      [BUNDLE_FILES.weights]: new Uint8Array(outcome.model.weights),
    })
    expect(() => readBundle(zip)).toThrow(/The bundle has no recipe\.json/)
  })

  it('names the wrong field of a bundled recipe', () => {
    const { outcome, prepared } = classifier
    const zip = zipSync({
      [BUNDLE_FILES.model]: strToU8(outcome.model.modelJson),
      [BUNDLE_FILES.weights]: new Uint8Array(outcome.model.weights),
      [BUNDLE_FILES.recipe]: strToU8(JSON.stringify({ ...prepared.job.recipe, version: 99 })),
    })
    expect(() => readBundle(zip)).toThrow(/not valid at "version"/)
  })

  it('says so when recipe.json is not JSON at all', () => {
    const { outcome } = classifier
    const zip = zipSync({
      [BUNDLE_FILES.model]: strToU8(outcome.model.modelJson),
      [BUNDLE_FILES.weights]: new Uint8Array(outcome.model.weights),
      [BUNDLE_FILES.recipe]: strToU8('{ truncated'),
    })
    expect(() => readBundle(zip)).toThrow(
      /recipe\.json is not valid JSON.*Download the model bundle/,
    )
  })
})
