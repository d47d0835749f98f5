import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadModelFiles, saveModelFiles } from '../../export/model-artifacts'
import { createRng } from '../../random'
import { PositionEmbedding } from './position-embedding'
import { TransformerEncoder } from './transformer-encoder'
// Embedding's gradient on WASM, as the studio's engine registers it.
import '../../train/training-kernels'

const STEPS = 6
const VOCABULARY = 6
/** Tokens that fill the positions around the two that matter. */
const FILLER = [0, 1, 2, 5]

/**
 * A task only order can solve: every sequence holds one 3 and one 4 among filler tokens, and the
 * label says whether the 3 comes first. The same tokens in any order give the same bag of words,
 * so a model that cannot see positions stays at chance (50 %, the classes are balanced).
 */
function orderTask(
  rows: number,
  seed: number,
): { x: tf.Tensor2D; y: tf.Tensor2D; labels: number[] } {
  const rng = createRng(seed)
  const pick = (n: number) => Math.floor(rng() * n)
  const ids: number[] = []
  const labels: number[] = []
  for (let r = 0; r < rows; r++) {
    const sequence = Array.from({ length: STEPS }, () => FILLER[pick(FILLER.length)] ?? 0)
    const three = pick(STEPS)
    const four = (three + 1 + pick(STEPS - 1)) % STEPS
    sequence[three] = 3
    sequence[four] = 4
    ids.push(...sequence)
    labels.push(three < four ? 1 : 0)
  }
  return { x: tf.tensor2d(ids, [rows, STEPS]), y: tf.tensor2d(labels, [rows, 1]), labels }
}

function textTransformer(options: { positions: boolean; dropout: number }): tf.Sequential {
  const model = tf.sequential()
  model.add(
    tf.layers.embedding({
      inputDim: VOCABULARY,
      outputDim: 8,
      inputLength: STEPS,
      embeddingsInitializer: tf.initializers.randomUniform({
        minval: -0.05,
        maxval: 0.05,
        seed: 1,
      }),
    }),
  )
  if (options.positions) model.add(new PositionEmbedding({ seed: 2, name: 'positions' }))
  model.add(
    new TransformerEncoder({
      heads: 2,
      keyDim: 4,
      ffUnits: 16,
      dropout: options.dropout,
      activation: 'gelu',
      seed: 3,
      name: 'encoder',
    }),
  )
  model.add(tf.layers.globalAveragePooling1d())
  model.add(
    tf.layers.dense({
      units: 1,
      activation: 'sigmoid',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
    }),
  )
  return model
}

async function accuracy(model: tf.LayersModel, x: tf.Tensor, labels: number[]): Promise<number> {
  const p = model.predict(x, { batchSize: 1024 }) as tf.Tensor
  const probabilities = await p.data()
  p.dispose()
  return (
    labels.filter((label, i) => ((probabilities[i] ?? 0) > 0.5 ? 1 : 0) === label).length /
    labels.length
  )
}

async function trainedAccuracy(positions: boolean): Promise<number> {
  const train = orderTask(256, 10)
  const test = orderTask(400, 20)
  const model = textTransformer({ positions, dropout: 0.1 })
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' })
  await model.fit(train.x, train.y, { epochs: 20, batchSize: 32, shuffle: false })
  const result = await accuracy(model, test.x, test.labels)
  tf.dispose([train.x, train.y, test.x, test.y])
  model.dispose()
  return result
}

describe.each(['cpu', 'wasm'])(
  'Embedding → PositionEmbedding → TransformerEncoder on %s',
  (backend) => {
    beforeAll(async () => {
      await tf.setBackend(backend)
      expect(tf.getBackend()).toBe(backend)
    })

    it('learns which of two tokens comes first, which it cannot without positions', async () => {
      const withPositions = await trainedAccuracy(true)
      const withoutPositions = await trainedAccuracy(false)
      console.log(
        `order task on ${backend}: test accuracy ${withPositions.toFixed(3)} with PositionEmbedding, ` +
          `${withoutPositions.toFixed(3)} without`,
      )
      expect(withPositions).toBeGreaterThan(0.9)
      expect(withoutPositions).toBeLessThan(0.65)
    })

    it('moves every weight in one training step (the key bias only by rounding: softmax ignores it)', async () => {
      const model = textTransformer({ positions: true, dropout: 0.1 })
      model.compile({ optimizer: tf.train.sgd(0.5), loss: 'binaryCrossentropy' })
      const data = orderTask(16, 30)
      const custom = model.layers.filter((l) => l.name === 'positions' || l.name === 'encoder')
      const snapshot = () =>
        Promise.all(
          custom.flatMap((l) =>
            l.weights.map(async (w) => ({ name: w.originalName, values: await w.read().data() })),
          ),
        )
      const before = await snapshot()
      await model.trainOnBatch(data.x, data.y)
      const after = await snapshot()
      const change = Object.fromEntries(
        before.map(({ name, values }, i) => [
          name,
          Math.max(...values.map((v, j) => Math.abs(v - (after[i]?.values[j] ?? NaN)))),
        ]),
      )
      expect(Object.keys(change)).toHaveLength(17)
      for (const [name, moved] of Object.entries(change)) {
        // Adding one vector to every key shifts each query's scores by a constant, which softmax
        // cancels: the key bias's gradient is zero in exact arithmetic (as in Keras).
        if (name.endsWith('key_bias')) expect(moved, name).toBeLessThan(1e-6)
        else expect(moved, name).toBeGreaterThan(1e-6)
      }
      tf.dispose([data.x, data.y])
      model.dispose()
    })

    it('leaves no tensor behind from one training epoch or prediction to the next', async () => {
      const model = textTransformer({ positions: true, dropout: 0.2 })
      model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' })
      const data = orderTask(32, 50)
      const counts: number[] = []
      for (let epoch = 0; epoch < 3; epoch++) {
        await model.fit(data.x, data.y, { epochs: 1, batchSize: 8 })
        const p = model.predict(data.x) as tf.Tensor
        await p.data()
        p.dispose()
        counts.push(tf.memory().numTensors)
      }
      // The first epoch creates the optimizer's moments; after that the count stays put.
      expect(counts[2]).toBe(counts[1])
      tf.dispose([data.x, data.y])
      model.dispose()
    })

    it('saves and loads with its settings and gives the same predictions', async () => {
      const model = textTransformer({ positions: true, dropout: 0.2 })
      model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' })
      const data = orderTask(32, 40)
      await model.fit(data.x, data.y, { epochs: 1, batchSize: 16 })
      const loaded = await loadModelFiles(await saveModelFiles(model))
      const encoderConfig = (m: tf.LayersModel) => {
        const { name, ...config } = m.getLayer('encoder').getConfig()
        return { name, ...config }
      }
      expect(encoderConfig(loaded)).toEqual(encoderConfig(model))
      expect(loaded.getLayer('positions')).toBeInstanceOf(PositionEmbedding)
      const predict = async (m: tf.LayersModel) => {
        const p = m.predict(data.x) as tf.Tensor
        const values = Array.from(await p.data())
        p.dispose()
        return values
      }
      expect(await predict(loaded)).toEqual(await predict(model))
      tf.dispose([data.x, data.y])
      model.dispose()
      loaded.dispose()
    })

    it('loads a model whose first layer is the position embedding (a sequence input)', async () => {
      const model = tf.sequential()
      model.add(new PositionEmbedding({ seed: 1, inputShape: [5, 3], name: 'positions' }))
      model.add(
        new TransformerEncoder({
          heads: 1,
          keyDim: 3,
          ffUnits: 4,
          dropout: 0,
          activation: 'relu',
          seed: 2,
        }),
      )
      const loaded = await loadModelFiles(await saveModelFiles(model))
      const x = tf.tensor3d(
        Array.from({ length: 30 }, (_, i) => Math.sin(i)),
        [2, 5, 3],
      )
      const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor]
      expect(Array.from(await b.data())).toEqual(Array.from(await a.data()))
      tf.dispose([x, a, b])
      model.dispose()
      loaded.dispose()
    })
  },
)
