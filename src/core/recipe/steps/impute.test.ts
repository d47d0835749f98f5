import { describe, expect, it } from 'vitest'
import { applyRecipe } from '../pipeline/apply-recipe'
import { fitRecipe, prepareData } from '../pipeline/prepare-data'
import { stepSchema, type ImputeStrategy, type StepOf } from '../step-schema'
import {
  changedRows,
  creditCardWithGaps,
  csvTable,
  fixtures,
  labels,
  numbers,
  PREDICT,
  recipeWith,
  rowsWhere,
  TRAIN,
} from './fixtures/cleaning-tables'
import { imputeStep } from './impute'

type ImputeStep = StepOf<'impute'>

const step = (
  columns: string[],
  strategy: ImputeStrategy,
  extra: Partial<ImputeStep> = {},
): ImputeStep => ({
  id: 'm',
  enabled: true,
  op: 'impute',
  columns,
  strategy,
  indicator: false,
  ...extra,
})

const { table: cards, train, heldOut } = creditCardWithGaps()
const everyRow = rowsWhere(cards.rowCount, () => true)
const fills = (s: ImputeStep) => s.fitted?.fills.map((f) => f.value)

describe('impute: fills match scikit-learn SimpleImputer on CreditCard training rows', () => {
  const columns = ['income', 'age', 'dependents']
  it.each([
    ['mean', 'mean'],
    ['median', 'median'],
    ['mode', 'most_frequent'],
  ] as const)('%s', (strategy, sklearn) => {
    const fitted = imputeStep.fit(step(columns, strategy), cards, train, TRAIN)
    fitted.fitted?.fills.forEach(({ column, value }) => {
      expect(value).toBeCloseTo(fixtures.impute[`${sklearn}/${column}`] as number, 10)
    })
    expect(fitted.fitted?.fills.map((f) => f.column)).toEqual(columns)
  })

  it('mode of a categorical column', () => {
    const fitted = imputeStep.fit(step(['owner'], 'mode'), cards, train, TRAIN)
    expect(fills(fitted)).toEqual([fixtures.impute['most_frequent/owner']])
  })

  it('does not learn from held-out rows: changing them leaves every fill alike', () => {
    const changed = changedRows(cards, heldOut)
    for (const strategy of ['mean', 'median', 'mode', 'drop-rows', 'forward-fill'] as const) {
      const s = step(strategy === 'mode' ? ['income', 'owner'] : ['income', 'age'], strategy)
      expect(imputeStep.fit(s, changed, train, TRAIN)).toEqual(
        imputeStep.fit(s, cards, train, TRAIN),
      )
    }
  })
})

describe('impute: filling', () => {
  it('fills every missing cell with the training mean and says how many', () => {
    const fitted = imputeStep.fit(step(['income'], 'mean'), cards, train, TRAIN)
    const out = imputeStep.apply(fitted, cards, everyRow, TRAIN)
    const before = numbers(cards, 'income')
    const after = numbers(out.table, 'income')
    const mean = fixtures.impute['mean/income'] as number
    const gaps = before.filter(Number.isNaN).length
    expect(after.filter(Number.isNaN)).toHaveLength(0)
    expect(after[3]).toBeCloseTo(mean, 10)
    expect(after[0]).toBe(before[0])
    expect(out.notes).toEqual([
      `${gaps} missing value(s) of "income" filled with the training mean, 3.37844.`,
    ])
    expect(out.remove).toBeUndefined()
  })

  it('breaks a mode tie towards the smallest value, as SimpleImputer', () => {
    const table = csvTable('n,grade,card\n3,b,yes\n1,a,no\n3,b,yes\n1,a,no\n,,yes\n')
    const fitted = imputeStep.fit(
      step(['n', 'grade'], 'mode'),
      table,
      rowsWhere(5, () => true),
      TRAIN,
    )
    expect(fills(fitted)).toEqual([1, 'a'])
  })

  it('keeps a category seen only in held-out rows and fills with the training mode', () => {
    const table = csvTable('grade,card\nA,yes\nA,no\nB,yes\n,no\nZ,yes\n,no\n')
    const fitted = imputeStep.fit(
      step(['grade'], 'mode'),
      table,
      Int32Array.from([0, 1, 2, 3]),
      TRAIN,
    )
    expect(fills(fitted)).toEqual(['A'])
    const out = imputeStep.apply(
      fitted,
      table,
      rowsWhere(6, () => true),
      TRAIN,
    )
    expect(labels(out.table, 'grade')).toEqual(['A', 'A', 'B', 'A', 'Z', 'A'])
  })

  it('fills with a constant; a new text constant becomes a new category', () => {
    const table = csvTable('income,grade,card\n2.5,A,yes\n,,no\n4,B,yes\n')
    const all = rowsWhere(3, () => true)
    const zero = imputeStep.fit(step(['income'], 'constant', { constant: 0 }), table, all, TRAIN)
    expect(numbers(imputeStep.apply(zero, table, all, TRAIN).table, 'income')).toEqual([2.5, 0, 4])
    const unknown = imputeStep.fit(
      step(['grade'], 'constant', { constant: 'unknown' }),
      table,
      all,
      TRAIN,
    )
    const out = imputeStep.apply(unknown, table, all, TRAIN)
    expect(labels(out.table, 'grade')).toEqual(['A', 'unknown', 'B'])
    expect(out.notes).toEqual(['1 missing value(s) of "grade" filled with "unknown".'])
  })

  it('adds a "was missing" column right after the filled one, traced to it', () => {
    const fitted = imputeStep.fit(
      step(['income'], 'median', { indicator: true }),
      cards,
      train,
      TRAIN,
    )
    const out = imputeStep.apply(fitted, cards, everyRow, TRAIN)
    const names = out.table.columns.map((c) => c.name)
    expect(names.slice(names.indexOf('income'), names.indexOf('income') + 2)).toEqual([
      'income',
      'income was missing',
    ])
    const flags = numbers(out.table, 'income was missing')
    expect(flags.slice(0, 8)).toEqual([0, 0, 0, 1, 0, 0, 0, 0])
    expect(flags.filter((f) => f === 1)).toHaveLength(
      numbers(cards, 'income').filter(Number.isNaN).length,
    )
    expect(out.derivedFrom?.get('income was missing')).toEqual(['income'])
  })
})

describe('impute: forward fill', () => {
  it('carries the last value forward in file order, as pandas ffill', () => {
    const fitted = imputeStep.fit(step(['income'], 'forward-fill'), cards, train, TRAIN)
    // The fallback is the training median.
    expect(fills(fitted)).toEqual([fixtures.impute['median/income']])
    const out = imputeStep.apply(fitted, cards, everyRow, TRAIN)
    expect(numbers(out.table, 'income').slice(0, 40)).toEqual(fixtures.impute['ffill/income'])
  })

  it('fills the first rows with the fallback and skips rows no longer in the data', () => {
    const table = csvTable('x,grade,card\n,,yes\n1,A,no\n,,yes\n9,B,no\n,,yes\n')
    const s = imputeStep.fit(
      step(['x', 'grade'], 'forward-fill'),
      table,
      Int32Array.from([1, 3]),
      TRAIN,
    )
    expect(fills(s)).toEqual([5, 'A'])
    // Row 3 was removed by an earlier step: row 4 takes row 1's value, not row 3's.
    const out = imputeStep.apply(s, table, Int32Array.from([0, 1, 2, 4]), TRAIN)
    expect(numbers(out.table, 'x')).toEqual([5, 1, 1, 9, 1])
    expect(labels(out.table, 'grade')).toEqual(['A', 'A', 'A', 'B', 'A'])
    expect(out.notes?.[0]).toBe(
      'Missing values of "x": 2 took the value of the row before; 1 with no value before took the training median, 5.',
    )
  })
})

describe('impute: drop rows', () => {
  const drop = step(['income', 'owner'], 'drop-rows')
  const missingIncomeOrOwner = (row: number) => row % 7 === 3 || row % 5 === 2

  it('removes rows missing any of the columns from every part', () => {
    const prepared = prepareData(recipeWith(cards, 'card', [drop]), cards)
    expect(prepared.error).toBeNull()
    const parts = [prepared.parts.train, prepared.parts.validation, prepared.parts.test]
    for (const part of parts) expect(Array.from(part).some(missingIncomeOrOwner)).toBe(false)
    expect(prepared.reports[0]?.removedRows).toBe(
      rowsWhere(cards.rowCount, missingIncomeOrOwner).length,
    )
    const fitted = imputeStep.fit(drop, cards, train, TRAIN)
    expect(imputeStep.apply(fitted, cards, everyRow, TRAIN).removeReason).toBe(
      '"income" or "owner" is missing.',
    )
  })

  it('when scoring, keeps the row, fills the training median or mode, and notes it', () => {
    const recipe = fitRecipe(recipeWith(cards, 'card', [drop]), cards, train)
    const scored = applyRecipe(recipe, cards)
    expect(scored.table.rowCount).toBe(cards.rowCount)
    expect(numbers(scored.table, 'income')[3]).toBe(fixtures.impute['median/income'])
    expect(scored.notes[3]).toEqual([
      '"income" or "owner" is missing: training left such rows out; here "income" takes the training median (2.9) and "owner" takes the training mode ("no").',
    ])
    expect(scored.notes[0]).toBeNull()
    const out = imputeStep.apply(recipe.steps[0] as ImputeStep, cards, everyRow, PREDICT)
    expect(labels(out.table, 'owner')[2]).toBe('no')
  })
})

describe('impute: in a recipe and as JSON', () => {
  it('gives the indicator as a model input traced to its raw column', () => {
    const recipe = recipeWith(cards, 'card', [
      step(['income', 'age', 'dependents'], 'mean', { indicator: true }),
    ])
    const prepared = prepareData(recipe, cards)
    expect(prepared.error).toBeNull()
    const features = prepared.recipe.features ?? []
    expect(features.find((f) => f.name === 'income was missing')?.sources).toEqual(['income'])
    expect(features.map((f) => f.name).slice(0, 6)).toEqual([
      'reports',
      'age',
      'age was missing',
      'income',
      'income was missing',
      'share',
    ])
    expect(prepared.notes.some((n) => n.includes('missing value(s) remain'))).toBe(false)
  })

  it('survives a JSON round trip with the same output', () => {
    for (const s of [
      step(['income', 'owner'], 'mode', { indicator: true }),
      step(['owner'], 'constant', { constant: 'unknown' }),
      step(['age'], 'forward-fill'),
    ]) {
      const fitted = imputeStep.fit(s, cards, train, TRAIN)
      const back = stepSchema.parse(JSON.parse(JSON.stringify(fitted))) as ImputeStep
      expect(back).toEqual(fitted)
      expect(imputeStep.apply(back, cards, everyRow, TRAIN)).toEqual(
        imputeStep.apply(fitted, cards, everyRow, TRAIN),
      )
    }
  })
})

describe('impute: refusals', () => {
  const table = csvTable('x,grade,card\n,A,yes\n,B,no\n3,,yes\n')
  const first2 = Int32Array.from([0, 1])

  it('names a column with no training values and offers a way out', () => {
    expect(() => imputeStep.fit(step(['x'], 'median'), table, first2, TRAIN)).toThrow(
      '"x" has no values in the training rows, so there is no median to fill it with. Drop the column, or fill it with a constant.',
    )
    expect(() => imputeStep.fit(step(['x'], 'mean'), table, new Int32Array(0), TRAIN)).toThrow(
      /"x" has no values in the training rows/,
    )
    expect(() => imputeStep.fit(step(['x'], 'forward-fill'), table, first2, TRAIN)).toThrow(
      '"x" has no values in the training rows, so there is no training median to stand in where a row cannot be dropped or has no value before it. Drop the column, or fill it with a constant.',
    )
    const constant = imputeStep.fit(step(['x'], 'constant', { constant: -1 }), table, first2, TRAIN)
    expect(fills(constant)).toEqual([-1])
  })

  it('refuses a mean or median of categories', () => {
    expect(() => imputeStep.fit(step(['grade'], 'mean'), table, first2, TRAIN)).toThrow(
      '"grade" holds categories, so it has no mean. Fill it with the mode (most frequent category) or a constant.',
    )
  })

  it('refuses a constant of the wrong kind, or none', () => {
    expect(() =>
      imputeStep.fit(step(['x'], 'constant', { constant: 'none' }), table, first2, TRAIN),
    ).toThrow('"x" holds numbers, so the constant that fills it must be a number, not "none".')
    expect(() =>
      imputeStep.fit(step(['grade'], 'constant', { constant: 0 }), table, first2, TRAIN),
    ).toThrow(/"grade" holds categories, so the constant that fills it must be text/)
    expect(() => imputeStep.fit(step(['x'], 'constant'), table, first2, TRAIN)).toThrow(
      'Give the constant that fills the missing values of "x".',
    )
  })

  it('refuses to fill the target', () => {
    expect(() => imputeStep.fit(step(['card'], 'mode'), table, first2, TRAIN)).toThrow(
      /"card" is the target: filling it would invent answers/,
    )
  })
})
