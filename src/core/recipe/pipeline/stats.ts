import { MISSING_CODE, type CategoricalColumn } from '../../table/table'

/**
 * Statistics steps fit on the training rows. Missing values (NaN) are left out of every one, as
 * scikit-learn's scalers and imputers do.
 */

/** The present values of `values` at `rows`, sorted ascending. */
export function sortedPresent(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length)
  let n = 0
  for (const row of rows) {
    const v = values[row] as number
    if (v === v) out[n++] = v
  }
  return out.subarray(0, n).sort()
}

/** numpy's default (linear) quantile of sorted values; NaN when there are none. */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const a = sorted[lo] as number
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number
  return a + (h - lo) * (b - a)
}

/** Mean and population standard deviation (ddof = 0) of the present values; NaN when none. */
export function meanStd(
  values: Float64Array,
  rows: Int32Array,
): { mean: number; std: number; n: number } {
  let n = 0
  let mean = 0
  let m2 = 0
  for (const row of rows) {
    const v = values[row] as number
    if (v !== v) continue
    n++
    const delta = v - mean
    mean += delta / n
    m2 += delta * (v - mean)
  }
  return n === 0 ? { mean: Number.NaN, std: Number.NaN, n } : { mean, std: Math.sqrt(m2 / n), n }
}

/** The most frequent present number; ties go to the smallest, as scikit-learn's SimpleImputer. */
export function numericMode(values: Float64Array, rows: Int32Array): number {
  const counts = new Map<number, number>()
  for (const row of rows) {
    const v = values[row] as number
    if (v === v) counts.set(v, (counts.get(v) ?? 0) + 1)
  }
  let best = Number.NaN
  let bestCount = 0
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && v < best)) {
      best = v
      bestCount = c
    }
  }
  return best
}

/** How many training rows hold each category code. */
export function codeCounts(column: CategoricalColumn, rows: Int32Array): Int32Array {
  const counts = new Int32Array(column.categories.length)
  for (const row of rows) {
    const code = column.codes[row] as number
    if (code !== MISSING_CODE) counts[code] = (counts[code] as number) + 1
  }
  return counts
}

/** The most frequent training category; ties go to the first in sort order, as scikit-learn. */
export function categoricalMode(column: CategoricalColumn, rows: Int32Array): string | null {
  const counts = codeCounts(column, rows)
  let best: string | null = null
  let bestCount = 0
  counts.forEach((c, code) => {
    const label = column.categories[code] as string
    if (c > bestCount || (c === bestCount && c > 0 && best !== null && label < best)) {
      best = label
      bestCount = c
    }
  })
  return best
}
