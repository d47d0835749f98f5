import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { TargetSpec } from '../recipe/recipe-schema'
import { buildModel, compileModel, disposeModel } from './build-model'
import { outputHead } from './head'
import { tableInput } from './model-input'
import { defaultMlpSpec } from './model-spec'

const binary: TargetSpec = { column: 'y', task: 'binary', classes: ['no', 'yes'] }
const multiclass: TargetSpec = { column: 'y', task: 'multiclass', classes: ['a', 'b', 'c', 'd'] }
const regression: TargetSpec = { column: 'y', task: 'regression' }

async function weightsOf(model: tf.LayersModel): Promise<number[][]> {
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
    compileModel(model, head, { optimizer: 'adam', learningRate: 0.01, batchSize: 8, epochs: 1 })
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
