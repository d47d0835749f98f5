import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadModelFiles, saveModelFiles } from '../export/model-artifacts'
import { createRng } from '../random'
import { predictMatrix, trainModel, type Dataset, type TrainControl } from '../train/engine'
import type { TrainConfig } from '../train/train-config'
import { buildModel, compileModel, disposeModel } from './build-model'
import { checkModel } from './check-model'
import { outputHead } from './head'
import { kerasNames, LAYER_TYPES } from './layer-catalogue'
import { MINIMAL_STACKS } from './minimal-stacks'
import type { ModelInput } from './model-input'
import type { LayerType } from './model-spec'

const ROWS = 24
const CONFIG: TrainConfig = { optimizer: 'adam', learningRate: 0.01, batchSize: 8, epochs: 2 }
const head = outputHead({ column: 'y', task: 'binary', classes: ['no', 'yes'] })
const runFreely: TrainControl = {
  shouldStop: () => false,
  waitWhilePaused: () => Promise.resolve(),
}

/** Seeded random rows for an input: token ids below the vocabulary, values in ±1 otherwise. */
function randomData(input: ModelInput, seed: number): Dataset {
  const rng = createRng(seed)
  const width = input.shape.reduce((n, d) => n * d, 1)
  const vocabulary = input.vocabularySize
  const value = vocabulary ? () => Math.floor(rng() * vocabulary) : () => rng() * 2 - 1
  return {
    x: { values: Float32Array.from({ length: ROWS * width }, value), rows: ROWS, width },
    y: { values: Float32Array.from({ length: ROWS }, (_, i) => i % 2), rows: ROWS, width: 1 },
  }
}

async function weightsOf(layer: tf.layers.Layer | tf.LayersModel): Promise<number[][]> {
  return Promise.all(layer.getWeights().map(async (w) => Array.from(await w.data())))
}

/** The tfjs layer that stands for the spec's layer under test (the last of its type). */
function layerUnderTest(model: tf.LayersModel, type: LayerType): tf.layers.Layer {
  const stack = MINIMAL_STACKS[type].spec.layers
  const name = kerasNames(stack)[stack.map((l) => l.type).lastIndexOf(type)]
  return model.getLayer(name ?? type)
}

/** Layers whose starting weights are constants (ones and zeros), the same for every seed. */
const CONSTANT_START = new Set<LayerType>(['batchNormalization', 'layerNormalization'])

const stepMs = new Map<string, number>()

afterAll(() => {
  // A figure for the reader, never asserted: wall-clock time depends on the machine.
  const rows = [...stepMs].map(([key, ms]) => `${key.padEnd(32)} ${ms.toFixed(1)} ms per batch`)
  console.log(
    `Train step time per minimal stack, second epoch (${CONFIG.batchSize} rows a batch):\n${rows.join('\n')}`,
  )
})

describe.each(['cpu', 'wasm'] as const)('every layer type on the %s backend', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true)
    await tf.ready()
  })

  describe.each(LAYER_TYPES)('%s', (type) => {
    const { input, spec } = MINIMAL_STACKS[type]

    it('builds, trains, predicts, saves and loads to the same predictions, leaking nothing', async () => {
      expect(tf.getBackend()).toBe(backend)
      const before = tf.memory().numTensors
      const data = randomData(input, 5)
      const model = buildModel(spec, input, head, 3)
      try {
        compileModel(model, head, CONFIG)
        const tested = layerUnderTest(model, type)
        const [start, layerStart] = [await weightsOf(model), await weightsOf(tested)]
        const { epochs } = await trainModel(model, data, null, CONFIG, 3, runFreely, () => {})
        expect(epochs.map((e) => Number.isFinite(e.loss))).toEqual([true, true])
        // The second epoch's speed: the first pays for warming up the backend.
        const warm = epochs[1]?.samplesPerSecond ?? Number.NaN
        stepMs.set(`${type} (${backend})`, (CONFIG.batchSize / warm) * 1000)
        expect(await weightsOf(model)).not.toEqual(start)
        if (layerStart.length > 0) expect(await weightsOf(tested)).not.toEqual(layerStart)

        const predicted = Array.from(await predictMatrix(model, data.x))
        expect(predicted).toHaveLength(ROWS)
        expect(predicted.every((p) => p > 0 && p < 1)).toBe(true)

        const loaded = await loadModelFiles(await saveModelFiles(model))
        const again = Array.from(await predictMatrix(loaded, data.x))
        loaded.dispose()
        again.forEach((p, i) => expect(p).toBeCloseTo(predicted[i] ?? Number.NaN, 6))
      } finally {
        disposeModel(model)
      }
      expect(tf.memory().numTensors).toBe(before)
    })

    it('counts the parameters the Model step shows, layer by layer', () => {
      const model = buildModel(spec, input, head, 3)
      try {
        const check = checkModel(spec, input, head)
        expect(check.firstError).toBeNull()
        for (const row of check.layers) {
          expect({ [row.name]: model.getLayer(row.name).countParams() }).toEqual({
            [row.name]: row.params,
          })
        }
        expect(model.countParams()).toBe(check.totalParams)
      } finally {
        model.dispose()
      }
    })

    it('starts from the same weights for the same seed and from others for another seed', async () => {
      const [a, b, c] = [11, 11, 12].map((seed) => buildModel(spec, input, head, seed)) as [
        tf.Sequential,
        tf.Sequential,
        tf.Sequential,
      ]
      try {
        expect(await weightsOf(a)).toEqual(await weightsOf(b))
        expect(await weightsOf(a)).not.toEqual(await weightsOf(c))
        const [la, lc] = [layerUnderTest(a, type), layerUnderTest(c, type)]
        if (la.getWeights().length > 0 && !CONSTANT_START.has(type)) {
          expect(await weightsOf(la)).not.toEqual(await weightsOf(lc))
        }
      } finally {
        ;[a, b, c].forEach((m) => m.dispose())
      }
    })
  })
})
