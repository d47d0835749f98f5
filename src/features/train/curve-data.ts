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

/**
 * About `count` round ticks (steps of 1, 2 or 5 × 10ⁿ, at least `minStep`) from `min` to `max`:
 * given to the chart, so it need not measure tick labels to thin them out on every redraw.
 */
export function roundTicks(min: number, max: number, count: number, minStep = 0): number[] {
  if (!(max > min)) return [min]
  // d3's tickIncrement: the round step nearest the rough one.
  const rough = (max - min) / count
  const power = 10 ** Math.floor(Math.log10(rough))
  const error = rough / power
  const factor =
    error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1
  const step = Math.max(factor * power, minStep)
  const ticks: number[] = []
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
    ticks.push(Number(t.toPrecision(12)))
  }
  return ticks
}

export interface ValueAxis {
  readonly domain: [number, number]
  readonly ticks: number[]
}

/**
 * The vertical axis for some values: round bounds and about five round ticks on a linear scale;
 * on a log scale the positive values' range with ticks at 1, 2 and 5 × 10ⁿ (or 10ⁿ alone where
 * those would crowd). Given to the chart, so it does no tick arithmetic of its own per redraw.
 */
export function valueAxis(values: readonly (number | null)[], scale: 'linear' | 'log'): ValueAxis {
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (v === null || !Number.isFinite(v) || (scale === 'log' && v <= 0)) continue
    if (v < min) min = v
    if (v > max) max = v
  }
  if (min > max) return { domain: [scale === 'log' ? 0.1 : 0, 1], ticks: [] }
  if (scale === 'log') {
    const ticks: number[] = []
    for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power++) {
      for (const m of [1, 2, 5]) {
        const t = Number((m * 10 ** power).toPrecision(6))
        if (t >= min && t <= max) ticks.push(t)
      }
    }
    const decades = ticks.filter((t) => Number.isInteger(Math.log10(t)))
    return { domain: [min, max], ticks: ticks.length > 6 && decades.length >= 2 ? decades : ticks }
  }
  const spread = max - min || Math.abs(max) || 1
  const rough = roundTicks(min - spread * 0.05, max + spread * 0.05, 4)
  const step = (rough[1] ?? 0) - (rough[0] ?? 0) || spread
  const low = Math.floor(min / step) * step
  const high = Math.ceil(max / step) * step
  return { domain: [low, high], ticks: roundTicks(low, high, Math.round((high - low) / step)) }
}
