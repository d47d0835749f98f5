import { quantileOfSorted } from '../pipeline/stats'

/** The shape of a numeric column, from its present values: what the proposal judges it by. */
export interface NumericProfile {
  readonly present: number
  readonly distinct: number
  readonly min: number
  readonly max: number
  readonly q1: number
  readonly median: number
  readonly q3: number
  readonly p99: number
  readonly mean: number
  /** Population standard deviation. */
  readonly std: number
  /** Fisher–Pearson skewness (scipy.stats.skew's default, unadjusted); 0 for a constant. */
  readonly skew: number
  /** The same skewness after log(1 + x); NaN when a value is below 0. */
  readonly log1pSkew: number
  /** Values outside [q1 − 3·IQR, q3 + 3·IQR] ("far out", Tukey's outer fences). */
  readonly farOut: number
  /** How many IQRs the farthest value lies beyond its quartile; 0 when the IQR is 0. */
  readonly farthestIqrs: number
}

function skewness(values: Float64Array, map: (v: number) => number): number {
  let mean = 0
  for (const v of values) mean += map(v)
  mean /= values.length
  let m2 = 0
  let m3 = 0
  for (const v of values) {
    const d = map(v) - mean
    m2 += d * d
    m3 += d * d * d
  }
  m2 /= values.length
  m3 /= values.length
  return m2 > 0 ? m3 / m2 ** 1.5 : 0
}

/** Quantiles and moments of longer columns come from this many values, evenly spread. */
const SAMPLE = 200_000

/**
 * The profile of a numeric column. Beyond SAMPLE values, quantiles and moments are estimated
 * from an evenly spaced sample (they move little), while the present and far-out counts the
 * reasons quote are counted over every value.
 */
export function numericProfile(values: Float64Array): NumericProfile | null {
  const step = Math.max(1, Math.ceil(values.length / SAMPLE))
  const picked = new Float64Array(Math.ceil(values.length / step))
  let n = 0
  let present = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    if (v !== v) continue
    if (present++ % step === 0) picked[n++] = v
  }
  const sorted = picked.subarray(0, n).sort()
  if (n === 0) return null
  let distinct = 1
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++
  const q1 = quantileOfSorted(sorted, 0.25)
  const q3 = quantileOfSorted(sorted, 0.75)
  const iqr = q3 - q1
  const min = sorted[0] as number
  const max = sorted[n - 1] as number
  let mean = 0
  for (const v of sorted) mean += v
  mean /= n
  let m2 = 0
  for (const v of sorted) m2 += (v - mean) ** 2
  let farOut = 0
  let low = min
  let high = max
  for (const v of values) {
    if (v !== v) continue
    if (v < low) low = v
    if (v > high) high = v
    if (iqr > 0 && (v < q1 - 3 * iqr || v > q3 + 3 * iqr)) farOut++
  }
  return {
    present,
    distinct,
    min: low,
    max: high,
    q1,
    median: quantileOfSorted(sorted, 0.5),
    q3,
    p99: quantileOfSorted(sorted, 0.99),
    mean,
    std: Math.sqrt(m2 / n),
    skew: skewness(sorted, (v) => v),
    log1pSkew: low < 0 ? Number.NaN : skewness(sorted, Math.log1p),
    farOut,
    farthestIqrs: iqr > 0 ? Math.max(high - q3, q1 - low) / iqr : 0,
  }
}
