/** Residuals of a regression (actual − predicted) and the summaries the Regression view shows. */

/** actual − predicted: positive where the model predicted too low. */
export function residualsOf(actual: ArrayLike<number>, predicted: ArrayLike<number>): Float64Array {
  return Float64Array.from(
    { length: actual.length },
    (_, i) => (actual[i] as number) - (predicted[i] as number),
  )
}

/** The q-quantile (0…1) with linear interpolation between order statistics, as numpy's default. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN
  const at = q * (sorted.length - 1)
  const lo = Math.floor(at)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return (sorted[lo] as number) + (at - lo) * ((sorted[hi] as number) - (sorted[lo] as number))
}

export interface Histogram {
  /** bins + 1 edges, ascending. */
  readonly edges: Float64Array
  readonly counts: Int32Array
}

/** The most bars the view draws: beyond this a histogram of a few thousand residuals is noise. */
const MAX_BINS = 60

/**
 * Bins as numpy's `histogram(bins='auto')` chooses them: the narrower of the Sturges and the
 * Freedman–Diaconis widths (Sturges alone when the quartiles coincide), equal-width bins from the
 * smallest to the largest value, the last bin closed on the right. Capped at 60 bins.
 */
export function histogram(values: ArrayLike<number>): Histogram {
  const sorted = Float64Array.from(values)
    .filter((v) => Number.isFinite(v))
    .sort()
  const n = sorted.length
  if (n === 0) return { edges: new Float64Array(0), counts: new Int32Array(0) }
  const lo = sorted[0] as number
  const hi = sorted[n - 1] as number
  // numpy draws one bar, one unit wide, around a single repeated value.
  if (lo === hi) return { edges: Float64Array.of(lo - 0.5, hi + 0.5), counts: Int32Array.of(n) }
  const range = hi - lo
  const sturges = range / (Math.log2(n) + 1)
  const iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25)
  const fd = (2 * iqr) / Math.cbrt(n)
  const width = fd > 0 ? Math.min(sturges, fd) : sturges
  const bins = Math.max(1, Math.min(MAX_BINS, Math.ceil(range / width)))
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => lo + (range * i) / bins)
  const counts = new Int32Array(bins)
  for (const v of sorted) {
    let bin = Math.floor(((v - lo) / range) * bins)
    if (bin >= bins) bin = bins - 1
    // Floating point can land a value on the wrong side of an edge: numpy corrects it the same way.
    if (bin > 0 && v < (edges[bin] as number)) bin--
    else if (bin < bins - 1 && v >= (edges[bin + 1] as number)) bin++
    counts[bin] = (counts[bin] as number) + 1
  }
  return { edges, counts }
}

export interface ResidualSummary {
  readonly count: number
  /** Average residual: above 0 the model predicts too low on average (bias). */
  readonly mean: number
  readonly median: number
  /** Standard deviation (population). */
  readonly std: number
  /** 5th and 95th percentiles: nine residuals in ten lie between them. */
  readonly p5: number
  readonly p95: number
  readonly min: number
  readonly max: number
}

export function residualSummary(residuals: ArrayLike<number>): ResidualSummary {
  const sorted = Float64Array.from(residuals).sort()
  const n = sorted.length
  let mean = 0
  for (const r of sorted) mean += r
  mean /= n
  let variance = 0
  for (const r of sorted) variance += (r - mean) ** 2
  return {
    count: n,
    mean,
    median: quantile(sorted, 0.5),
    std: Math.sqrt(variance / n),
    p5: quantile(sorted, 0.05),
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[n - 1] ?? Number.NaN,
  }
}

/**
 * Positions of at most `max` of `n` points, evenly spaced: enough to show the shape of a scatter
 * without drawing tens of thousands of SVG circles.
 */
export function evenlySpaced(n: number, max: number): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i)
  return Int32Array.from({ length: max }, (_, i) => Math.floor((i * n) / max))
}

/**
 * Round axis ends and ticks around [lo, hi] (steps of 1, 2 or 5 × a power of ten), so a chart's
 * axes read 12, 12.5, 13 rather than 12.13, 12.73.
 */
export function niceTicks(lo: number, hi: number, target = 6): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return []
  if (lo === hi) return [lo - 1, lo, lo + 1]
  const raw = (hi - lo) / target
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power
  const first = Math.floor(lo / step)
  const last = Math.ceil(hi / step)
  // Multiples of the step, rounded to its precision (0.1 × 3 is 0.30000000000000004).
  const digits = Math.max(0, -Math.floor(Math.log10(step)))
  return Array.from({ length: last - first + 1 }, (_, i) =>
    Number(((first + i) * step).toFixed(digits)),
  )
}
