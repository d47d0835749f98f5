import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inferTable } from '../table/infer-types'
import { parseDelimitedText } from '../table/parse-delimited'
import { cellLabel, findColumn, type Table } from '../table/table'
import { balancedClassWeights } from './balance'
import { tableStepImpl } from './pipeline/registry'
import type { StepContext } from './pipeline/step-impl'
import { DATE_PARTS, type Step, type StepOf, type StepOp } from './step-schema'

/**
 * Our steps against pandas 1.5.3 and scikit-learn 1.2.1 on real rows. The expected numbers come
 * from fixtures/golden/make_golden.py, which fits every statistic on the first 150 rows and
 * applies it to all 200; we pass the same 150 rows to `fit`, so agreeing on rows 150–199 also
 * shows that nothing was learned from them.
 */

const GOLDEN = new URL('./fixtures/golden/', import.meta.url)
const TRAIN = Int32Array.from({ length: 150 }, (_, i) => i)
const ALL = Int32Array.from({ length: 200 }, (_, i) => i)

type Value = number | null

/** A fixture's JSON; each describe block states the shape make_golden.py writes. */
function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, GOLDEN), 'utf8'))
}

/** The CSV as the app loads it: parsed, then typed (date text becomes epoch milliseconds). */
function load(name: string): Table {
  return inferTable(parseDelimitedText(readFileSync(new URL(name, GOLDEN), 'utf8')).table).table
}

const credit = load('credit-card.csv')
const lending = load('lending-club.csv')
const dates = load('dates.csv')

const ctx = (target: string): StepContext => ({ target, seed: 1, mode: 'train' })

/** Fits on the 150 training rows and applies to all 200, through the registry like the pipeline. */
function run<O extends StepOp>(step: StepOf<O>, table: Table, target: string) {
  const impl = tableStepImpl(step)
  const fitted = impl.fit(step, table, TRAIN, ctx(target)) as StepOf<O>
  return { fitted, table: impl.apply(fitted, table, ALL, ctx(target)).table }
}

/**
 * Steps other helpers are still building throw this from `apply`; their golden tests wait for
 * them (skipped, not failed) and start running as soon as the real step lands.
 */
function isBuilt(op: StepOp): boolean {
  const empty: Table = { columns: [], rowCount: 0 }
  try {
    tableStepImpl({ op } as Step).apply({ op } as never, empty, new Int32Array(0), ctx(''))
  } catch (error) {
    return !(error instanceof Error && error.message === 'This step is not built yet.')
  }
  return true
}

it('isBuilt tells a built step from a placeholder', () => {
  // Without this, a guard that always said "not built" would skip the golden tests for good.
  expect(isBuilt('scale')).toBe(true)
  expect(isBuilt('one-hot')).toBe(true)
})

/** Rows where `actual` and sklearn's `expected` differ by more than 1e-9 relative; null = NaN. */
function mismatches(actual: ArrayLike<number>, expected: readonly Value[]): string[] {
  const out: string[] = []
  expected.forEach((e, row) => {
    const a = actual[row] as number
    const same = e === null ? Number.isNaN(a) : Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e))
    if (!same) out.push(`row ${row}: ${a} instead of ${e}`)
  })
  if (actual.length !== expected.length) out.push(`${actual.length} rows, not ${expected.length}`)
  return out
}

function values(table: Table, name: string): Float64Array {
  const column = findColumn(table, name)
  if (column.kind !== 'numeric') throw new Error(`"${name}" should hold numbers`)
  return column.values
}

const close = (a: number, e: number) => mismatches([a], [e])

describe('scalers match StandardScaler, MinMaxScaler and RobustScaler', () => {
  interface ScalerCase {
    columns: string[]
    center: number[]
    scale: number[]
    output: Record<string, Value[]>
  }
  const golden = fixture('scalers.json') as Record<'standard' | 'min-max' | 'robust', ScalerCase>

  for (const method of ['standard', 'min-max', 'robust'] as const) {
    it(`${method}: the fitted centre and scale, and the scaled rows`, () => {
      const expected = golden[method]
      const step: StepOf<'scale'> = {
        id: 's',
        enabled: true,
        op: 'scale',
        columns: expected.columns,
        method,
      }
      const { fitted, table } = run(step, credit, 'card')
      const params = fitted.fitted?.params ?? []
      expect(params.map((p) => p.column)).toEqual(expected.columns)
      expect(
        mismatches(
          params.map((p) => p.center),
          expected.center,
        ),
      ).toEqual([])
      expect(
        mismatches(
          params.map((p) => p.scale),
          expected.scale,
        ),
      ).toEqual([])
      for (const [column, output] of Object.entries(expected.output))
        expect(mismatches(values(table, column), output)).toEqual([])
    })
  }
})

describe('encoders match OneHotEncoder, OrdinalEncoder and pandas value_counts', () => {
  interface OneHotCase {
    column: string
    maxCategories: number | null
    unseen: 'other' | 'zeros'
    outputs: string[]
    infrequent: string[]
    hot: number[]
  }
  interface OrdinalCase {
    column: string
    order: string[] | null
    categories: string[]
    output: Value[]
  }
  interface FrequencyCase {
    column: string
    shares: Record<string, number>
    output: Value[]
  }
  const golden = fixture('encoders.json') as {
    oneHot: OneHotCase[]
    ordinal: OrdinalCase[]
    frequency: FrequencyCase[]
  }

  for (const expected of golden.oneHot) {
    const { column, maxCategories, unseen } = expected
    it(`one-hot ${column}, at most ${maxCategories ?? 'all'} inputs, unseen to ${unseen}`, () => {
      const step: StepOf<'one-hot'> = {
        id: 'h',
        enabled: true,
        op: 'one-hot',
        column,
        maxCategories,
        unseen,
      }
      const { fitted, table } = run(step, lending, 'Class')
      const names = expected.outputs.map((o) => `${column}=${o}`)
      // In place of the column, in sklearn's order, "other" (sklearn's infrequent) last.
      const at = lending.columns.findIndex((c) => c.name === column)
      expect(table.columns.slice(at, at + names.length).map((c) => c.name)).toEqual(names)
      expect(fitted.fitted?.other).toBe(expected.infrequent.length > 0)
      const inputs = names.map((name) => values(table, name))
      const hot = Array.from(ALL, (row) => {
        const on = inputs.flatMap((input, i) => (input[row] === 1 ? [i] : []))
        return on.length === 1 ? (on[0] as number) : on.length === 0 ? -1 : NaN
      })
      expect(hot).toEqual(expected.hot)
    })
  }

  for (const expected of golden.ordinal) {
    const { column, order } = expected
    it(`ordinal ${column}${order ? ' in a given order' : ''}, unseen as -1`, () => {
      const step: StepOf<'ordinal'> = {
        id: 'o',
        enabled: true,
        op: 'ordinal',
        column,
        order,
        unseenValue: -1,
      }
      const { fitted, table } = run(step, lending, 'Class')
      expect(fitted.fitted?.categories).toEqual(expected.categories)
      expect(mismatches(values(table, column), expected.output)).toEqual([])
    })
  }

  for (const expected of golden.frequency) {
    const { column } = expected
    it(`frequency ${column}: shares of the training values, unseen and missing as 0`, () => {
      const step: StepOf<'frequency'> = { id: 'f', enabled: true, op: 'frequency', column }
      const { fitted, table } = run(step, lending, 'Class')
      const { categories = [], frequencies = [] } = fitted.fitted ?? {}
      const shares = Object.fromEntries(categories.map((c, i) => [c, frequencies[i]]))
      expect(Object.keys(shares).sort()).toEqual(Object.keys(expected.shares).sort())
      for (const [category, share] of Object.entries(expected.shares))
        expect(close(shares[category] ?? NaN, share)).toEqual([])
      expect(mismatches(values(table, column), expected.output)).toEqual([])
    })
  }
})

describe('imputers match SimpleImputer, MissingIndicator and pandas ffill', () => {
  interface ImputeCase {
    column: string
    strategy: 'mean' | 'median' | 'most_frequent' | 'constant'
    constant: number | string | null
    fill: number | string
    output: Value[] | string[]
    wasMissing: number[]
  }
  const golden = fixture('imputers.json') as {
    simpleImputer: ImputeCase[]
    forwardFill: { column: string; output: Value[] }
  }
  const STRATEGY = { mean: 'mean', median: 'median', most_frequent: 'mode', constant: 'constant' }

  for (const expected of golden.simpleImputer) {
    const { column, strategy } = expected
    it.skipIf(!isBuilt('impute'))(`${strategy} of ${column}, with a was-missing input`, () => {
      const step: StepOf<'impute'> = {
        id: 'i',
        enabled: true,
        op: 'impute',
        columns: [column],
        strategy: STRATEGY[strategy] as StepOf<'impute'>['strategy'],
        ...(expected.constant === null ? {} : { constant: expected.constant }),
        indicator: true,
      }
      const { fitted, table } = run(step, credit, 'card')
      const fill = fitted.fitted?.fills.find((f) => f.column === column)?.value
      if (typeof expected.fill === 'string') {
        expect(fill).toBe(expected.fill)
        const filled = findColumn(table, column)
        expect(Array.from(ALL, (row) => cellLabel(filled, row))).toEqual(expected.output)
      } else {
        expect(close(Number(fill), expected.fill)).toEqual([])
        expect(mismatches(values(table, column), expected.output as Value[])).toEqual([])
      }
      expect(mismatches(values(table, `${column} was missing`), expected.wasMissing)).toEqual([])
    })
  }

  it.skipIf(!isBuilt('impute'))('forward fill carries the last value down, across parts', () => {
    const { column, output } = golden.forwardFill
    const step: StepOf<'impute'> = {
      id: 'i',
      enabled: true,
      op: 'impute',
      columns: [column],
      strategy: 'forward-fill',
      indicator: false,
    }
    expect(mismatches(values(run(step, credit, 'card').table, column), output)).toEqual([])
  })
})

describe('log1p, outlier bounds and class weights match numpy, pandas and sklearn', () => {
  interface Bounds {
    low: number
    high: number
    clipped?: Value[]
  }
  const golden = fixture('misc.json') as {
    log1p: Record<string, Value[]>
    outliers: {
      threshold: { iqr: number; 'z-score': number }
      columns: string[]
      iqr: Record<string, Bounds>
      'z-score': Record<string, Bounds>
    }
    classWeights: { column: string; classes: string[]; weights: number[] }[]
  }

  it('log1p as np.log1p', () => {
    const columns = Object.keys(golden.log1p)
    const step: StepOf<'log1p'> = { id: 'l', enabled: true, op: 'log1p', columns }
    const { table } = run(step, credit, 'card')
    for (const column of columns)
      expect(mismatches(values(table, column), golden.log1p[column] ?? [])).toEqual([])
  })

  for (const method of ['iqr', 'z-score'] as const) {
    it.skipIf(!isBuilt('outliers'))(`${method} bounds from the training rows, and clipping`, () => {
      const { columns } = golden.outliers
      const step: StepOf<'outliers'> = {
        id: 'x',
        enabled: true,
        op: 'outliers',
        columns,
        method,
        threshold: golden.outliers.threshold[method],
        action: 'clip',
      }
      const { fitted, table } = run(step, credit, 'card')
      for (const column of columns) {
        const expected = golden.outliers[method][column] as Bounds
        const bounds = fitted.fitted?.bounds.find((b) => b.column === column)
        expect(close(bounds?.low ?? NaN, expected.low)).toEqual([])
        expect(close(bounds?.high ?? NaN, expected.high)).toEqual([])
        if (expected.clipped)
          expect(mismatches(values(table, column), expected.clipped)).toEqual([])
      }
    })
  }

  for (const expected of golden.classWeights) {
    it(`balanced class weights of ${expected.column} as compute_class_weight`, () => {
      const table = expected.column === 'card' ? credit : lending
      const target = { column: expected.column, task: 'binary' as const, classes: expected.classes }
      expect(mismatches(balancedClassWeights(table, target, TRAIN), expected.weights)).toEqual([])
    })
  }
})

describe('date parts match pandas .dt (weekday: Monday = 0)', () => {
  const golden = fixture('dates.json') as { parts: Record<string, Record<string, Value[]>> }

  for (const [column, parts] of Object.entries(golden.parts)) {
    it.skipIf(!isBuilt('date-parts'))(`every part of ${column}`, () => {
      const step: StepOf<'date-parts'> = {
        id: 'd',
        enabled: true,
        op: 'date-parts',
        column,
        parts: [...DATE_PARTS],
        cyclical: false,
      }
      const { table } = run(step, dates, 'price')
      for (const part of DATE_PARTS)
        expect(mismatches(values(table, `${column}.${part}`), parts[part] ?? [])).toEqual([])
    })
  }
})
