import { describe, expect, it } from 'vitest'
import type { TargetSpec } from '../recipe/recipe-schema'
import { checkModel, formatShape, type ModelCheck } from './check-model'
import { outputHead } from './head'
import { layer, stackOf } from './layer-catalogue'
import { tableInput, type ModelInput } from './model-input'
import { modelSpecOf, type LayerSpec } from './model-spec'

const binary: TargetSpec = { column: 'y', task: 'binary', classes: ['no', 'yes'] }
const tenDigits: TargetSpec = {
  column: 'digit',
  task: 'multiclass',
  classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
}
const twoClasses: TargetSpec = { column: 'y', task: 'multiclass', classes: ['neg', 'pos'] }

const mnist: ModelInput = { kind: 'image', shape: [28, 28, 1], description: '28×28 grey pictures' }
const text = (length: number, vocabularySize: number): ModelInput => ({
  kind: 'tokens',
  shape: [length],
  vocabularySize,
  description: `${length} token ids`,
})
const window: ModelInput = { kind: 'sequence', shape: [12, 3], description: '12 steps × 3 series' }

function check(input: ModelInput, layers: Omit<LayerSpec, 'id'>[], target = binary): ModelCheck {
  return checkModel(modelSpecOf(stackOf(layers)), input, outputHead(target))
}

const shapes = (c: ModelCheck) => c.layers.map((l) => formatShape(l.output))
const params = (c: ModelCheck) => c.layers.map((l) => l.params)

describe('checkModel counts parameters and shapes as Keras does', () => {
  it('the tabular default: 61 → Dense 64 → Dropout → Dense 32 → sigmoid', () => {
    const c = check(tableInput(61), [
      layer('dense', { units: 64 }),
      layer('dropout'),
      layer('dense', { units: 32 }),
    ])
    expect(c.layers.map((l) => l.name)).toEqual(['dense_1', 'dropout_1', 'dense_2', 'output'])
    expect(shapes(c)).toEqual(['(None, 64)', '(None, 64)', '(None, 32)', '(None, 1)'])
    expect(params(c)).toEqual([61 * 64 + 64, 0, 64 * 32 + 32, 33])
    expect(c.totalParams).toBe(6081)
    expect(c.firstError).toBeNull()
  })

  // keras.io "Simple MNIST convnet": 34,826 parameters.
  it('the Keras MNIST convnet', () => {
    const c = check(
      mnist,
      [
        layer('conv2d', { filters: 32, kernelSize: 3, padding: 'valid' }),
        layer('maxPooling2d', { poolSize: 2 }),
        layer('conv2d', { filters: 64, kernelSize: 3, padding: 'valid' }),
        layer('maxPooling2d', { poolSize: 2 }),
        layer('flatten'),
        layer('dropout', { rate: 0.5 }),
      ],
      tenDigits,
    )
    expect(shapes(c)).toEqual([
      '(None, 26, 26, 32)',
      '(None, 13, 13, 32)',
      '(None, 11, 11, 64)',
      '(None, 5, 5, 64)',
      '(None, 1600)',
      '(None, 1600)',
      '(None, 10)',
    ])
    expect(params(c)).toEqual([320, 0, 18496, 0, 0, 0, 16010])
    expect(c.totalParams).toBe(34826)
  })

  // keras.io "Bidirectional LSTM on IMDB": 2,757,761 parameters.
  it('the Keras bidirectional LSTM on IMDB', () => {
    const c = check(text(200, 20000), [
      layer('embedding', { inputDim: 20000, outputDim: 128 }),
      layer('bidirectional', { layer: 'lstm', units: 64, returnSequences: true }),
      layer('bidirectional', { layer: 'lstm', units: 64 }),
    ])
    expect(shapes(c)).toEqual(['(None, 200, 128)', '(None, 200, 128)', '(None, 128)', '(None, 1)'])
    expect(params(c)).toEqual([2_560_000, 98_816, 98_816, 129])
    expect(c.totalParams).toBe(2_757_761)
  })

  // keras.io "Text classification with Transformer": a block of 10,656 parameters
  // (embed 32, 2 heads of key size 32, feed-forward 32) after 646,400 of embeddings.
  it('the Keras text Transformer', () => {
    const c = check(
      text(200, 20000),
      [
        layer('embedding', { inputDim: 20000, outputDim: 32 }),
        layer('positionEmbedding'),
        layer('transformerEncoder', { heads: 2, keyDim: 32, ffUnits: 32 }),
        layer('globalAveragePooling1d'),
        layer('dropout', { rate: 0.1 }),
        layer('dense', { units: 20 }),
      ],
      twoClasses,
    )
    expect(params(c)).toEqual([640_000, 6_400, 10_656, 0, 0, 660, 42])
    expect(c.totalParams).toBe(657_758)
    expect(shapes(c).slice(0, 4)).toEqual([
      '(None, 200, 32)',
      '(None, 200, 32)',
      '(None, 200, 32)',
      '(None, 32)',
    ])
  })

  it('recurrent layers: LSTM 4, GRU 3 (tfjs has no reset_after) and SimpleRNN 1 set of gates', () => {
    const c = check(window, [
      layer('simpleRnn', { units: 8, returnSequences: true }),
      layer('gru', { units: 8, returnSequences: true }),
      layer('lstm', { units: 16 }),
    ])
    expect(params(c).slice(0, 3)).toEqual([
      8 * (3 + 8) + 8,
      3 * (8 * (8 + 8) + 8),
      4 * (16 * (8 + 16) + 16),
    ])
    expect(shapes(c)).toEqual(['(None, 12, 8)', '(None, 12, 8)', '(None, 16)', '(None, 1)'])
  })

  it('Batch normalization holds half its parameters out of training', () => {
    const c = check(tableInput(10), [
      layer('dense', { units: 64, activation: 'linear', useBias: false }),
      layer('batchNormalization'),
      layer('activation'),
    ])
    expect(params(c)).toEqual([640, 256, 0, 65])
    expect(c.totalParams).toBe(961)
    expect(c.nonTrainableParams).toBe(128)
    expect(c.trainableParams).toBe(833)
    expect(c.layers[1]?.trainableParams).toBe(128)
  })

  it('convolution and pooling lengths follow padding and strides', () => {
    const c = check(window, [
      layer('conv1d', { filters: 4, kernelSize: 5, padding: 'valid' }),
      layer('conv1d', { filters: 4, kernelSize: 3, strides: 2, padding: 'same' }),
      layer('averagePooling1d', { poolSize: 2, strides: 1 }),
      layer('maxPooling1d', { poolSize: 2, padding: 'same' }),
      layer('globalAveragePooling1d'),
    ])
    expect(shapes(c)).toEqual([
      '(None, 8, 4)',
      '(None, 4, 4)',
      '(None, 3, 4)',
      '(None, 2, 4)',
      '(None, 4)',
      '(None, 1)',
    ])
    expect(params(c)[0]).toBe(5 * 3 * 4 + 4)
  })

  it('Reshape works out one -1 and a table row can become a sequence', () => {
    const c = check(tableInput(12), [
      layer('reshape', { targetShape: [-1, 4] }),
      layer('lstm', { units: 2 }),
    ])
    expect(shapes(c)).toEqual(['(None, 3, 4)', '(None, 2)', '(None, 1)'])
    expect(c.firstError).toBeNull()
  })

  it('Embedding "auto" takes the vocabulary size', () => {
    const c = check(text(40, 10_000), [layer('embedding', { outputDim: 16 }), layer('flatten')])
    expect(params(c)).toEqual([160_000, 0, 641])
    expect(c.layers[0]?.label).toBe('Embedding (vocabulary → 16)')
  })

  it('logistic regression: the output alone', () => {
    const c = check(tableInput(5), [])
    expect(c.layers).toHaveLength(1)
    expect(c.layers[0]).toMatchObject({ id: 'output', output: [1], params: 6, error: null })
  })
})

describe('checkModel marks the layer that breaks, says how to fix it, and refuses the rest', () => {
  function failure(input: ModelInput, layers: Omit<LayerSpec, 'id'>[], target = binary) {
    const c = check(input, layers, target)
    if (!c.firstError) throw new Error('expected an error')
    const at = c.layers.findIndex((l) => l.error !== null)
    return { c, at, message: c.firstError.message }
  }

  it('an LSTM on flat table data points to windows or a Reshape', () => {
    const { c, at, message } = failure(tableInput(20), [
      layer('dense'),
      layer('lstm'),
      layer('dense', { units: 8 }),
    ])
    expect(at).toBe(1)
    expect(c.firstError?.id).toBe('l2')
    expect(message).toMatch(/LSTM \(layer 2\) reads a sequence/)
    expect(message).toMatch(/a flat row of 64 values/)
    expect(message).toMatch(/Windows/)
    expect(message).toMatch(/Reshape/)
    // The layers after it wait: no shape, no error of their own, no parameters counted.
    expect(c.layers.slice(2).map((l) => [l.output, l.error, l.params])).toEqual([
      [null, null, 0],
      [null, null, 0],
    ])
    expect(c.totalParams).toBe(20 * 64 + 64)
  })

  it('a Conv2D on table data asks for pictures', () => {
    const { at, message } = failure(tableInput(20), [layer('conv2d')])
    expect(at).toBe(0)
    expect(message).toMatch(/reads pictures/)
    expect(message).toMatch(/Dense/)
  })

  it('a Conv1D on pictures points to the 2D layer', () => {
    const { message } = failure(mnist, [layer('conv1d')])
    expect(message).toMatch(/2D version/)
  })

  it('a Reshape whose sizes do not multiply to the row says what they must multiply to', () => {
    const { message } = failure(tableInput(12), [layer('reshape', { targetShape: [3, 5] })])
    expect(message).toMatch(/needs 15 values per row, but it gets 12/)
    expect(message).toMatch(/product is 12/)
    const minus = failure(tableInput(12), [layer('reshape', { targetShape: [-1, 5] })])
    expect(minus.message).toMatch(/multiple of 5 values per row, but it gets 12/)
    const two = failure(tableInput(12), [layer('reshape', { targetShape: [-1, -1] })])
    expect(two.message).toMatch(/at most one -1/)
  })

  it('a sequence left at the end does not fit a one-value target', () => {
    const { c, message } = failure(window, [layer('lstm', { returnSequences: true })])
    expect(c.firstError?.id).toBe('output')
    expect(message).toMatch(/one prediction per row/)
    expect(message).toMatch(/Return sequences/)
    const grid = failure(mnist, [layer('conv2d')], tenDigits)
    expect(grid.message).toMatch(/GlobalAveragePooling2D or Flatten/)
  })

  it('an Embedding needs token ids, at the top, with room for the whole vocabulary', () => {
    expect(failure(tableInput(8), [layer('embedding')]).message).toMatch(/not token ids/)
    expect(failure(text(10, 50), [layer('dropout'), layer('embedding')]).message).toMatch(
      /move it to the top/,
    )
    expect(failure(text(10, 5000), [layer('embedding', { inputDim: 100 })]).message).toMatch(
      /100 is smaller than the 5,000 token ids/,
    )
  })

  it('Flatten on a flat row, a kernel longer than the sequence, more heads than values', () => {
    expect(failure(tableInput(8), [layer('flatten')]).message).toMatch(/already flat/)
    expect(
      failure(window, [layer('conv1d', { kernelSize: 20, padding: 'valid' })]).message,
    ).toMatch(/kernel size of 20 is longer than the 12 steps/)
    expect(
      failure(text(10, 50), [
        layer('embedding', { outputDim: 4 }),
        layer('transformerEncoder', { heads: 8 }),
      ]).message,
    ).toMatch(/into 8 heads/)
  })

  it('pooling a picture below one pixel is refused at the pooling layer', () => {
    const { c, at } = failure({ kind: 'image', shape: [4, 4, 1], description: '4×4 pictures' }, [
      layer('maxPooling2d'),
      layer('maxPooling2d'),
      layer('maxPooling2d'),
      layer('flatten'),
    ])
    expect(at).toBe(2)
    expect(c.layers[2]?.error).toMatch(/pool size of 2 is longer than the 1 pixels/)
  })

  it('a target without classes cannot get an output', () => {
    const { c } = failure(tableInput(3), [], { column: 'y', task: 'multiclass', classes: [] })
    expect(c.firstError?.id).toBe('output')
  })
})
