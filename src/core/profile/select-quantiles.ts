import type { Quantiles } from './profile-types'

export const QUANTILE_LEVELS: Readonly<Record<keyof Quantiles, number>> = {
  p1: 0.01,
  p5: 0.05,
  p25: 0.25,
  p50: 0.5,
  p75: 0.75,
  p95: 0.95,
  p99: 0.99,
}

/**
 * The bin a value falls in, with `scale` = bins per unit (0 puts everything in bin 0). One
 * function, so counting and collecting never disagree; truncation by `| 0` is the fast floor
 * for the non-negative offsets it sees.
 */
export function binIndex(v: number, min: number, scale: number, bins: number): number {
  const bin = ((v - min) * scale) | 0
  return bin < bins ? bin : bins - 1
}

/**
 * Exact quantiles of the first `n` values (no NaN), numpy's default "linear" interpolation as in
 * pandas `describe`, without sorting: `counts` (fine equal-width bins from `min`, as `binIndex`
 * assigns them with `scale`) tell which bin holds each needed rank, one pass copies just those bins' values,
 * and a selection inside each small bin finishes the job. Skewed data only makes bins fuller.
 */
export function quantilesByBins(
  values: Float64Array,
  n: number,
  min: number,
  scale: number,
  counts: Int32Array,
): Quantiles {
  const bins = counts.length
  const ranks = new Set<number>()
  for (const p of Object.values(QUANTILE_LEVELS)) {
    const h = (n - 1) * p
    ranks.add(Math.floor(h))
    ranks.add(Math.min(n - 1, Math.floor(h) + 1))
  }
  // Where each bin starts in sorted order, and which bins hold a needed rank.
  const before = new Float64Array(bins + 1)
  for (let b = 0; b < bins; b++) before[b + 1] = (before[b] as number) + (counts[b] as number)
  const binOfRank = new Map<number, number>()
  for (const rank of ranks) {
    let b = 0
    while ((before[b + 1] as number) <= rank) b++
    binOfRank.set(rank, b)
  }
  const wanted = [...new Set(binOfRank.values())].sort((a, b) => a - b)
  const slotOfBin = new Int32Array(bins).fill(-1)
  const starts: number[] = []
  let total = 0
  wanted.forEach((b, slot) => {
    slotOfBin[b] = slot
    starts.push(total)
    total += counts[b] as number
  })
  const collected = new Float64Array(total)
  const fill = starts.slice()
  for (let i = 0; i < n; i++) {
    const v = values[i] as number
    const slot = slotOfBin[binIndex(v, min, scale, bins)] as number
    if (slot >= 0) collected[(fill[slot] as number)++] = v
  }
  const sortedAt = new Map<number, number>()
  wanted.forEach((b, slot) => {
    const start = starts[slot] as number
    const inBin = [...ranks]
      .filter((r) => binOfRank.get(r) === b)
      .map((r) => start + r - (before[b] as number))
      .sort((x, y) => x - y)
    multiSelect(collected, start, start + (counts[b] as number) - 1, inBin, 0, inBin.length - 1)
    for (const at of inBin)
      sortedAt.set(at - start + (before[b] as number), collected[at] as number)
  })
  return linearQuantiles(n, (rank) => sortedAt.get(rank) ?? Number.NaN)
}

/** Quantiles of whole numbers min, min + 1, … given how often each occurs. */
export function quantilesOfCounts(counts: Int32Array, min: number, n: number): Quantiles {
  const valueAt = (rank: number): number => {
    let seen = 0
    for (let b = 0; b < counts.length; b++) {
      seen += counts[b] as number
      if (rank < seen) return min + b
    }
    return min + counts.length - 1
  }
  return linearQuantiles(n, valueAt)
}

/** numpy's default (linear) quantiles of n sorted values, each read through valueAt(rank). */
function linearQuantiles(n: number, valueAt: (rank: number) => number): Quantiles {
  const at = (p: number): number => {
    const h = (n - 1) * p
    const lo = Math.floor(h)
    const a = valueAt(lo)
    return a + (h - lo) * (valueAt(Math.min(n - 1, lo + 1)) - a)
  }
  return {
    p1: at(QUANTILE_LEVELS.p1),
    p5: at(QUANTILE_LEVELS.p5),
    p25: at(QUANTILE_LEVELS.p25),
    p50: at(QUANTILE_LEVELS.p50),
    p75: at(QUANTILE_LEVELS.p75),
    p95: at(QUANTILE_LEVELS.p95),
    p99: at(QUANTILE_LEVELS.p99),
  }
}

/** Puts every rank in ranks[lo..hi] at its sorted position, each search inside its own part. */
function multiSelect(
  a: Float64Array,
  left: number,
  right: number,
  ranks: readonly number[],
  lo: number,
  hi: number,
): void {
  if (lo > hi || left >= right) return
  const middle = (lo + hi) >> 1
  const k = ranks[middle] as number
  select(a, left, right, k)
  multiSelect(a, left, k - 1, ranks, lo, middle - 1)
  multiSelect(a, k + 1, right, ranks, middle + 1, hi)
}

/** Wirth's selection with a median-of-three pivot: a[k] ends where sorting would put it. */
function select(a: Float64Array, left: number, right: number, k: number): void {
  let l = left
  let r = right
  while (r > l) {
    const x = a[l] as number
    const y = a[(l + r) >> 1] as number
    const z = a[r] as number
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y
    let i = l
    let j = r
    while (i <= j) {
      while ((a[i] as number) < pivot) i++
      while ((a[j] as number) > pivot) j--
      if (i <= j) {
        const t = a[i] as number
        a[i] = a[j] as number
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) r = j
    else if (k >= i) l = i
    else return
  }
}
