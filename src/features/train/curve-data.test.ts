import { describe, expect, it } from 'vitest'
import type { EpochLog } from '../../core/train/engine'
import { appendBatchLosses } from '../../state/training-slice'
import { batchPoints, roundTicks, seriesOf, smoothEma, valueAxis, valueOf } from './curve-data'

const epoch = (n: number, extra: Partial<EpochLog> = {}): EpochLog => ({
  epoch: n,
  loss: 1 / n,
  valLoss: 1.2 / n,
  accuracy: null,
  valAccuracy: null,
  elapsedMs: 100 * n,
  samplesPerSecond: 1000,
  ...extra,
})

describe('smoothEma', () => {
  it('matches TensorBoard: debiased, so the first point is the first value', () => {
    const smooth = smoothEma([1, 3, 3], 0.5)
    expect(smooth[0]).toBe(1)
    // (0.5·(0.5·0+0.5·1)+0.5·3) / (1-0.25) = 1.75/0.75
    expect(smooth[1]).toBeCloseTo(1.75 / 0.75, 12)
    expect(smoothEma([2, 4, 6], 0)).toEqual([2, 4, 6])
  })

  it('lets a NaN through without spoiling the points after it', () => {
    const smooth = smoothEma([1, Number.NaN, 1], 0.9)
    expect(smooth[1]).toBeNaN()
    expect(smooth[2]).toBeCloseTo(1, 12)
  })
})

describe('epoch series', () => {
  it('charts the loss first, then the tracked metrics in their fixed order', () => {
    const e = epoch(1, { metrics: { auc: 0.8, val_auc: 0.7, accuracy: 0.9, val_accuracy: 0.85 } })
    expect(seriesOf([e])).toEqual(['loss', 'accuracy', 'auc'])
    expect(valueOf(e, 'auc', true)).toBe(0.7)
    expect(valueOf(e, 'loss', true)).toBeCloseTo(1.2, 12)
  })

  it('still reads the accuracy of runs from before epoch metrics', () => {
    const old = epoch(1, { accuracy: 0.6, valAccuracy: 0.55 })
    expect(seriesOf([old])).toEqual(['loss', 'accuracy'])
    expect(valueOf(old, 'accuracy', true)).toBe(0.55)
  })
})

describe('appendBatchLosses', () => {
  const chunk = (epoch: number, firstBatch: number, losses: number[]) => ({
    epoch,
    firstBatch,
    batchesPerEpoch: 100,
    losses,
  })

  it('keeps every batch of a short run, placed in epochs', () => {
    const curve = appendBatchLosses(null, [chunk(1, 0, [3, 2]), chunk(1, 2, [1])])
    expect(curve?.points).toEqual([3, 2, 1])
    expect(curve && batchPoints(curve, 0).map((p) => p.x)).toEqual([0.01, 0.02, 0.03])
  })

  it('stays bounded on a long run by merging neighbours, keeping the mean loss', () => {
    let curve = null
    let sum = 0
    const batches = 10_000
    for (let start = 0; start < batches; start += 250) {
      const losses = Array.from({ length: 250 }, (_, i) => 5 / (1 + start + i))
      sum += losses.reduce((a, b) => a + b, 0)
      curve = appendBatchLosses(curve, [chunk(1 + Math.floor(start / 100), start % 100, losses)])
    }
    expect(curve).not.toBeNull()
    if (!curve) return
    expect(curve.points.length).toBeLessThanOrEqual(2000)
    expect(curve.points.length).toBeGreaterThanOrEqual(1000)
    const covered = curve.points.length * curve.stride + curve.tailCount
    expect(covered).toBe(batches)
    const kept = curve.points.reduce((a, b) => a + b, 0) * curve.stride + curve.tailSum
    expect(kept).toBeCloseTo(sum, 6)
    // The last point ends at the last batch: epoch 100 of 100-batch epochs.
    expect(batchPoints(curve, 0).at(-1)?.x).toBeCloseTo(
      (curve.points.length * curve.stride) / 100,
      12,
    )
  })

  it('starts a resumed run where it went on', () => {
    const curve = appendBatchLosses(null, [chunk(5, 0, [0.5])])
    expect(curve && batchPoints(curve, 0)[0]?.x).toBeCloseTo(4.01, 12)
  })
})

describe('roundTicks', () => {
  it('gives round steps across the range, whole epochs where asked', () => {
    expect(roundTicks(1, 40, 6, 1)).toEqual([5, 10, 15, 20, 25, 30, 35, 40])
    expect(roundTicks(1, 3, 6, 1)).toEqual([1, 2, 3])
    expect(roundTicks(0.01, 1.3, 6)).toEqual([0.2, 0.4, 0.6, 0.8, 1, 1.2])
  })
})

describe('valueAxis', () => {
  it('puts the values between round bounds with round ticks', () => {
    const axis = valueAxis([0.17, 0.66, null, Number.NaN], 'linear')
    expect(axis.domain[0]).toBeLessThanOrEqual(0.17)
    expect(axis.domain[1]).toBeGreaterThanOrEqual(0.66)
    expect(axis.ticks.length).toBeGreaterThanOrEqual(3)
    expect(axis.ticks).toContain(0.4)
  })

  it('leaves zero out of a log scale and ticks at 1, 2 and 5 × 10ⁿ', () => {
    expect(valueAxis([0, 0.03, 0.7], 'log')).toEqual({
      domain: [0.03, 0.7],
      ticks: [0.05, 0.1, 0.2, 0.5],
    })
  })
})
