import { MISSING_CODE, type Column } from '../../table/table'

/**
 * Test rows put into the groups of one column: a category each for a categorical column (and for
 * a numeric one with few distinct values, such as a 0/1 flag), bands for other numeric columns.
 */
export type Banding =
  | { readonly kind: 'quantile'; readonly count: number }
  | { readonly kind: 'width'; readonly width: number }

export interface Grouping {
  /** Group labels in display order ("Missing" last when there are missing cells). */
  readonly labels: readonly string[]
  /** The group index of each test row. */
  readonly group: Int32Array
  /** Band edges for numeric bands (shown to the analyst), empty for categories. */
  readonly edges: readonly number[]
  /** How the groups were made, in words. */
  readonly description: string
}

/** Numeric columns with at most this many distinct values are grouped by value, not banded. */
export const MAX_VALUE_GROUPS = 8

export const MISSING_GROUP = 'Missing'

export function groupRows(column: Column, rows: ArrayLike<number>, banding: Banding): Grouping {
  if (column.kind === 'categorical') {
    const codes = Int32Array.from(rows, (r) => column.codes[r] ?? MISSING_CODE)
    return byValue(
      codes,
      (c) => column.categories[c] ?? String(c),
      `each category of ${column.name}`,
    )
  }
  const values = Float64Array.from(rows, (r) => column.values[r] ?? NaN)
  const distinct = new Set(values.filter((v) => !Number.isNaN(v)))
  if (distinct.size <= MAX_VALUE_GROUPS) {
    const sorted = [...distinct].sort((a, b) => a - b)
    const index = new Map(sorted.map((v, i) => [v, i]))
    const codes = Int32Array.from(values, (v) => index.get(v) ?? MISSING_CODE)
    return byValue(codes, (c) => `${column.name} = ${formatEdge(sorted[c] ?? NaN)}`, 'each value')
  }
  const present = values.filter((v) => !Number.isNaN(v)).sort()
  const integers = present.every(Number.isInteger)
  if (banding.kind === 'quantile') {
    const edges = quantileEdges(present, banding.count)
    const codes = Int32Array.from(values, (v) =>
      Number.isNaN(v) ? MISSING_CODE : rightClosedBin(edges, v),
    )
    const labels = edges.slice(1).map((hi, i) => {
      const lo = edges[i] ?? hi
      if (i === 0) return `${formatEdge(lo)} to ${formatEdge(hi)}`
      return integers && Number.isInteger(lo)
        ? `${formatEdge(lo + 1)} to ${formatEdge(hi)}`
        : `over ${formatEdge(lo)} to ${formatEdge(hi)}`
    })
    return withMissing(
      codes,
      labels,
      edges,
      `${edges.length - 1} bands of about equal size (quantiles of the test rows)`,
    )
  }
  const edges = widthEdges(present, banding.width)
  const codes = Int32Array.from(values, (v) =>
    Number.isNaN(v) ? MISSING_CODE : leftClosedBin(edges, v),
  )
  const labels = edges.slice(1).map((hi, i) => {
    const lo = edges[i] ?? hi
    return integers && Number.isInteger(banding.width)
      ? `${formatEdge(lo)} to ${formatEdge(hi - 1)}`
      : `${formatEdge(lo)} to under ${formatEdge(hi)}`
  })
  return withMissing(codes, labels, edges, `bands ${formatEdge(banding.width)} wide`)
}

/** numpy's default (linear) quantiles at 0, 1/q, …, 1, duplicates dropped (pandas qcut). */
export function quantileEdges(sorted: ArrayLike<number>, count: number): number[] {
  const n = sorted.length
  const edges: number[] = []
  for (let k = 0; k <= count; k++) {
    const position = ((n - 1) * k) / count
    const below = Math.floor(position)
    const lo = sorted[below] ?? NaN
    const hi = sorted[Math.min(below + 1, n - 1)] ?? lo
    const edge = lo + (hi - lo) * (position - below)
    if (edges.at(-1) !== edge) edges.push(edge)
  }
  return edges
}

/** Round-number edges: multiples of `width` from below the smallest value past the largest. */
export function widthEdges(sorted: ArrayLike<number>, width: number): number[] {
  if (!(width > 0)) throw new Error('A band width must be a positive number.')
  const first = Math.floor((sorted[0] ?? 0) / width) * width
  const last = sorted[sorted.length - 1] ?? first
  const edges = [first]
  while ((edges.at(-1) ?? last) <= last) edges.push(first + edges.length * width)
  return edges
}

/** A round band width giving six to ten bands over the values (10 years for ages). */
export function niceWidth(sorted: ArrayLike<number>): number {
  const span = (sorted[sorted.length - 1] ?? 1) - (sorted[0] ?? 0)
  const raw = span / 8 || 1
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10
  return step * power
}

/** (lo, hi] bands, the first one closed on both sides (pandas qcut's include_lowest). */
function rightClosedBin(edges: readonly number[], v: number): number {
  for (let b = 1; b < edges.length; b++) if (v <= (edges[b] as number)) return b - 1
  return edges.length - 2
}

/** [lo, hi) bands (pandas cut with right=False). */
function leftClosedBin(edges: readonly number[], v: number): number {
  for (let b = 1; b < edges.length; b++) if (v < (edges[b] as number)) return b - 1
  return edges.length - 2
}

function byValue(
  codes: Int32Array,
  label: (code: number) => string,
  description: string,
): Grouping {
  const used = [...new Set(codes)].filter((c) => c !== MISSING_CODE).sort((a, b) => a - b)
  const labels = used.map(label).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  const index = new Map(used.map((c) => [c, labels.indexOf(label(c))]))
  const group = Int32Array.from(codes, (c) => index.get(c) ?? MISSING_CODE)
  return withMissing(group, labels, [], description)
}

function withMissing(
  group: Int32Array,
  labels: string[],
  edges: number[],
  description: string,
): Grouping {
  if (!group.includes(MISSING_CODE)) return { labels, group, edges, description }
  const missing = labels.length
  return {
    labels: [...labels, MISSING_GROUP],
    group: group.map((g) => (g === MISSING_CODE ? missing : g)),
    edges,
    description,
  }
}

function formatEdge(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)))
}
