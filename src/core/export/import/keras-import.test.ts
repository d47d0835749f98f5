import * as tf from '@tensorflow/tfjs'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { modelSpecOf } from '../../model/model-spec'
import { finishedRunOf, type FinishedRun } from '../../train/run-history'
import { bundledTable, withTraining } from '../../train/run-history-test-run'
import { runStudioTraining } from '../../train/studio-run'
import type { WarmStart } from '../../train/warm-start'
import { loadModelFiles } from '../model-artifacts'
import { readKerasModel } from './keras-model'

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/keras-iris/${name}`, import.meta.url)))
const modelJson = new TextDecoder().decode(fixture('model.json'))
const shards = new Map([['group1-shard1of1.bin', fixture('group1-shard1of1.bin')]])
const iris = bundledTable('iris.csv')

async function trainIris(epochs: number, warmStart: WarmStart | null): Promise<FinishedRun> {
  const keras = readKerasModel(modelJson, shards)
  const recipe = withTraining(
    { ...iris.recipeFor('species'), model: modelSpecOf(keras.layers) },
    { epochs, learningRate: 0.001 },
  )
  const runs: FinishedRun[] = []
  const errors: string[] = []
  await runStudioTraining(
    { recipe, table: iris.table, backend: 'cpu', warmStart },
    { shouldStop: () => false, waitWhilePaused: () => Promise.resolve() },
    (event) => {
      if (event.type === 'error') errors.push(event.message)
      if (event.type === 'done') runs.push(finishedRunOf(event.result))
    },
  )
  const run = runs[0]
  if (!run) throw new Error(errors.join('; ') || 'no run')
  return run
}

const accuracyOf = (run: FinishedRun) => run.metrics.find((m) => m.key === 'accuracy')?.value ?? 0

describe('a Keras model converted to TensorFlow.js', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu')
  })

  it('reads as the studio hidden layers, its output layer and its input width', async () => {
    const keras = readKerasModel(modelJson, shards)
    expect(keras.inputWidth).toBe(4)
    expect(
      keras.layers.map((l) => (l.type === 'dense' ? `${l.units} ${l.activation}` : l.type)),
    ).toEqual(['16 relu', '16 relu'])
    expect(keras.output).toEqual({ units: 3, activation: 'softmax' })
    // The weights load in manifest order: the Keras model classifies standardised iris.
    const model = await loadModelFiles(keras.files)
    const first = tf.tensor2d([[-0.9, 1.0, -1.3, -1.3]])
    const probabilities = await (model.predict(first) as tf.Tensor).data()
    expect(probabilities[0]).toBeGreaterThan(0.9)
    model.dispose()
    first.dispose()
  })

  it('fine-tunes from its weights: one slow epoch already classifies, fresh weights do not', async () => {
    const keras = readKerasModel(modelJson, shards)
    const tuned = await trainIris(1, {
      name: 'model.json',
      model: keras.files,
      newHeadAllowed: true,
    })
    const fresh = await trainIris(1, null)
    expect(accuracyOf(tuned)).toBeGreaterThanOrEqual(0.9)
    expect(accuracyOf(tuned)).toBeGreaterThan(accuracyOf(fresh) + 0.2)
  })

  it('names what it cannot import: a missing shard, a functional model, an unknown layer', () => {
    expect(() => readKerasModel(modelJson, new Map())).toThrow(
      /weights file "group1-shard1of1\.bin".*was not chosen/,
    )
    const functional = modelJson.replace('"Sequential"', '"Functional"')
    expect(() => readKerasModel(functional, shards)).toThrow(/Functional model.*Sequential/)
    const parsed = JSON.parse(modelJson) as {
      modelTopology: { model_config: { config: { layers: { class_name: string }[] } } }
    }
    const second = parsed.modelTopology.model_config.config.layers[2]
    if (second) second.class_name = 'MultiHeadAttention'
    const attention = JSON.stringify(parsed)
    expect(() => readKerasModel(attention, shards)).toThrow(/"dense_1" is a MultiHeadAttention/)
  })
})
