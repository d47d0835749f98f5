import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRng } from '../../random'
import { referenceEncoder, type EncoderReferenceWeights, type Matrix } from './reference-encoder'
import {
  TRANSFORMER_LAYER_NORM_EPSILON,
  TransformerEncoder,
  type TransformerEncoderArgs,
} from './transformer-encoder'

/** The parameter count checkModel uses for this layer. */
function expectedParams(w: number, h: number, k: number, f: number): number {
  return 3 * (w * h * k + h * k) + (h * k * w + w) + 2 * w + (w * f + f) + (f * w + w) + 2 * w
}

const WEIGHT_ORDER: (keyof EncoderReferenceWeights)[] = [
  'query',
  'queryBias',
  'key',
  'keyBias',
  'value',
  'valueBias',
  'output',
  'outputBias',
  'attentionGamma',
  'attentionBeta',
  'ffInner',
  'ffInnerBias',
  'ffOuter',
  'ffOuterBias',
  'ffGamma',
  'ffBeta',
]

function randomValues(size: number, rng: () => number, scale: number): number[] {
  return Array.from({ length: size }, () => (rng() * 2 - 1) * scale)
}

function toMatrix(values: number[], cols: number): Matrix {
  return Array.from({ length: values.length / cols }, (_, r) =>
    values.slice(r * cols, (r + 1) * cols),
  )
}

function encoder(args: Partial<TransformerEncoderArgs> = {}): TransformerEncoder {
  return new TransformerEncoder({
    heads: 2,
    keyDim: 3,
    ffUnits: 5,
    dropout: 0,
    activation: 'relu',
    seed: 7,
    ...args,
  })
}

/** Gives every weight small random values and returns them as plain numbers. */
function randomiseWeights(layer: TransformerEncoder, seed: number): EncoderReferenceWeights {
  const rng = createRng(seed)
  const plain: Record<string, number[] | Matrix> = {}
  const tensors = layer.getWeights().map((w, i) => {
    const name = WEIGHT_ORDER[i]
    if (!name) throw new Error('more weights than expected')
    const values = randomValues(w.size, rng, 0.5)
    const [, cols] = w.shape
    plain[name] = cols === undefined ? values : toMatrix(values, cols)
    return tf.tensor(values, w.shape)
  })
  layer.setWeights(tensors)
  tf.dispose(tensors)
  return plain as unknown as EncoderReferenceWeights
}

/** Built on a symbolic [steps, width] input, as inside a model (and so disposable). */
function builtEncoder(
  steps: number,
  width: number,
  args: Partial<TransformerEncoderArgs> = {},
): TransformerEncoder {
  const layer = encoder(args)
  layer.apply(tf.input({ shape: [steps, width] }))
  return layer
}

describe.each(['cpu', 'wasm'])('TransformerEncoder on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend)
    expect(tf.getBackend()).toBe(backend)
  })

  it.each(['relu', 'gelu'] as const)(
    'matches a plain-number encoder block (%s) to 1e-5',
    async (activation) => {
      const [batch, steps, width, heads, keyDim] = [2, 4, 6, 2, 3]
      const layer = builtEncoder(steps, width, { heads, keyDim, activation })
      const weights = randomiseWeights(layer, 11)
      const rng = createRng(5)
      const input = Array.from({ length: batch }, () =>
        toMatrix(randomValues(steps * width, rng, 1), width),
      )
      const output = tf.tidy(
        () => layer.apply(tf.tensor3d(input), { training: false }) as tf.Tensor,
      )
      expect(output.shape).toEqual([batch, steps, width])
      const got = Array.from(await output.data())
      output.dispose()
      const expected = input.flatMap((sequence) =>
        referenceEncoder(sequence, weights, {
          heads,
          keyDim,
          activation,
          epsilon: TRANSFORMER_LAYER_NORM_EPSILON,
        }).flat(),
      )
      expect(got).toHaveLength(expected.length)
      got.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 5))
      layer.dispose()
    },
  )

  it('has exactly the parameter count checkModel computes, all trainable', () => {
    for (const [w, h, k, f] of [
      [8, 2, 4, 16],
      [6, 3, 5, 7],
      [32, 4, 8, 64],
    ] as const) {
      const layer = builtEncoder(10, w, { heads: h, keyDim: k, ffUnits: f })
      expect(layer.countParams()).toBe(expectedParams(w, h, k, f))
      expect(layer.trainableWeights.reduce((n, v) => n + v.read().size, 0)).toBe(
        expectedParams(w, h, k, f),
      )
      layer.dispose()
    }
  })

  it('keeps [batch, steps, width] and says which input it needs when given a flat one', () => {
    const layer = encoder()
    expect(layer.computeOutputShape([null, 5, 6])).toEqual([null, 5, 6])
    expect(() => encoder({ name: 'enc' }).build([null, 6])).toThrow(
      /Transformer encoder enc: needs a sequence of vectors \[steps, width\].*Embedding/,
    )
  })

  it('drops out with a fresh mask every training batch, repeatably for the same seed', async () => {
    const run = async () => {
      const layer = builtEncoder(4, 6, { dropout: 0.5, seed: 3 })
      const x = tf.ones([2, 4, 6])
      const outputs = []
      for (let i = 0; i < 2; i++) {
        const y = layer.apply(x, { training: true }) as tf.Tensor
        outputs.push(Array.from(await y.data()))
        y.dispose()
      }
      const inference = layer.apply(x, { training: false }) as tf.Tensor
      outputs.push(Array.from(await inference.data()))
      inference.dispose()
      x.dispose()
      layer.dispose()
      return outputs
    }
    const [first, second, inference] = await run()
    expect(first).not.toEqual(second)
    expect(first).not.toEqual(inference)
    expect(await run()).toEqual([first, second, inference])
  })

  it('keeps only its output: no intermediate tensor outlives a call', () => {
    const layer = builtEncoder(4, 6, { dropout: 0.3, activation: 'gelu' })
    const x = tf.ones([2, 4, 6])
    const before = tf.memory().numTensors
    for (const training of [true, false]) {
      const y = layer.apply(x, { training }) as tf.Tensor
      expect(tf.memory().numTensors).toBe(before + 1)
      y.dispose()
    }
    x.dispose()
    layer.dispose()
  })

  it('starts from the same weights for the same seed and different ones for another', async () => {
    const weightsFor = async (seed: number) => {
      const layer = builtEncoder(4, 6, { seed })
      const values = await Promise.all(
        layer.getWeights().map(async (w) => Array.from(await w.data())),
      )
      layer.dispose()
      return values
    }
    const a = await weightsFor(1)
    expect(await weightsFor(1)).toEqual(a)
    expect(await weightsFor(2)).not.toEqual(a)
    // The four kernels come from distinct seeds, not one repeated stream.
    const [query, , key, , value] = a
    expect(query).not.toEqual(key)
    expect(key).not.toEqual(value)
  })
})
