// A seeded synthetic loan book built straight into columns (no CSV): 1,000,000 rows × 20 columns
// by default, the size issue 4 asks Prepare to handle. 11 numeric inputs (four with about 5 %
// missing, two heavy-tailed for log1p), 8 categorical inputs of 10 to 50 levels (one with
// missing), and a binary target "defaulted" (no/yes, about 8 % yes).
import { createRng } from '../../src/core/random'
import type { CategoricalColumn, Column, NumericColumn, Table } from '../../src/core/table/table'

export const TARGET = 'defaulted'

/** Heavy-tailed amounts: the bench's recipe takes log1p of these before scaling. */
export const SKEWED = ['amount', 'income']

const NUMERIC: readonly { name: string; missing: number; draw: (r: () => number) => number }[] = [
  { name: 'amount', missing: 0, draw: (r) => Math.exp(7 + r() * 5) },
  { name: 'income', missing: 0.05, draw: (r) => Math.exp(9 + r() * 4) },
  { name: 'rate', missing: 0, draw: (r) => 2 + r() * 20 },
  { name: 'debt_ratio', missing: 0.05, draw: (r) => r() },
  { name: 'utilisation', missing: 0, draw: (r) => r() },
  { name: 'balance', missing: 0.05, draw: (r) => r() * 160000 },
  { name: 'score_a', missing: 0, draw: (r) => 300 + r() * 550 },
  { name: 'score_b', missing: 0.05, draw: (r) => r() * 10 - 5 },
  { name: 'age', missing: 0, draw: (r) => 18 + Math.floor(r() * 60) },
  { name: 'open_accounts', missing: 0, draw: (r) => Math.floor(r() * 30) },
  { name: 'row_number', missing: 0, draw: () => 0 },
]

/** The numeric column the recipe drops (a row number: no signal, as an analyst would drop it). */
export const DROPPED = 'row_number'

const CATEGORICAL: readonly { name: string; levels: number; missing: number }[] = [
  { name: 'region', levels: 10, missing: 0 },
  { name: 'segment', levels: 12, missing: 0 },
  { name: 'grade', levels: 15, missing: 0 },
  { name: 'purpose', levels: 20, missing: 0.02 },
  { name: 'branch', levels: 30, missing: 0 },
  { name: 'channel', levels: 18, missing: 0 },
  { name: 'product', levels: 40, missing: 0 },
  { name: 'employer_sector', levels: 50, missing: 0 },
]

function numeric(spec: (typeof NUMERIC)[number], rows: number, r: () => number): NumericColumn {
  const values = new Float64Array(rows)
  for (let i = 0; i < rows; i++)
    values[i] = spec.name === 'row_number' ? i + 1 : r() < spec.missing ? Number.NaN : spec.draw(r)
  return { name: spec.name, kind: 'numeric', values }
}

function categorical(
  spec: (typeof CATEGORICAL)[number],
  rows: number,
  r: () => number,
): CategoricalColumn {
  const categories = Array.from({ length: spec.levels }, (_, k) => `${spec.name}-${k + 1}`)
  const codes = new Int32Array(rows)
  // Skewed level frequencies (square of a uniform), as real category counts are.
  for (let i = 0; i < rows; i++)
    codes[i] = r() < spec.missing ? -1 : Math.floor(r() * r() * spec.levels)
  return { name: spec.name, kind: 'categorical', codes, categories }
}

export function syntheticTable(rows = 1_000_000, seed = 20240601): Table {
  const r = createRng(seed)
  const columns: Column[] = [
    ...NUMERIC.map((spec) => numeric(spec, rows, r)),
    ...CATEGORICAL.map((spec) => categorical(spec, rows, r)),
  ]
  const codes = new Int32Array(rows)
  for (let i = 0; i < rows; i++) codes[i] = r() < 0.08 ? 1 : 0
  columns.push({ name: TARGET, kind: 'categorical', codes, categories: ['no', 'yes'] })
  return { columns, rowCount: rows }
}
