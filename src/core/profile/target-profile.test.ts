import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ColumnTypeInfo } from '../table/column-type'
import { parseFile } from '../table/parse-file'
import type { Column, Table } from '../table/table'
import { profileTable } from './profile-table'
import { targetProfile } from './target-profile'

function typesOf(table: Table): ColumnTypeInfo[] {
  return table.columns.map((c) => ({
    type: c.kind === 'numeric' ? 'numeric' : 'categorical',
    reason: 'test',
  }))
}

function profileFor(table: Table, target: string) {
  const types = typesOf(table)
  const result = targetProfile(table, types, profileTable(table, types), target)
  if (!result) throw new Error(`no target ${target}`)
  return result
}

function leaks(table: Table, target: string): string[] {
  return profileFor(table, target)
    .warnings.filter((w) => w.kind === 'leakage')
    .map((w) => w.columns[0] as string)
}

function numbers(name: string, values: number[]): Column {
  return { name, kind: 'numeric', values: Float64Array.from(values) }
}

function labels(name: string, values: string[]): Column {
  const categories = [...new Set(values)]
  return {
    name,
    kind: 'categorical',
    categories,
    codes: Int32Array.from(values, (v) => categories.indexOf(v)),
  }
}

/** A seeded stream of numbers in [0, 1), so every run sees the same table. */
function seeded(seed: number): () => number {
  let s = seed
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

describe('targetProfile', () => {
  it('reports the class balance of the credit card sample (1,023 yes, 296 no)', async () => {
    const table = (
      await parseFile(new Blob([readFileSync('public/datasets/CreditCard.csv')]), 'CreditCard.csv')
    ).table
    const result = profileFor(table, 'card')
    expect(result.task).toBe('binary')
    expect(result.classes).toEqual([
      { label: 'yes', count: 1023, share: 1023 / 1319 },
      { label: 'no', count: 296, share: 296 / 1319 },
    ])
    expect(result.warnings.filter((w) => w.kind === 'imbalance')).toEqual([])
  })

  it('flags a column that copies a class target, and not an honest one or an id', () => {
    const random = seeded(3)
    const n = 400
    const outcome = Array.from({ length: n }, () => (random() < 0.35 ? 'default' : 'repaid'))
    const table: Table = {
      rowCount: n,
      columns: [
        labels('outcome', outcome),
        // Written after the fact: equals the outcome except for 1% clerical slips.
        labels(
          'collections_status',
          outcome.map((o, i) => (i % 100 === 0 ? 'open' : o === 'default' ? 'sent' : 'none')),
        ),
        numbers(
          'income',
          outcome.map((o) => (o === 'default' ? 30 : 40) + random() * 30),
        ),
        labels(
          'loan_id',
          outcome.map((_, i) => `L${i}`),
        ),
        labels(
          'region',
          outcome.map(() => (random() < 0.5 ? 'north' : 'south')),
        ),
      ],
    }
    expect(leaks(table, 'outcome')).toEqual(['collections_status'])
    const warning = profileFor(table, 'outcome').warnings.find((w) => w.kind === 'leakage')
    expect(warning?.message).toMatch(/"collections_status" nearly equals the target/)
  })

  it('flags a number that is the class in disguise (correlation ratio)', () => {
    const random = seeded(11)
    const classes = Array.from({ length: 300 }, () => Math.floor(random() * 3))
    const table: Table = {
      rowCount: 300,
      columns: [
        numbers('grade', classes),
        numbers(
          'grade_score',
          classes.map((c) => c * 10 + random()),
        ),
        numbers(
          'age',
          classes.map(() => 20 + random() * 40),
        ),
      ],
    }
    expect(profileFor(table, 'grade').task).toBe('multiclass')
    expect(leaks(table, 'grade')).toEqual(['grade_score'])
  })

  it('flags a numeric copy of a numeric target at |r| ≥ 0.95 and not a weaker cousin', () => {
    const random = seeded(5)
    const price = Array.from({ length: 500 }, () => 100 + random() * 900)
    const table: Table = {
      rowCount: 500,
      columns: [
        numbers('price', price),
        numbers(
          'price_eur',
          price.map((p) => p * 0.92 + random() * 5),
        ),
        numbers(
          'size',
          price.map((p) => p / 10 + random() * 60),
        ),
      ],
    }
    const result = profileFor(table, 'price')
    expect(result.task).toBe('regression')
    expect(result.classes).toBeUndefined()
    expect(result.column.numeric?.mean).toBeCloseTo(price.reduce((a, b) => a + b) / 500, 10)
    expect(leaks(table, 'price')).toEqual(['price_eur'])
  })

  it('warns when a class is under 10% of rows', () => {
    const status = Array.from({ length: 200 }, (_, i) => (i % 25 === 0 ? 'fraud' : 'ok'))
    const table: Table = {
      rowCount: 200,
      columns: [
        labels('status', status),
        numbers(
          'amount',
          status.map((_, i) => (i * 37) % 101),
        ),
      ],
    }
    const imbalance = profileFor(table, 'status').warnings.find((w) => w.kind === 'imbalance')
    expect(imbalance?.message).toBe('Imbalanced target: "fraud" is 4.0% of rows.')
  })
})
