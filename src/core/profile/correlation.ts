import type { ColumnType } from '../table/column-type'
import type { NumericColumn, Table } from '../table/table'
import type { ColumnProfile, CorrelationMatrix } from './profile-types'

const CORRELATED_TYPES: ReadonlySet<ColumnType> = new Set(['numeric', 'integer'])
/**
 * Row × pair products computed exactly; beyond this, r comes from a stratified sample of rows
 * (20 numeric columns of a million rows: about 52,000 rows, r within about ±0.01).
 */
export const EXACT_BUDGET = 10_000_000
/** Wider tables correlate their first this-many columns (the heatmap shows 30 at most). */
export const MAX_CORRELATED_COLUMNS = 100

/** Columns worth correlating: stored as numbers, read as quantities, and not constant. */
export function correlationColumns(columns: readonly ColumnProfile[]): number[] {
  const chosen: number[] = []
  columns.forEach((c, i) => {
    if (c.storage === 'numeric' && CORRELATED_TYPES.has(c.type) && c.numeric && c.numeric.std > 0)
      chosen.push(i)
  })
  return chosen
}

/**
 * Pearson r of every pair of the chosen columns over the rows where both are present (pandas
 * `corr()`), sums shifted by the column means so rounding stays small. `known` returns a value
 * from an earlier profile to reuse.
 */
export function correlationMatrix(
  table: Table,
  profiles: readonly ColumnProfile[],
  eligible: readonly number[],
  known: (a: string, b: string) => number | undefined = () => undefined,
): CorrelationMatrix {
  const omitted = Math.max(0, eligible.length - MAX_CORRELATED_COLUMNS)
  const chosen = eligible.slice(0, MAX_CORRELATED_COLUMNS)
  const k = chosen.length
  const pairs = (k * (k - 1)) / 2
  const sampleSize = Math.max(1000, Math.floor(EXACT_BUDGET / Math.max(1, pairs)))
  const rows = sampleSize < table.rowCount ? sampleRows(table.rowCount, sampleSize) : null
  const names = chosen.map((i) => (profiles[i] as ColumnProfile).name)
  const means = chosen.map((i) => (profiles[i] as ColumnProfile).numeric?.mean ?? 0)
  const series: (Float64Array | null)[] = new Array<Float64Array | null>(k).fill(null)
  const seriesOf = (a: number): Float64Array => {
    const values = (table.columns[chosen[a] as number] as NumericColumn).values
    series[a] ??= rows ? gather(values, rows) : values
    return series[a]
  }
  const values = new Array<number>(k * k).fill(Number.NaN)
  for (let a = 0; a < k; a++) {
    values[a * k + a] = 1
    for (let b = a + 1; b < k; b++) {
      const r =
        known(names[a] as string, names[b] as string) ??
        pearson(seriesOf(a), seriesOf(b), means[a] as number, means[b] as number)
      values[a * k + b] = r
      values[b * k + a] = r
    }
  }
  return {
    columns: names,
    values,
    ...(rows && { sampleRows: rows.length }),
    ...(omitted > 0 && { omittedColumns: omitted }),
  }
}

function pearson(xs: Float64Array, ys: Float64Array, mx: number, my: number): number {
  let n = 0
  let sx = 0
  let sy = 0
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx
    const dy = (ys[i] as number) - my
    if (dx !== dx || dy !== dy) continue
    n++
    sx += dx
    sy += dy
    sxx += dx * dx
    syy += dy * dy
    sxy += dx * dy
  }
  if (n < 2) return Number.NaN
  const cxx = sxx - (sx * sx) / n
  const cyy = syy - (sy * sy) / n
  const cxy = sxy - (sx * sy) / n
  return cxx > 0 && cyy > 0 ? Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy))) : Number.NaN
}

/** One row drawn from each of m equal strata, the draw seeded so a profile is repeatable. */
function sampleRows(rowCount: number, m: number): Int32Array {
  const stride = rowCount / m
  const rows = new Int32Array(m)
  let seed = 0x2545f491
  for (let i = 0; i < m; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
    rows[i] = Math.min(rowCount - 1, Math.floor((i + seed / 2 ** 32) * stride))
  }
  return rows
}

function gather(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] as number] as number
  return out
}

/** r of a pair in the matrix, or undefined when either column is not in it. */
export function lookupCorrelation(
  matrix: CorrelationMatrix,
  a: string,
  b: string,
): number | undefined {
  const i = matrix.columns.indexOf(a)
  const j = matrix.columns.indexOf(b)
  if (i < 0 || j < 0) return undefined
  return matrix.values[i * matrix.columns.length + j]
}
