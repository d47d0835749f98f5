/**
 * Row orders for the data grid: an argsort of one column, returned as a Uint32Array of row
 * indices so a million-row table is reordered without building a single row object.
 *
 * Every order is stable (equal values keep file order, in both directions) and puts missing
 * cells last in both directions, so sorting never hides real values behind blanks.
 */
import { MISSING_CODE, type Column } from './table'

export type SortDirection = 'ascending' | 'descending'

export function sortRows(column: Column, direction: SortDirection): Uint32Array {
  return column.kind === 'numeric'
    ? sortNumericRows(column.values, direction)
    : sortCategoricalRows(column.codes, column.categories, direction)
}

// 64-bit keys in six digits of 11, 11 and 10 bits per 32-bit half: 2,048-entry histograms stay in
// the L1 cache, which measured faster than four 16-bit passes and 3-4x faster than a comparator
// sort (1M doubles: ~120 ms against ~460 ms in Node on the dev machine).
const DIGITS = [
  { high: false, shift: 0, bits: 11 },
  { high: false, shift: 11, bits: 11 },
  { high: false, shift: 22, bits: 10 },
  { high: true, shift: 0, bits: 11 },
  { high: true, shift: 11, bits: 11 },
  { high: true, shift: 22, bits: 10 },
] as const
const BUCKETS = 2048

/**
 * Numbers by value with an LSD radix sort on the IEEE-754 bits turned into unsigned keys that
 * order like the numbers (flip all bits of negatives, the sign bit of positives); -0 sorts as 0.
 */
export function sortNumericRows(values: Float64Array, direction: SortDirection): Uint32Array {
  const n = values.length
  let present = 0
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) present++

  const order = new Uint32Array(n)
  let high = new Uint32Array(present)
  let low = new Uint32Array(present)
  let rows = new Uint32Array(present)
  const histograms = new Uint32Array(DIGITS.length * BUCKETS)
  const scratch = new Float64Array(1)
  const bits = new Uint32Array(scratch.buffer)
  // Descending is the ascending key with every bit flipped: the sort stays stable, so ties keep
  // file order instead of coming out reversed.
  const flip = direction === 'descending' ? 0xffffffff : 0
  let next = 0
  let missing = present
  for (let i = 0; i < n; i++) {
    const value = values[i] as number
    if (Number.isNaN(value)) {
      order[missing++] = i
      continue
    }
    scratch[0] = value === 0 ? 0 : value
    let h = bits[1] as number
    let l = bits[0] as number
    if (h & 0x80000000) {
      h = ~h
      l = ~l
    } else {
      h = h | 0x80000000
    }
    h = (h ^ flip) >>> 0
    l = (l ^ flip) >>> 0
    high[next] = h
    low[next] = l
    rows[next] = i
    next++
    // One histogram per digit, all counted in this single read of the column.
    count(histograms, l & 2047)
    count(histograms, BUCKETS + ((l >>> 11) & 2047))
    count(histograms, 2 * BUCKETS + (l >>> 22))
    count(histograms, 3 * BUCKETS + (h & 2047))
    count(histograms, 4 * BUCKETS + ((h >>> 11) & 2047))
    count(histograms, 5 * BUCKETS + (h >>> 22))
  }

  let high2 = new Uint32Array(present)
  let low2 = new Uint32Array(present)
  let rows2 = new Uint32Array(present)
  for (let d = 0; d < DIGITS.length; d++) {
    const digit = DIGITS[d] as (typeof DIGITS)[number]
    const base = d * BUCKETS
    if (allInOneBucket(histograms, base, present)) continue
    let sum = 0
    for (let b = 0; b < BUCKETS; b++) {
      const count = histograms[base + b] as number
      histograms[base + b] = sum
      sum += count
    }
    const keys = digit.high ? high : low
    const mask = (1 << digit.bits) - 1
    // Once the sort reaches the high half, the low half is no longer read: stop carrying it.
    const carryLow = !digit.high
    for (let i = 0; i < present; i++) {
      const bucket = base + (((keys[i] as number) >>> digit.shift) & mask)
      const to = histograms[bucket] as number
      histograms[bucket] = to + 1
      high2[to] = high[i] as number
      if (carryLow) low2[to] = low[i] as number
      rows2[to] = rows[i] as number
    }
    ;[high, high2] = [high2, high]
    if (carryLow) [low, low2] = [low2, low]
    ;[rows, rows2] = [rows2, rows]
  }
  order.set(rows, 0)
  return order
}

function count(histograms: Uint32Array, bucket: number): void {
  histograms[bucket] = (histograms[bucket] as number) + 1
}

/** A pass where every key has the same digit would copy the arrays unchanged: skip it. */
function allInOneBucket(histograms: Uint32Array, base: number, total: number): boolean {
  for (let b = 0; b < BUCKETS; b++) {
    const count = histograms[base + b] as number
    if (count === total) return true
    if (count > 0) return false
  }
  return true
}

// Up to this many categories are ordered with a natural, locale-aware collation ("A2" before
// "A10", "é" beside "e"); beyond it (identifiers, free text) a plain code-unit comparison, which
// sorts a million distinct strings ~3x faster (about 1 s against 3.5 s in Node).
const COLLATED_CATEGORIES = 50_000
const collator = new Intl.Collator('en', { numeric: true })

/** The position of each category in text order: ranks[code] = place of that category. */
export function categoryRanks(categories: readonly string[]): Uint32Array {
  const byText = Array.from(categories.keys())
  const compare =
    categories.length <= COLLATED_CATEGORIES
      ? (a: string, b: string) => collator.compare(a, b)
      : (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  byText.sort((a, b) => compare(categories[a] as string, categories[b] as string) || a - b)
  const ranks = new Uint32Array(categories.length)
  byText.forEach((code, place) => (ranks[code] = place))
  return ranks
}

/** Categories by text order: rank each category once, then one counting sort over the rows. */
export function sortCategoricalRows(
  codes: Int32Array,
  categories: readonly string[],
  direction: SortDirection,
): Uint32Array {
  return sortCodesByRank(codes, categoryRanks(categories), direction)
}

/**
 * A stable counting sort of category codes by precomputed ranks (from categoryRanks), O(rows +
 * categories): the ranks can be kept, so sorting the other way skips comparing strings.
 */
export function sortCodesByRank(
  codes: Int32Array,
  ranks: Uint32Array,
  direction: SortDirection,
): Uint32Array {
  const k = ranks.length
  const descending = direction === 'descending'
  // Bucket k holds the missing cells, after every category in either direction.
  const bucketOf = (code: number) =>
    code === MISSING_CODE
      ? k
      : descending
        ? k - 1 - (ranks[code] as number)
        : (ranks[code] as number)
  const starts = new Uint32Array(k + 1)
  for (const code of codes) {
    const bucket = bucketOf(code)
    starts[bucket] = (starts[bucket] as number) + 1
  }
  let sum = 0
  for (let b = 0; b <= k; b++) {
    const count = starts[b] as number
    starts[b] = sum
    sum += count
  }
  const order = new Uint32Array(codes.length)
  for (let i = 0; i < codes.length; i++) {
    const bucket = bucketOf(codes[i] as number)
    const to = starts[bucket] as number
    starts[bucket] = to + 1
    order[to] = i
  }
  return order
}
