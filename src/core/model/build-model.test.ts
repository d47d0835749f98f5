import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { TargetSpec } from '../recipe/recipe-schema'
import { loadModelFiles, saveModelFiles } from '../export/model-artifacts'
import { buildModel, compileModel, disposeModel } from './build-model'
import { outputHead } from './head'
import { layer, stackOf } from './layer-catalogue'
import { tableInput, type ModelInput } from './model-input'
import { defaultMlpSpec, modelSpecOf, type LayerSpec, type RegressionLoss } from './model-spec'

const binary: TargetSpec = { column: 'y', task: 'binary', classes: ['no', 'yes'] }
const multiclass: TargetSpec = { column: 'y', task: 'multiclass', classes: ['a', 'b', 'c', 'd'] }
const regression: TargetSpec = { column: 'y', task: 'regression' }

const sequence: ModelInput = { kind: 'sequence', shape: [6, 2], description: '6 steps × 2 series' }
const tokens: ModelInput = {
  kind: 'tokens',
  shape: [10],
  vocabularySize: 50,
  description: '10 token ids',
}
const config = { optimizer: 'adam', learningRate: 0.01, batchSize: 4, epochs: 1 } as const

async function weightsOf(model: tf.LayersModel | tf.layers.Layer): Promise<number[][]> {
  return Promise.all(model.getWeights().map(async (w) => Array.from(await w.data())))
}

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe('outputHead', () => {
  it('gives a sigmoid unit for binary, a softmax per class for multiclass, a linear unit for regression', () => {
    expect(outputHead(binary)).toEqual({
      units: 1,
      activation: 'sigmoid',
      loss: 'binaryCrossentropy',
      huberDelta: 1,
    })
    expect(outputHead(multiclass)).toEqual({
      units: 4,
      activation: 'softmax',
      loss: 'categoricalCrossentropy',
      huberDelta: 1,
    })
    expect(outputHead(regression)).toEqual({
      units: 1,
      activation: 'linear',
      loss: 'meanSquaredError',
      huberDelta: 1,
    })
  })
})

describe('buildModel', () => {
  const head = outputHead(multiclass)

  it('gives identical initial weights for the same seed', async () => {
    const a = buildModel(defaultMlpSpec(), tableInput(20), head, 42)
    const b = buildModel(defaultMlpSpec(), tableInput(20), head, 42)
    const [wa, wb] = [await weightsOf(a), await weightsOf(b)]
    expect(wa).toEqual(wb)
    expect(wa.flat().some((v) => v !== 0)).toBe(true)
    a.dispose()
    b.dispose()
  })

  it('gives different initial weights for another seed', async () => {
    const a = buildModel(defaultMlpSpec(), tableInput(20), head, 42)
    const b = buildModel(defaultMlpSpec(), tableInput(20), head, 43)
    expect(await weightsOf(a)).not.toEqual(await weightsOf(b))
    a.dispose()
    b.dispose()
  })

  it('ends in the output head and trains with its loss', () => {
    const model = buildModel(defaultMlpSpec(), tableInput(5), head, 1)
    compileModel(model, head, config)
    expect(model.layers.at(-1)?.name).toBe('output')
    expect(model.outputs[0]?.shape).toEqual([null, 4])
    expect(model.loss).toBe('categoricalCrossentropy')
    disposeModel(model)
  })

  /** The default MLP compiled with Adam and trained one step, its inputs already freed. */
  async function afterOneTrainingStep(): Promise<tf.Sequential> {
    const model = buildModel(defaultMlpSpec(), tableInput(5), head, 1)
    compileModel(model, head, { optimizer: 'adam', learningRate: 0.01, batchSize: 4, epochs: 1 })
    const x = tf.randomUniform([8, 5], 0, 1, 'float32', 1)
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3], 'int32'), 4))
    await model.fit(x, y, { epochs: 1, batchSize: 4, shuffle: false })
    tf.dispose([x, y])
    return model
  }

  it('frees every tensor it made, optimizer state included, after a training step', async () => {
    const before = tf.memory().numTensors
    const model = await afterOneTrainingStep()
    disposeModel(model)
    expect(tf.memory().numTensors).toBe(before)
  })

  it('needs disposeModel: model.dispose() alone leaves the optimizer state alive', async () => {
    const before = tf.memory().numTensors
    const model = await afterOneTrainingStep()
    const optimizer = model.optimizer
    model.dispose()
    expect(tf.memory().numTensors).toBeGreaterThan(before)
    optimizer.dispose()
    expect(tf.memory().numTensors).toBe(before)
  })

  // tfjs re-seeds a seeded Dropout layer identically on every call, so every batch would drop the
  // same units; the studio's dropout draws a fresh, still repeatable mask per batch.
  it('draws a fresh dropout mask for each batch', async () => {
    const model = buildModel(defaultMlpSpec(), tableInput(5), head, 42)
    const dropout = model.layers[1]
    if (!dropout) throw new Error('the default MLP has a dropout second')
    const x = tf.ones([4, 64])
    const a = dropout.apply(x, { training: true }) as tf.Tensor
    const b = dropout.apply(x, { training: true }) as tf.Tensor
    const [ma, mb] = [Array.from(await a.data()), Array.from(await b.data())]
    tf.dispose([x, a, b])
    model.dispose()
    expect(ma).not.toEqual(mb)
  })
})

describe('buildModel for every kind of layer', () => {
  const head = outputHead(binary)
  const build = (layers: Omit<LayerSpec, 'id'>[], input: ModelInput, seed = 1): tf.Sequential =>
    buildModel(modelSpecOf(stackOf(layers)), input, head, seed)

  it('names the layers as Keras and the Model step do, each kind counted on its own', () => {
    const model = build(
      [layer('dense'), layer('dropout'), layer('dense'), layer('batchNormalization')],
      tableInput(4),
    )
    expect(model.layers.map((l) => l.name)).toEqual([
      'dense_1',
      'dropout_1',
      'dense_2',
      'batch_normalization_1',
      'output',
    ])
    model.dispose()
  })

  it('shapes the rows as the input says and pools with strides of the pool size by default', () => {
    const model = build(
      [layer('conv1d', { filters: 5 }), layer('maxPooling1d', { poolSize: 3 }), layer('flatten')],
      sequence,
    )
    expect(model.inputs[0]?.shape).toEqual([null, 6, 2])
    expect(model.getLayer('max_pooling1d_1').outputShape).toEqual([null, 2, 5])
    model.dispose()
  })

  it('works out the -1 of a Reshape', () => {
    const model = build(
      [layer('reshape', { targetShape: [3, -1] }), layer('flatten')],
      tableInput(12),
    )
    expect(model.getLayer('reshape_1').outputShape).toEqual([null, 3, 4])
    model.dispose()
  })

  it('sizes an Embedding on "auto" to the vocabulary of the tokens', () => {
    const model = build([layer('embedding', { outputDim: 8 }), layer('flatten')], tokens)
    expect(model.getLayer('embedding_1').countParams()).toBe(50 * 8)
    model.dispose()
  })

  it('says what to do when an Embedding on "auto" gets no tokens, naming the layer', () => {
    expect(() => build([layer('embedding')], tableInput(10))).toThrow(
      /^Embedding \(layer 1, embedding_1\) cannot be built: .*split a text column into tokens/,
    )
  })

  it('names the layer that does not fit its input, keeping no weights of the layers before', () => {
    const before = tf.memory().numTensors
    expect(() => build([layer('dense'), layer('conv2d')], tableInput(10))).toThrow(
      /^Conv2D \(layer 2, conv2d_1\) cannot be built/,
    )
    expect(tf.memory().numTensors).toBe(before)
  })

  it('refuses to end on a sequence, saying how to flatten it', () => {
    expect(() => build([layer('lstm', { returnSequences: true })], sequence)).toThrow(
      /leaves \(None, 6, 32\): end the stack with Flatten or global pooling/,
    )
  })

  // The studio's own layers can open a model too, and load back as its first layer.
  it('builds a Position embedding as the first layer, on a sequence, and loads it back', async () => {
    const model = build([layer('positionEmbedding'), layer('globalAveragePooling1d')], sequence)
    expect(model.getLayer('position_embedding_1').outputShape).toEqual([null, 6, 2])
    const x = tf.randomNormal([3, 6, 2], 0, 1, 'float32', 8)
    const loaded = await loadModelFiles(await saveModelFiles(model))
    const [p, q] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor]
    expect(Array.from(await q.data())).toEqual(Array.from(await p.data()))
    tf.dispose([x, p, q])
    loaded.dispose()
    model.dispose()
  })

  it('starts the two directions of a Bidirectional from different weights, repeatably', async () => {
    const spec = [layer('bidirectional', { layer: 'lstm', units: 3 })]
    const [a, b] = [build(spec, sequence, 4), build(spec, sequence, 4)]
    const weights = await weightsOf(a.getLayer('bidirectional_1'))
    // forward kernel, recurrent kernel, bias, then the same three backward
    expect(weights).toHaveLength(6)
    expect(weights[3]).not.toEqual(weights[0])
    expect(weights[4]).not.toEqual(weights[1])
    expect(weights).toEqual(await weightsOf(b.getLayer('bidirectional_1')))
    a.dispose()
    b.dispose()
  })

  it('adds a fresh but repeatable Gaussian noise to each training batch, none when predicting', async () => {
    const noisy = async (seed: number): Promise<number[][]> => {
      const model = build([layer('gaussianNoise', { stddev: 0.5 })], tableInput(6), seed)
      const noise = model.getLayer('gaussian_noise_1')
      const x = tf.ones([3, 6])
      const outs = [
        noise.apply(x, { training: true }),
        noise.apply(x, { training: true }),
        noise.apply(x, { training: false }),
      ] as tf.Tensor[]
      const values = await Promise.all(outs.map(async (t) => Array.from(await t.data())))
      tf.dispose([x, ...outs])
      model.dispose()
      return values
    }
    const [first, second, predicting] = await noisy(9)
    expect(first).not.toEqual(second)
    expect(predicting).toEqual(Array<number>(18).fill(1))
    expect(await noisy(9)).toEqual([first, second, predicting])
  })

  it('adds an L2 penalty on the kernel to the training loss', async () => {
    const lossWith = async (l2: number): Promise<number> => {
      const model = build([layer('dense', { units: 16, l2 })], tableInput(5), 2)
      compileModel(model, head, config)
      const x = tf.randomUniform([8, 5], 0, 1, 'float32', 3)
      const y = tf.tensor2d([0, 1, 0, 1, 1, 0, 1, 0], [8, 1])
      const history = await model.fit(x, y, { epochs: 1, batchSize: 8, shuffle: false })
      tf.dispose([x, y])
      disposeModel(model)
      return history.history.loss?.[0] as number
    }
    const [plain, penalised] = [await lossWith(0), await lossWith(1)]
    expect(penalised).toBeGreaterThan(plain + 0.1)
  })
})

describe('the regression losses', () => {
  /** A linear model whose predictions are all 0 (zero kernel and bias), so losses are exact. */
  async function lossAtZero(loss: RegressionLoss, huberDelta = 1): Promise<number> {
    const spec = modelSpecOf([], { regressionLoss: loss, huberDelta })
    const head = outputHead(regression, spec)
    const model = buildModel(spec, tableInput(2), head, 1)
    model.setWeights(model.getWeights().map((w) => tf.zerosLike(w)))
    compileModel(model, head, config)
    const x = tf.ones([2, 2])
    const y = tf.tensor2d([0.5, 3], [2, 1])
    const result = model.evaluate(x, y) as tf.Scalar
    const value = (await result.data())[0] ?? Number.NaN
    tf.dispose([x, y, result])
    disposeModel(model)
    return value
  }

  it('are the squared, absolute and Huber errors the Model step names', async () => {
    // Errors of 0.5 and 3: squared (0.25 + 9) / 2; absolute (0.5 + 3) / 2; Huber with delta 1
    // squares the small one (0.5 · 0.25) and takes the large one linearly (1 · (3 − 0.5)).
    expect(await lossAtZero('meanSquaredError')).toBeCloseTo(4.625, 5)
    expect(await lossAtZero('meanAbsoluteError')).toBeCloseTo(1.75, 5)
    expect(await lossAtZero('huber')).toBeCloseTo((0.125 + 2.5) / 2, 5)
    // A delta of 4 covers both errors: half the squared error.
    expect(await lossAtZero('huber', 4)).toBeCloseTo(4.625 / 2, 5)
  })

  it.each(['meanAbsoluteError', 'huber'] as const)(
    'trains with %s, then saves and loads to the same predictions',
    async (loss) => {
      const before = tf.memory().numTensors
      const spec = modelSpecOf(stackOf([layer('dense', { units: 8 })]), { regressionLoss: loss })
      const head = outputHead(regression, spec)
      const model = buildModel(spec, tableInput(3), head, 5)
      compileModel(model, head, config)
      const x = tf.randomUniform([16, 3], -1, 1, 'float32', 6)
      const y = tf.tidy(() => x.sum(1, true).mul(2))
      const history = await model.fit(x, y, { epochs: 3, batchSize: 4, shuffle: false })
      const losses = history.history.loss as number[]
      expect(losses.every(Number.isFinite)).toBe(true)
      expect(losses.at(-1)).toBeLessThan(losses[0] ?? 0)
      const loaded = await loadModelFiles(await saveModelFiles(model))
      const [p, q] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor]
      expect(Array.from(await q.data())).toEqual(Array.from(await p.data()))
      tf.dispose([x, y, p, q])
      loaded.dispose()
      disposeModel(model)
      expect(tf.memory().numTensors).toBe(before)
    },
  )
})
