import type { EpochLog } from '../../core/train/engine'
import { EPOCH_METRICS, type EpochMetric } from '../../core/train/train-config'
import type { BatchCurve } from '../../state/training-slice'

/** The loss or an epoch metric: what one curve and one pair of table columns show. */
export type Series = 'loss' | EpochMetric

/** The series the epochs carry, loss first, then metrics in their fixed order. */
export function seriesOf(epochs: readonly EpochLog[]): Series[] {
  const last = epochs.at(-1)
  const keys = new Set(Object.keys(last?.metrics ?? {}))
  // Runs from before epoch metrics existed still carry their accuracy.
  if (epochs.some((e) => e.accuracy !== null)) keys.add('accuracy')
  return ['loss', ...EPOCH_METRICS.filter((m) => keys.has(m))]
}

/** One series' value on the training rows (`validation` false) or the validation rows. */
export function valueOf(epoch: EpochLog, series: Series, validation: boolean): number | null {
  if (series === 'loss') return validation ? epoch.valLoss : epoch.loss
  const fromMetrics = epoch.metrics?.[validation ? `val_${series}` : series]
  if (fromMetrics !== undefined) return fromMetrics
  if (series === 'accuracy') return validation ? epoch.valAccuracy : epoch.accuracy
  return null
}

/**
 * TensorBoard's smoothing: an exponential moving average, debiased so the first points are not
 * pulled towards zero. Values that are not finite are passed through and do not enter the mean.
 */
export function smoothEma(values: readonly number[], weight: number): number[] {
  let last = 0
  let count = 0
  return values.map((v) => {
    if (!Number.isFinite(v)) return v
    last = last * weight + (1 - weight) * v
    count += 1
    const debias = weight === 1 ? 1 : 1 - weight ** count
    return last / debias
  })
}

export interface BatchPoint {
  /** Epochs trained when this point's batches ended (2.5: halfway through epoch 3). */
  readonly x: number
  readonly raw: number
  readonly smooth: number
}

/** The per-batch curve as chart points, x in epochs so it lines up with the epoch curves. */
export function batchPoints(curve: BatchCurve, smoothing: number): BatchPoint[] {
  const smooth = smoothEma(curve.points, smoothing)
  return curve.points.map((raw, i) => ({
    x: (curve.start + (i + 1) * curve.stride) / curve.batchesPerEpoch,
    raw,
    smooth: smooth[i] ?? raw,
  }))
}
