import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { describe, expect, it } from 'vitest'
import { registerWasmSegmentSum } from './wasm-segment-sum'

/** The gradient an Embedding table receives for a batch of ids, on a backend. */
async function embeddingGradient(backend: string): Promise<number[]> {
  await tf.setBackend(backend)
  expect(tf.getBackend()).toBe(backend)
  const table = tf.tensor2d([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], [4, 2])
  const ids = tf.tensor2d([1, 3, 1, 0, 1, 2], [2, 3], 'int32')
  const weights = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 3, 2])
  const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, ids), weights)))(table)
  const values = Array.from(await grad.data())
  tf.dispose([table, ids, weights, grad])
  return values
}

describe('registerWasmSegmentSum', () => {
  it('lets an embedding lookup train on WASM, with the gradient the CPU backend gives', async () => {
    registerWasmSegmentSum()
    const cpu = await embeddingGradient('cpu')
    // Id 1 appears three times: its rows of `weights` add up (1+5+9, 2+6+10).
    expect(cpu).toEqual([7, 8, 15, 18, 11, 12, 3, 4])
    expect(await embeddingGradient('wasm')).toEqual(cpu)
  })

  it('registers once and leaves a kernel that is already there alone', () => {
    registerWasmSegmentSum()
    const first = tf.getKernel('UnsortedSegmentSum', 'wasm')
    registerWasmSegmentSum()
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBe(first)
  })
})
