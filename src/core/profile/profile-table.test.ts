import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ColumnTypeInfo, ColumnType } from '../table/column-type'
import { parseFile } from '../table/parse-file'
import type { Column, Table } from '../table/table'
import { EXACT_BUDGET } from './correlation'
import { profileTable, reprofileAfterOverride } from './profile-table'
import type { ColumnProfile, TableProfile } from './profile-types'

// Expected figures below were computed independently with numpy 2.4 on the same CSV:
// x.mean(), x.std(ddof=1), np.quantile(x, q) (linear), np.histogram(x, bins=25), np.corrcoef,
// and pandas' adjusted skewness √(n(n−1))/(n−2)·m3/m2^1.5.
const creditCard = (
  await parseFile(new Blob([readFileSync('public/datasets/CreditCard.csv')]), 'CreditCard.csv')
).table

function typesOf(table: Table, overrides: Record<string, ColumnType> = {}): ColumnTypeInfo[] {
  return table.columns.map((c) => ({
    type: overrides[c.name] ?? (c.kind === 'numeric' ? 'numeric' : 'categorical'),
    reason: 'test',
  }))
}

function columnOf(profile: TableProfile, name: string): ColumnProfile {
  const column = profile.columns.find((c) => c.name === name)
  if (!column) throw new Error(`no column ${name}`)
  return column
}

function numbers(name: string, values: number[]): Column {
  return { name, kind: 'numeric', values: Float64Array.from(values) }
}

function labels(name: string, values: (string | null)[]): Column {
  const categories = [...new Set(values.filter((v): v is string => v !== null))]
  return {
    name,
    kind: 'categorical',
    categories,
    codes: Int32Array.from(values, (v) => (v === null ? -1 : categories.indexOf(v))),
  }
}

function tableOf(...columns: Column[]): Table {
  const first = columns[0]
  const rowCount = !first ? 0 : first.kind === 'numeric' ? first.values.length : first.codes.length
  return { columns, rowCount }
}

describe('profileTable on the credit card sample', () => {
  const profile = profileTable(creditCard, typesOf(creditCard))

  it('counts rows, duplicates and missing cells', () => {
    expect(profile.rowCount).toBe(1319)
    expect(profile.duplicateRows).toBe(0)
    expect(profile.missingCells).toBe(0)
  })

  it('matches numpy for the moments and quantiles of income (sample std, pandas skew)', () => {
    const income = columnOf(profile, 'income')
    expect(income.distinct).toBe(431)
    const s = income.numeric
    expect(s?.min).toBe(0.21)
    expect(s?.max).toBe(13.5)
    expect(s?.mean).toBeCloseTo(3.3653760424564068, 12)
    expect(s?.std).toBeCloseTo(1.6939017383269124, 12)
    expect(s?.skew).toBeCloseTo(1.92808521509095, 10)
    expect(s?.quantiles).toEqual({
      p1: expect.closeTo(1.5, 12) as number,
      p5: expect.closeTo(1.63093, 12) as number,
      p25: expect.closeTo(2.24375, 12) as number,
      p50: expect.closeTo(2.9, 12) as number,
      p75: expect.closeTo(4.0, 12) as number,
      p95: expect.closeTo(6.9, 12) as number,
      p99: expect.closeTo(9.9999, 12) as number,
    })
    expect(income.histogram?.counts).toEqual([
      2, 2, 136, 230, 278, 184, 149, 88, 62, 67, 26, 16, 29, 11, 10, 3, 5, 1, 13, 2, 2, 0, 1, 1, 1,
    ])
  })

  it('matches numpy for a skewed column with interpolated quantiles (share, age)', () => {
    const share = columnOf(profile, 'share').numeric
    expect(share?.quantiles.p75).toBeCloseTo(0.09361682499999999, 14)
    expect(share?.quantiles.p99).toBeCloseTo(0.4505658579999981, 12)
    expect(share?.skew).toBeCloseTo(3.1676060202031366, 10)
    const age = columnOf(profile, 'age')
    expect(age.numeric?.quantiles.p99).toBeCloseTo(62.84166939999998, 10)
    expect(age.distinct).toBe(418)
    expect(age.histogram?.counts).toEqual([
      7, 0, 0, 0, 0, 24, 157, 233, 179, 165, 134, 121, 102, 64, 49, 28, 21, 13, 12, 4, 2, 1, 1, 1,
      1,
    ])
  })

  it('gives whole-number columns with a short range one bar per value', () => {
    const reports = columnOf(profile, 'reports')
    expect(reports.histogram?.discrete).toBe(true)
    expect(reports.histogram?.start).toBe(0)
    // np.unique(reports, return_counts=True), with zeros for 8, 13 (values 0…14).
    expect(reports.histogram?.counts).toEqual([
      1060, 137, 50, 24, 17, 11, 5, 6, 0, 2, 1, 4, 1, 0, 1,
    ])
    expect(reports.categories?.top[0]).toEqual({ label: '0', count: 1060 })
  })

  it('bins wider whole-number ranges by whole numbers, so no bar is empty between integers', () => {
    const months = Array.from({ length: 69 }, (_, i) => 4 + i) // 4 … 72, once each
    const table = tableOf(
      numbers('months', months),
      labels(
        'k',
        months.map(() => 'k'),
      ),
    )
    const histogram = columnOf(profileTable(table, typesOf(table)), 'months').histogram
    expect(histogram).toEqual({
      start: 4,
      width: 3,
      counts: new Array(23).fill(3),
      discrete: false,
    })
  })

  it('counts categories, most frequent first', () => {
    const card = columnOf(profile, 'card')
    expect(card.categories?.top).toEqual([
      { label: 'yes', count: 1023 },
      { label: 'no', count: 296 },
    ])
    expect(card.meanLength).toBeCloseTo((1023 * 3 + 296 * 2) / 1319, 12)
    expect(columnOf(profile, 'owner').categories?.top[0]).toEqual({ label: 'no', count: 738 })
  })

  it('matches numpy corrcoef for numeric pairs', () => {
    const { columns, values } = profile.correlation
    const r = (a: string, b: string) =>
      values[columns.indexOf(a) * columns.length + columns.indexOf(b)]
    expect(r('income', 'age')).toBeCloseTo(0.3246532, 6)
    expect(r('share', 'expenditure')).toBeCloseTo(0.83877932, 6)
    expect(r('age', 'share')).toBeCloseTo(-0.11569704, 6)
    expect(r('age', 'age')).toBe(1)
    expect(profile.correlation.sampleRows).toBeUndefined()
  })

  it('warns that expenditure and share are skewed, and no column is an identifier', () => {
    const skewed = profile.warnings.filter((w) => w.kind === 'skew').map((w) => w.columns[0])
    expect(skewed).toEqual(expect.arrayContaining(['share', 'expenditure', 'reports']))
    expect(profile.warnings.some((w) => w.kind === 'identifier')).toBe(false)
  })
})

describe('profileTable on small hand-checked tables', () => {
  it('counts exact duplicate rows, missing equal to missing, never by hash alone', () => {
    const table = tableOf(
      numbers('a', [1, 1, Number.NaN, Number.NaN, 2, 1, -0, 0]),
      labels('b', ['x', 'x', null, null, 'x', 'y', 'z', 'z']),
    )
    // Row 1 repeats row 0, row 3 repeats row 2, row 7 repeats row 6 (−0 and 0 are equal).
    expect(profileTable(table, typesOf(table)).duplicateRows).toBe(3)
  })

  it('finds no duplicates when a column differs in every row, and still counts them otherwise', () => {
    const repeated = labels('b', ['x', 'x', 'x', 'x'])
    const withId = tableOf(numbers('id', [1, 2, 3, 4]), repeated)
    expect(profileTable(withId, typesOf(withId)).duplicateRows).toBe(0)
    // An id with a gap (missing) proves nothing: rows 2 and 3 are equal.
    const gappy = tableOf(numbers('id', [1, 2, Number.NaN, Number.NaN]), repeated)
    expect(profileTable(gappy, typesOf(gappy)).duplicateRows).toBe(1)
  })

  it('leaves missing values out of every statistic and counts them', () => {
    const table = tableOf(
      numbers('x', [4, Number.NaN, 1, 3, Number.NaN, 2]),
      labels('y', ['a', null, 'b', 'a', 'a', null]),
    )
    const profile = profileTable(table, typesOf(table))
    const x = columnOf(profile, 'x')
    expect(x.missing).toBe(2)
    expect(x.distinct).toBe(4)
    expect(x.numeric?.mean).toBe(2.5)
    expect(x.numeric?.std).toBeCloseTo(Math.sqrt(5 / 3), 14) // sample std of 1, 2, 3, 4
    expect(x.numeric?.quantiles.p25).toBeCloseTo(1.75, 14) // numpy: np.quantile([1,2,3,4], .25)
    expect(x.histogram?.counts.reduce((a, b) => a + b, 0)).toBe(4)
    expect(columnOf(profile, 'y')).toMatchObject({ missing: 2, distinct: 2 })
    expect(profile.missingCells).toBe(4)
  })

  it('profiles an all-missing column and a table without rows without failing', () => {
    const table = tableOf(numbers('gap', [Number.NaN, Number.NaN]), labels('k', [null, 'a']))
    const profile = profileTable(table, typesOf(table))
    expect(columnOf(profile, 'gap')).toMatchObject({ missing: 2, distinct: 0 })
    expect(columnOf(profile, 'gap').numeric).toBeUndefined()
    expect(profile.warnings.find((w) => w.columns[0] === 'gap')?.message).toBe(
      '"gap" is empty: every value is missing.',
    )
    const empty = tableOf(numbers('a', []), labels('b', []))
    expect(profileTable(empty, typesOf(empty))).toMatchObject({ rowCount: 0, duplicateRows: 0 })
  })

  it('quantiles stay exact when one outlier crowds every value into the first bin', () => {
    let seed = 7
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32
    const values = Array.from({ length: 5000 }, () => Math.round(random() * 1000) / 10)
    values.push(1e9)
    const table = tableOf(
      numbers('x', values),
      labels(
        'k',
        values.map(() => 'k'),
      ),
    )
    const q = columnOf(profileTable(table, typesOf(table)), 'x').numeric?.quantiles
    const sorted = [...values].sort((a, b) => a - b)
    const linear = (p: number) => {
      const h = (sorted.length - 1) * p
      const lo = Math.floor(h)
      return (
        (sorted[lo] as number) + (h - lo) * ((sorted[lo + 1] as number) - (sorted[lo] as number))
      )
    }
    expect(q?.p5).toBeCloseTo(linear(0.05), 12)
    expect(q?.p50).toBeCloseTo(linear(0.5), 12)
    expect(q?.p99).toBeCloseTo(linear(0.99), 12)
  })

  it('warns about identifiers, constants, many categories and heavy missingness', () => {
    const n = 60
    const rows = Array.from({ length: n }, (_, i) => i)
    const table = tableOf(
      labels(
        'customer',
        rows.map((i) => `C-${1000 + i}`),
      ),
      numbers(
        'row_number',
        rows.map((i) => i + 1),
      ),
      numbers(
        'country_code',
        rows.map(() => 49),
      ),
      labels(
        'city',
        rows.map((i) => `city ${i % 40}`),
      ),
      numbers(
        'income',
        rows.map((i) => (i % 3 === 0 ? Number.NaN : (i * 7) % 11)),
      ),
      // Distinct whole amounts spread wider than a row number: a quantity, not a key.
      numbers(
        'amount',
        rows.map((i) => 1000 + ((i * 37) % 61) * 53),
      ),
      numbers(
        'bonus',
        rows.map((i) => (i % 5 === 0 ? (i * 13) % 7 : Number.NaN)),
      ),
    )
    const profile = profileTable(table, typesOf(table))
    const about = (kind: string) =>
      profile.warnings.filter((w) => w.kind === kind).map((w) => w.columns.join(' & '))
    expect(about('identifier')).toEqual(['customer', 'row_number'])
    expect(about('constant')).toEqual(['country_code'])
    expect(about('high-cardinality')).toEqual(['city'])
    // Most serious first: bonus (80% missing) is a warning, income (33%) a note.
    expect(about('missing')).toEqual(['bonus', 'income'])
    const bonus = profile.warnings.find((w) => w.kind === 'missing' && w.columns[0] === 'bonus')
    expect(bonus).toMatchObject({
      severity: 'warning',
      message: '"bonus" is missing in 80.0% of rows.',
    })
    for (const w of profile.warnings) expect(w.advice.length).toBeGreaterThan(20)
  })

  it('warns about nearly identical numeric pairs and leaves dates and identifiers out of r', () => {
    const x = Array.from({ length: 50 }, (_, i) => i * 1.5 + Math.sin(i))
    const table = tableOf(
      numbers('price', x),
      numbers(
        'price_with_tax',
        x.map((v) => v * 1.2 + 0.01 * Math.cos(v)),
      ),
      numbers(
        'noise',
        x.map((v) => Math.sin(v * 17)),
      ),
      numbers(
        'opened',
        x.map((v) => 1.6e12 + v * 1e8),
      ),
    )
    const profile = profileTable(table, typesOf(table, { opened: 'datetime' }))
    expect(profile.correlation.columns).toEqual(['price', 'price_with_tax', 'noise'])
    const correlated = profile.warnings.filter((w) => w.kind === 'correlated')
    expect(correlated.map((w) => w.columns)).toEqual([['price', 'price_with_tax']])
  })
})

describe('reprofileAfterOverride', () => {
  it('re-reads the overridden column and its correlations, keeping the rest', () => {
    const types = typesOf(creditCard)
    const before = profileTable(creditCard, types)
    const index = creditCard.columns.findIndex((c) => c.name === 'dependents')
    const overridden = types.map((t, i) =>
      i === index
        ? { type: 'categorical' as const, reason: 'Chosen by you.', overridden: true }
        : t,
    )
    const after = reprofileAfterOverride(creditCard, overridden, before, index)
    const dependents = columnOf(after, 'dependents')
    expect(dependents.type).toBe('categorical')
    // np.unique(dependents, return_counts=True): 0 → 659, 1 → 267, 2 → 218, …
    expect(dependents.categories?.top.slice(0, 3)).toEqual([
      { label: '0', count: 659 },
      { label: '1', count: 267 },
      { label: '2', count: 218 },
    ])
    expect(after.correlation.columns).not.toContain('dependents')
    expect(after.correlation.columns.length).toBe(before.correlation.columns.length - 1)
    expect(after).toEqual({ ...profileTable(creditCard, overridden) })
    expect(columnOf(after, 'income')).toBe(columnOf(before, 'income'))
  })
})

describe('correlations of big tables', () => {
  it('estimates r from a stratified sample of rows and says how many', () => {
    const n = 400_000
    let seed = 9
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32
    const columns: Column[] = []
    const base = Float64Array.from({ length: n }, () => random())
    for (let c = 0; c < 12; c++) {
      // Column c is base plus independent noise of weight c, so r(0, c) = 1 / √(1 + c²).
      columns.push({ name: `x${c}`, kind: 'numeric', values: base.map((b) => b + c * random()) })
    }
    const table: Table = { columns, rowCount: n }
    const matrix = profileTable(table, typesOf(table)).correlation
    expect(matrix.sampleRows).toBe(Math.floor(EXACT_BUDGET / 66))
    expect(matrix.values[1]).toBeCloseTo(1 / Math.sqrt(2), 2)
    expect(matrix.values[3]).toBeCloseTo(1 / Math.sqrt(10), 2)
  })
})
