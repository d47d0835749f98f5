import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { beforeAll, describe, expect, it } from 'vitest'
import { PositionEmbedding } from './position-embedding'

function built(steps: number, width: number, seed = 1): PositionEmbedding {
  const layer = new PositionEmbedding({ seed })
  layer.apply(tf.input({ shape: [steps, width] }))
  return layer
}

describe.each(['cpu', 'wasm'])('PositionEmbedding on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend)
    expect(tf.getBackend()).toBe(backend)
  })

  it('adds its own learned vector to each position of every example', async () => {
    const [steps, width] = [3, 2]
    const layer = built(steps, width)
    const table = [0.1, -0.2, 0.3, 0.4, -0.5, 0.6]
    layer.setWeights([tf.tensor2d(table, [steps, width])])
    const input = [1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]
    const output = layer.apply(tf.tensor3d(input, [2, steps, width])) as tf.Tensor
    expect(output.shape).toEqual([2, steps, width])
    const got = Array.from(await output.data())
    got.forEach((v, i) => expect(v).toBeCloseTo((input[i] ?? NaN) + (table[i % 6] ?? NaN), 5))
    output.dispose()
    layer.dispose()
  })

  it('has steps × width parameters, seeded', async () => {
    const layer = built(10, 8, 4)
    expect(layer.countParams()).toBe(80)
    expect(layer.trainableWeights).toHaveLength(1)
    const again = built(10, 8, 4)
    const other = built(10, 8, 5)
    const values = async (l: PositionEmbedding) =>
      Promise.all(l.getWeights().map(async (w) => Array.from(await w.data())))
    expect(await values(again)).toEqual(await values(layer))
    expect(await values(other)).not.toEqual(await values(layer))
    ;[layer, again, other].forEach((l) => l.dispose())
  })

  it('names itself and the input it needs when the input is not a fixed-length sequence', () => {
    const layer = new PositionEmbedding({ seed: 1, name: 'positions' })
    expect(() => layer.apply(tf.input({ shape: [6] }))).toThrow(
      /Position embedding positions: needs a sequence of fixed length \[steps, width\]/,
    )
  })
})
