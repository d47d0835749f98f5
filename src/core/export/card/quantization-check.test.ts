import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { FinishedRun } from '../../train/run-history'
import type { Table } from '../../table/table'
import { germanCreditRun } from './german-credit-run'
import { checkQuantizations, type QuantizationCheck } from './quantization-check'

let run: FinishedRun
let checks: QuantizationCheck[]

beforeAll(async () => {
  await tf.setBackend('cpu')
  let table: Table
  ;({ run, table } = await germanCreditRun(3))
  checks = await checkQuantizations({ ...run, table })
})

const value = (check: QuantizationCheck | undefined, key: string) =>
  check?.metrics.find((m) => m.key === key)?.value ?? Number.NaN

describe('checkQuantizations on German credit test rows', () => {
  it("scores float32 exactly as the run's Test metrics did", () => {
    const [float32] = checks
    expect(float32?.quantization).toBe('float32')
    expect(float32?.largestChange).toBe(0)
    for (const metric of run.metrics)
      expect(value(float32, metric.key)).toBeCloseTo(metric.value, 6)
  })

  it('gives each storage its size and the same metric keys', () => {
    expect(checks.map((c) => c.quantization)).toEqual(['float32', 'float16', 'uint8'])
    const bytes = run.model.weights.byteLength
    expect(checks.map((c) => c.weightsBytes)).toEqual([bytes, bytes / 2, bytes / 4])
    for (const check of checks)
      expect(check.metrics.map((m) => m.key)).toEqual(run.metrics.map((m) => m.key))
  })

  it('float16 barely moves the outputs; uint8 moves them more, within a few hundredths', () => {
    const [, float16, uint8] = checks
    expect(float16?.largestChange).toBeGreaterThan(0)
    expect(float16?.largestChange).toBeLessThan(0.005)
    expect(uint8?.largestChange).toBeGreaterThan(float16?.largestChange ?? 0)
    expect(uint8?.largestChange).toBeLessThan(0.05)
    expect(Math.abs(value(float16, 'auc') - value(checks[0], 'auc'))).toBeLessThan(0.005)
  })
})
