import { describe, expect, it } from 'vitest'
import { applyRecipe } from '../pipeline/apply-recipe'
import { fitRecipe, prepareData } from '../pipeline/prepare-data'
import { stepSchema, type StepOf } from '../step-schema'
import {
  bundled,
  changedRows,
  creditCardWithGaps,
  csvTable,
  fixtures,
  numbers,
  recipeWith,
  rowsWhere,
  TRAIN,
} from './fixtures/cleaning-tables'
import { outliersStep } from './outliers'

type OutliersStep = StepOf<'outliers'>

const step = (
  columns: string[],
  method: OutliersStep['method'] = 'iqr',
  action: OutliersStep['action'] = 'clip',
  threshold = method === 'iqr' ? 1.5 : 3,
): OutliersStep => ({ id: 'o', enabled: true, op: 'outliers', columns, method, threshold, action })

const { table: cards, train, heldOut } = creditCardWithGaps()
const everyRow = rowsWhere(cards.rowCount, () => true)

const bounds = (fitted: OutliersStep) =>
  (fitted.fitted?.bounds ?? []).map((b) => [b.column, b.low, b.high] as const)

describe('outliers: bounds match numpy on CreditCard training rows', () => {
  it('IQR: [q1 − 1.5·IQR, q3 + 1.5·IQR] with linear quantiles, missing values left out', () => {
    const fitted = outliersStep.fit(step(['income', 'share', 'age']), cards, train, TRAIN)
    for (const [column, low, high] of bounds(fitted)) {
      const [wantLow, wantHigh] = fixtures.outliers[column]?.['iqr1.5'] ?? []
      expect(low).toBeCloseTo(wantLow ?? NaN, 10)
      expect(high).toBeCloseTo(wantHigh ?? NaN, 10)
    }
  })

  it('z-score: mean ± 3 population standard deviations', () => {
    const fitted = outliersStep.fit(
      step(['income', 'share', 'age'], 'z-score'),
      cards,
      train,
      TRAIN,
    )
    for (const [column, low, high] of bounds(fitted)) {
      const [wantLow, wantHigh] = fixtures.outliers[column]?.z3 ?? []
      expect(low).toBeCloseTo(wantLow ?? NaN, 10)
      expect(high).toBeCloseTo(wantHigh ?? NaN, 10)
    }
  })

  it('does not learn from held-out rows: changing them leaves the bounds alike', () => {
    for (const method of ['iqr', 'z-score'] as const) {
      const s = step(['income', 'age'], method)
      expect(outliersStep.fit(s, changedRows(cards, heldOut), train, TRAIN)).toEqual(
        outliersStep.fit(s, cards, train, TRAIN),
      )
    }
  })
})

describe('outliers: clip', () => {
  const fitted = outliersStep.fit(step(['income', 'share']), cards, train, TRAIN)
  const out = outliersStep.apply(fitted, cards, everyRow, TRAIN)

  it('caps every row at the bounds, as pandas clip; missing stays missing', () => {
    for (const name of ['income', 'share']) {
      const values = numbers(out.table, name)
      const sum = values.reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0)
      expect(sum).toBeCloseTo(fixtures.outliers[name]?.iqrClippedSum ?? NaN, 8)
    }
    const income = numbers(out.table, 'income')
    expect(income.filter(Number.isNaN)).toHaveLength(
      numbers(cards, 'income').filter(Number.isNaN).length,
    )
    expect(out.remove).toBeUndefined()
  })

  it('says how many values it capped', () => {
    const [low, high] = fixtures.outliers.income?.['iqr1.5'] ?? [0, 0]
    const capped = numbers(cards, 'income').filter((v) => v < low || v > high).length
    expect(out.notes?.[0]).toBe(`${capped} value(s) of "income" capped to -0.4919 … 6.6865.`)
  })

  it('refuses to clip the target and points to dropping instead', () => {
    expect(() =>
      outliersStep.fit(step(['card', 'income']), cards, train, { ...TRAIN, target: 'card' }),
    ).toThrow(/"card" is the target, so it cannot be clipped.*Use the "drop" action/)
  })

  it('survives a JSON round trip with the same output', () => {
    const back = stepSchema.parse(JSON.parse(JSON.stringify(fitted))) as OutliersStep
    expect(back).toEqual(fitted)
    expect(outliersStep.apply(back, cards, everyRow, TRAIN)).toEqual(out)
  })
})

describe('outliers: drop', () => {
  it('marks training rows outside the bounds, to be removed from training only', () => {
    const fitted = outliersStep.fit(step(['income'], 'iqr', 'drop'), cards, train, TRAIN)
    const out = outliersStep.apply(fitted, cards, everyRow, TRAIN)
    expect(out.removeFrom).toBe('train')
    const dropped = Array.from(train).filter((row) => out.remove?.[row] === 1)
    expect(dropped).toHaveLength(fixtures.outliers.income?.iqrDroppedTrainRows ?? -1)
    expect(out.removeReason).toBe(
      'An outlier: "income" outside -0.4919 … 6.6865 (the bounds learned from the training rows).',
    )
    // A missing income is not an outlier.
    expect(out.remove?.[3]).toBe(0)
    expect(out.table).toBe(cards)
  })

  it('in a regression recipe, drops outlying targets from training and keeps validation and test whole', () => {
    const stocks = bundled('stocks.csv')
    const without = prepareData(recipeWith(stocks, 'price', []), stocks)
    const withStep = prepareData(
      recipeWith(stocks, 'price', [step(['price'], 'iqr', 'drop')]),
      stocks,
    )
    expect(withStep.error).toBeNull()
    const [, low, high] = bounds(withStep.recipe.steps[0] as OutliersStep)[0] ?? []
    const prices = numbers(stocks, 'price')
    const outside = (row: number) =>
      (prices[row] as number) < (low ?? 0) || (prices[row] as number) > (high ?? 0)
    const trainOutside = Array.from(without.parts.train).filter(outside).length
    expect(trainOutside).toBeGreaterThan(0)
    expect(withStep.parts.train).toHaveLength(without.parts.train.length - trainOutside)
    expect(withStep.parts.validation).toEqual(without.parts.validation)
    expect(withStep.parts.test).toEqual(without.parts.test)
    expect(Array.from(withStep.parts.test).some(outside)).toBe(true)
  })

  it('when scoring, keeps an outlying row and notes it', () => {
    const recipe = fitRecipe(
      recipeWith(cards, 'card', [step(['income'], 'iqr', 'drop')]),
      cards,
      train,
    )
    const scored = applyRecipe(recipe, cards)
    expect(scored.table.rowCount).toBe(cards.rowCount)
    const high = fixtures.outliers.income?.['iqr1.5'][1] ?? 0
    const richest = numbers(cards, 'income').findIndex((v) => v > high)
    expect(scored.notes[richest]?.[0]).toMatch(/^An outlier: "income" outside/)
  })
})

describe('outliers: edge cases', () => {
  const gaps = csvTable('x,grade,card\n,A,yes\n,B,no\n5,A,yes\n7,B,no\n')

  it('names a column with no training values and says what to do', () => {
    expect(() => outliersStep.fit(step(['x']), gaps, Int32Array.from([0, 1]), TRAIN)).toThrow(
      '"x" has no values in the training rows, so its outlier bounds cannot be learned. Remove it from this outliers step, or fill its missing values first.',
    )
  })

  it('refuses an empty training set the same way', () => {
    expect(() => outliersStep.fit(step(['x'], 'z-score'), gaps, new Int32Array(0), TRAIN)).toThrow(
      /"x" has no values in the training rows/,
    )
  })

  it('refuses categories', () => {
    expect(() =>
      outliersStep.fit(step(['grade']), gaps, Int32Array.from([0, 1, 2]), TRAIN),
    ).toThrow(/"grade" holds categories, so it cannot be checked for outliers/)
  })

  it('caps values seen only in held-out rows with the training bounds', () => {
    const table = csvTable('x,card\n5,yes\n7,no\n100,yes\n-3,no\n')
    const fitted = outliersStep.fit(step(['x']), table, Int32Array.from([0, 1]), TRAIN)
    // Training q1 = 5.5, q3 = 6.5, IQR = 1: bounds 4 … 8.
    expect(bounds(fitted)).toEqual([['x', 4, 8]])
    const out = outliersStep.apply(
      fitted,
      table,
      rowsWhere(4, () => true),
      TRAIN,
    )
    expect(numbers(out.table, 'x')).toEqual([5, 7, 8, 4])
  })
})
