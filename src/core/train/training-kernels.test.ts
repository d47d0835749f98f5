import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { describe, expect, it } from 'vitest'
import './training-kernels'

/** The gradients of f at its inputs on a backend, as plain numbers. */
async function gradientsOn(
  backend: 'cpu' | 'wasm',
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  inputs: () => tf.Tensor[],
): Promise<number[][]> {
  expect(await tf.setBackend(backend)).toBe(true)
  const xs = inputs()
  const grads = tf.grads(f)(xs)
  const values = await Promise.all(grads.map(async (g) => Array.from(await g.data())))
  tf.dispose([...xs, ...grads])
  return values
}

async function expectSameGradients(
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  inputs: () => tf.Tensor[],
): Promise<void> {
  const cpu = await gradientsOn('cpu', f, inputs)
  const wasm = await gradientsOn('wasm', f, inputs)
  expect(wasm.map((g) => g.length)).toEqual(cpu.map((g) => g.length))
  wasm.forEach((g, i) => g.forEach((v, j) => expect(v).toBeCloseTo(cpu[i]?.[j] ?? NaN, 4)))
}

describe('training kernels', () => {
  it('give a convolution the filter gradient the CPU backend gives (strides 2, same padding)', async () => {
    await expectSameGradients(
      (x, w) =>
        tf
          .conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, 'same')
          .square()
          .sum(),
      () => [
        tf.randomNormal([2, 7, 6, 3], 0, 1, 'float32', 1),
        tf.randomNormal([3, 2, 3, 4], 0, 1, 'float32', 2),
      ],
    )
  })

  it('give a valid 1-D convolution the same filter gradient too', async () => {
    await expectSameGradients(
      (x, w) => tf.conv1d(x as tf.Tensor3D, w as tf.Tensor3D, 1, 'valid').sum(),
      () => [
        tf.randomNormal([3, 9, 2], 0, 1, 'float32', 3),
        tf.randomNormal([3, 2, 5], 0, 1, 'float32', 4),
      ],
    )
  })

  it.each(['cpu', 'wasm'] as const)(
    'give an embedding lookup its gradient on %s: repeated ids summed, unused rows zero',
    async (backend) => {
      // Position i of the lookup weighs i, so a row's gradient is the sum of its positions.
      const ids = [0, 3, 3, 7, 1, 3]
      const [grad] = await gradientsOn(
        backend,
        (table) =>
          tf
            .gather(table as tf.Tensor2D, tf.tensor1d(ids, 'int32'))
            .mul(tf.range(0, 6).reshape([6, 1]))
            .sum(),
        () => [tf.randomNormal([8, 2], 0, 1, 'float32', 5)],
      )
      const rows = [0, 4, 0, 1 + 2 + 5, 0, 0, 0, 3]
      expect(grad).toEqual(rows.flatMap((r) => [r, r]))
    },
  )
})
