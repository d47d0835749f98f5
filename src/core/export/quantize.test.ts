import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { evaluatePredictions } from '../evaluate/evaluate-split'
import type { FinishedRun } from '../train/run-history'
import { tableRecords, type Table } from '../table/table'
import { germanCreditRun } from './card/german-credit-run'
import { loadModelFiles } from './model-artifacts'
import type { SavedModelFiles } from './model-files'
import { predictRecords } from './predict-records'
import { float16Bits, quantizationOf, quantizeModelFiles } from './quantize'

let run: FinishedRun
let table: Table

beforeAll(async () => {
  await tf.setBackend('cpu')
  ;({ run, table } = await germanCreditRun(3))
})

async function testPredictions(model: SavedModelFiles): Promise<Float64Array> {
  const loaded = await loadModelFiles(model)
  try {
    return await predictRecords(loaded, run.recipe, tableRecords(table, run.testRows))
  } finally {
    loaded.dispose()
  }
}

function largestGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let gap = 0
  for (let i = 0; i < a.length; i++) gap = Math.max(gap, Math.abs((a[i] ?? 0) - (b[i] ?? 0)))
  return gap
}

const metric = (metrics: { key: string; value: number }[], key: string) =>
  metrics.find((m) => m.key === key)?.value ?? Number.NaN

describe('quantizeModelFiles on a trained German credit model', () => {
  it('float16 halves weights.bin and moves no probability by more than 0.005', async () => {
    const half = quantizeModelFiles(run.model, 'float16')
    expect(half.weights.byteLength).toBe(run.model.weights.byteLength / 2)
    expect(quantizationOf(half)).toBe('float16')
    const full = await testPredictions(run.model)
    const quantized = await testPredictions(half)
    expect(largestGap(full, quantized)).toBeGreaterThan(0)
    expect(largestGap(full, quantized)).toBeLessThan(0.005)
  })

  it('uint8 quarters weights.bin and keeps the test AUC within 0.02 of float32', async () => {
    const quarter = quantizeModelFiles(run.model, 'uint8')
    // Six weights (3 kernels, 3 biases): a quarter of the bytes, exactly.
    expect(quarter.weights.byteLength).toBe(run.model.weights.byteLength / 4)
    const full = await testPredictions(run.model)
    const quantized = await testPredictions(quarter)
    expect(largestGap(full, quantized)).toBeLessThan(0.05)
    const auc = (p: Float64Array) =>
      metric(evaluatePredictions(run.recipe, run.testLabels, p), 'auc')
    expect(Math.abs(auc(full) - auc(quantized))).toBeLessThan(0.02)
    expect(largestGap(full, run.testOutputs)).toBeLessThan(1e-6)
  })

  it('writes the manifest as tfjs-converter does: dtype stays float32, uint8 carries min and scale', () => {
    const json = JSON.parse(quantizeModelFiles(run.model, 'uint8').modelJson) as {
      weightsManifest: { weights: { dtype: string; quantization: Record<string, number> }[] }[]
    }
    for (const w of json.weightsManifest.flatMap((g) => g.weights)) {
      expect(w.dtype).toBe('float32')
      expect(w.quantization).toMatchObject({ dtype: 'uint8' })
      expect(w.quantization.scale).toBeGreaterThan(0)
      expect(Number.isFinite(w.quantization.min)).toBe(true)
    }
  })

  it('float32 gives the files back unchanged', () => {
    expect(quantizeModelFiles(run.model, 'float32')).toBe(run.model)
  })
})

describe('weights the formats cannot or should not hold', () => {
  const files = (weights: object[], data: ArrayBuffer): SavedModelFiles => ({
    modelJson: JSON.stringify({ weightsManifest: [{ paths: ['weights.bin'], weights }] }),
    weights: data,
  })

  it('leaves an int32 weight alone and keeps zero exact under uint8', () => {
    const data = new ArrayBuffer(5 * 4 + 3 * 4)
    new Float32Array(data, 0, 5).set([-1, 0, 0.5, 2, 3])
    new Int32Array(data, 20, 3).set([7, -3, 123456])
    const quantized = quantizeModelFiles(
      files(
        [
          { name: 'w', shape: [5], dtype: 'float32' },
          { name: 'steps', shape: [3], dtype: 'int32' },
        ],
        data,
      ),
      'uint8',
    )
    const specs =
      (
        JSON.parse(quantized.modelJson) as {
          weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[]
        }
      ).weightsManifest[0]?.weights ?? []
    expect(specs[1]).toEqual({ name: 'steps', shape: [3], dtype: 'int32' })
    expect(quantized.weights.byteLength).toBe(5 + 12)
    const decoded = tf.io.decodeWeights(quantized.weights, specs)
    expect(Array.from(decoded.steps?.dataSync() ?? [])).toEqual([7, -3, 123456])
    const w = Array.from(decoded.w?.dataSync() ?? [])
    expect(w[1]).toBe(0)
    // One step of 4/255 at most between a weight and its stored value.
    w.forEach((v, i) => expect(Math.abs(v - ([-1, 0, 0.5, 2, 3][i] ?? 0))).toBeLessThan(4 / 255))
    Object.values(decoded).forEach((t) => t.dispose())
  })

  it('keeps a weight beyond float16 range in float32 rather than turning it into Infinity', () => {
    const data = new Float32Array([1e6, 1]).buffer
    const quantized = quantizeModelFiles(
      files([{ name: 'big', shape: [2], dtype: 'float32' }], data),
      'float16',
    )
    expect(quantized.weights.byteLength).toBe(8)
    expect(quantizationOf(quantized)).toBe('float32')
  })

  it('refuses model files whose weights.bin does not match model.json', () => {
    expect(() =>
      quantizeModelFiles(
        files([{ name: 'w', shape: [4], dtype: 'float32' }], new ArrayBuffer(12)),
        'float16',
      ),
    ).toThrow(/do not belong together/)
  })
})

describe('float16Bits', () => {
  it('rounds to the nearest half-precision value, ties to even, as numpy does', () => {
    expect(float16Bits(1)).toBe(0x3c00)
    expect(float16Bits(-2)).toBe(0xc000)
    expect(float16Bits(65504)).toBe(0x7bff)
    expect(float16Bits(1 / 3)).toBe(0x3555)
    expect(float16Bits(2 ** -24)).toBe(0x0001)
    expect(float16Bits(2 ** -14)).toBe(0x0400)
    // 1 + 2^-11 sits halfway between 1 and 1 + 2^-10: ties go to the even mantissa (1).
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00)
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02)
    expect(float16Bits(0)).toBe(0)
    expect(float16Bits(Infinity)).toBe(0x7c00)
  })
})
