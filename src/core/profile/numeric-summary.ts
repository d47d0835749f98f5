import { countDistinctNumbers } from './count-distinct'
import type { Histogram, NumericSummary, TopCategories } from './profile-types'
import { binIndex, quantilesByBins, quantilesOfCounts } from './select-quantiles'
import { topCategories } from './top-categories'

/** Bins of a continuous histogram: enough to show shape, few enough to read at a glance. */
export const HISTOGRAM_BINS = 25
/** Fine bins per histogram bin, to locate quantiles: a million values leave ~500 per fine bin. */
const FINE_PER_BIN = 80
/** Whole numbers spanning at most this many values get one bar per value. */
const MAX_DISCRETE_BINS = 30

export interface NumberProfile {
  readonly present: number
  readonly distinct: number
  readonly summary?: NumericSummary
  readonly histogram?: Histogram
  readonly categories?: TopCategories
}

/**
 * Everything the profile says about a numeric column: two passes over the present values (moments,
 * then spread, skew and bins), an exact distinct count, exact quantiles by selection. `scratch`
 * (at least values.length long) is reused between columns so a million-row table allocates once.
 */
export function profileNumbers(
  values: Float64Array,
  scratch: Float64Array,
  asCategories: boolean,
): NumberProfile {
  let n = 0
  let sum = 0
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let zeros = 0
  let whole = true
  for (let i = 0; i < values.length; i++) {
    const raw = values[i] as number
    if (raw !== raw) continue
    const v = raw + 0 // −0 becomes 0, so it counts as the same distinct value
    scratch[n++] = v
    sum += v
    if (v < min) min = v
    if (v > max) max = v
    if (v === 0) zeros++
    else if (whole && v !== Math.floor(v)) whole = false
  }
  if (n === 0) return { present: 0, distinct: 0 }

  const mean = sum / n
  const discrete = whole && max - min + 1 <= MAX_DISCRETE_BINS
  // Whole numbers get whole-number bin widths, so no bin is empty only for falling between two
  // integers; other numbers get equal-width bins from min to max as numpy draws them.
  const span = max - min
  const width = discrete
    ? 1
    : span === 0
      ? 0
      : whole
        ? Math.ceil((span + 1) / HISTOGRAM_BINS)
        : span / HISTOGRAM_BINS
  const bins = discrete
    ? span + 1
    : span === 0
      ? 1
      : whole
        ? Math.floor(span / width) + 1
        : HISTOGRAM_BINS
  const counts = new Array<number>(bins).fill(0)
  // Each histogram bin splits into fine bins that locate the quantiles; a value's histogram bin
  // is its fine bin divided down, so the two always agree.
  const perBin = discrete ? 1 : FINE_PER_BIN
  const fineBins = bins * perBin
  const fineScale = width === 0 ? 0 : perBin / width
  const fineCounts = new Int32Array(fineBins)
  let sumD = 0
  let sumD2 = 0
  let sumD3 = 0
  for (let i = 0; i < n; i++) {
    const v = scratch[i] as number
    const d = v - mean
    sumD += d
    sumD2 += d * d
    sumD3 += d * d * d
    const fine = binIndex(v, min, fineScale, fineBins)
    fineCounts[fine] = (fineCounts[fine] as number) + 1
  }
  for (let f = 0; f < fineBins; f++) {
    const bin = (f / perBin) | 0
    counts[bin] = (counts[bin] as number) + (fineCounts[f] as number)
  }
  // The correction term removes the rounding error of the mean (two-pass algorithm).
  const m2 = Math.max(0, sumD2 - (sumD * sumD) / n)
  const std = n > 1 ? Math.sqrt(m2 / (n - 1)) : Number.NaN
  const skew = sampleSkew(n, m2 / n, sumD3 / n)

  const distinct = discrete
    ? counts.filter((c) => c > 0).length
    : whole && max - min < 4 * n + 1024
      ? countWholeNumbers(scratch, n, min, max)
      : countDistinctNumbers(scratch, n)
  const categories = discrete
    ? topCategories(counts, (i) => String(min + i))
    : asCategories
      ? countValues(scratch, n)
      : undefined
  // One whole number per bin: the counts alone place every rank.
  const quantiles = discrete
    ? quantilesOfCounts(fineCounts, min, n)
    : quantilesByBins(scratch, n, min, fineScale, fineCounts)
  return {
    present: n,
    distinct,
    summary: { min, max, mean, std, skew, zeros, wholeNumbers: whole, quantiles },
    histogram: { start: min, width, counts, discrete },
    ...(categories && { categories }),
  }
}

/** pandas' adjusted Fisher–Pearson skewness from the central moments. */
function sampleSkew(n: number, m2: number, m3: number): number {
  if (n < 3 || m2 <= 0) return 0
  return ((Math.sqrt(n * (n - 1)) / (n - 2)) * m3) / Math.pow(m2, 1.5)
}

/** Distinct whole numbers in a range not much wider than the row count: one bitmap pass. */
function countWholeNumbers(values: Float64Array, n: number, min: number, max: number): number {
  const seen = new Uint8Array(max - min + 1)
  let distinct = 0
  for (let i = 0; i < n; i++) {
    const slot = ((values[i] as number) - min) | 0
    if (seen[slot] === 0) {
      seen[slot] = 1
      distinct++
    }
  }
  return distinct
}

/** Counts of each value, for numbers the analyst reads as categories. */
function countValues(values: Float64Array, n: number): TopCategories {
  const counts = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const v = values[i] as number
    counts.set(v, (counts.get(v) ?? 0) + 1)
  }
  const keys = [...counts.keys()]
  return topCategories(
    keys.map((k) => counts.get(k) ?? 0),
    (i) => String(keys[i]),
  )
}
