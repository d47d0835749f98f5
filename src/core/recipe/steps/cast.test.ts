import { describe, expect, it } from 'vitest'
import { applyRecipe } from '../pipeline/apply-recipe'
import { prepareData } from '../pipeline/prepare-data'
import { stepSchema, type StepOf } from '../step-schema'
import { castStep } from './cast'
import {
  bundled,
  changedRows,
  csvTable,
  labels,
  numbers,
  PREDICT,
  recipeWith,
  rowsWhere,
  TRAIN,
} from './fixtures/cleaning-tables'

type CastStep = StepOf<'cast'>

const step = (column: string, to: CastStep['to']): CastStep => ({
  id: 'c',
  enabled: true,
  op: 'cast',
  column,
  to,
})

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d)
const all = (n: number) => rowsWhere(n, () => true)

function castAll(s: CastStep, text: string, trainRows?: Int32Array) {
  const table = csvTable(text)
  const live = all(table.rowCount)
  const fitted = castStep.fit(s, table, trainRows ?? live, TRAIN)
  return { fitted, ...castStep.apply(fitted, table, live, TRAIN) }
}

describe('cast to numbers', () => {
  it('parses text numbers; text that is not a number becomes missing and is counted', () => {
    const out = castAll(
      step('amount', 'numeric'),
      'amount,card\n1200,yes\n 35.5 ,no\nunknown,yes\n,no\n-4e3,yes\n',
    )
    expect(numbers(out.table, 'amount')).toEqual([1200, 35.5, NaN, NaN, -4000])
    expect(out.notes).toEqual([
      '1 value(s) of "amount" are not numbers (such as "unknown") and became missing.',
    ])
    expect(out.fitted.fitted).toBeUndefined()
  })

  it('leaves a column that already holds numbers as it is', () => {
    const table = csvTable('x,card\n1,yes\n')
    const out = castStep.apply(step('x', 'numeric'), table, all(1), TRAIN)
    expect(out.table.columns[0]).toBe(table.columns[0])
  })
})

describe('cast to categories', () => {
  it('turns number codes into categories labelled as they print', () => {
    const out = castAll(step('chist', 'categorical'), 'chist,card\n1,yes\n2.5,no\n,yes\n1,no\n')
    expect(labels(out.table, 'chist')).toEqual(['1', '2.5', null, '1'])
  })

  it('in a recipe, lets HMDA credit-history codes be one-hot encoded', () => {
    const hmda = bundled('HMDA.csv')
    expect(hmda.columns.find((c) => c.name === 'chist')?.kind).toBe('numeric')
    const prepared = prepareData(recipeWith(hmda, 'deny', [step('chist', 'categorical')]), hmda)
    expect(prepared.error).toBeNull()
    const inputs = prepared.recipe.features?.filter((f) => f.sources.includes('chist'))
    expect(inputs?.map((f) => f.name)).toEqual([
      'chist=1',
      'chist=2',
      'chist=3',
      'chist=4',
      'chist=5',
      'chist=6',
    ])
  })
})

describe('cast text to dates', () => {
  const text = 'opened,card\n31/03/2024,yes\n04/05/2024,no\n01/02/2024,yes\n12/13/2024,no\n,yes\n'

  it('learns the day/month order from training rows and reads every row that way', () => {
    const out = castAll(step('opened', 'datetime'), text, Int32Array.from([0, 1, 2]))
    expect(out.fitted.fitted).toEqual({ dayMonthOrder: 'day-first' })
    // Row 3 is month-first and only in held-out rows: read day first, it is no date.
    expect(numbers(out.table, 'opened')).toEqual([
      day(2024, 3, 31),
      day(2024, 5, 4),
      day(2024, 2, 1),
      NaN,
      NaN,
    ])
    expect(out.notes).toEqual([
      '1 value(s) of "opened" are not dates (such as "12/13/2024") and became missing.',
      'Dates with the year last are read day/month/year, as in the training rows.',
    ])
  })

  it('reads a single scored row in the training order', () => {
    const fitted = castAll(step('opened', 'datetime'), text, Int32Array.from([0, 1, 2])).fitted
    const one = csvTable('opened,card\n04/05/2024,\n')
    const out = castStep.apply(fitted, one, all(1), PREDICT)
    // Alone, "04/05/2024" would be read month first (April 5); the recipe says day first.
    expect(numbers(out.table, 'opened')).toEqual([day(2024, 5, 4)])
  })

  it('does not learn from held-out rows: changing them leaves the order alike', () => {
    const table = csvTable(text)
    const train = Int32Array.from([1, 2])
    const held = Int32Array.from([0, 3, 4])
    const fitted = castStep.fit(step('opened', 'datetime'), table, train, TRAIN)
    expect(fitted.fitted).toEqual({ dayMonthOrder: 'month-first' })
    expect(
      castStep.fit(step('opened', 'datetime'), changedRows(table, held), train, TRAIN),
    ).toEqual(fitted)
  })

  it('refuses training rows that mix day-first and month-first dates', () => {
    expect(() => castAll(step('opened', 'datetime'), text)).toThrow(
      /The training rows of "opened" mix day-first \(31\/12\/2024\) and month-first \(12\/31\/2024\) dates/,
    )
  })

  it('refuses a column whose training values are not dates', () => {
    expect(() => castAll(step('city', 'datetime'), 'city,card\nBoston,yes\nLyon,no\n')).toThrow(
      'No training value of "city" is a date (such as "Boston"). Dates look like 2024-03-31, 31/03/2024 or 03/31/2024; choose another type for this column.',
    )
  })

  it('with no training value, reads year-last dates month first', () => {
    const out = castAll(
      step('opened', 'datetime'),
      'opened,card\n,yes\n04/05/2024,no\n',
      Int32Array.from([0]),
    )
    expect(out.fitted.fitted).toEqual({ dayMonthOrder: null })
    expect(numbers(out.table, 'opened')).toEqual([NaN, day(2024, 4, 5)])
  })

  it('refuses to turn the target into dates', () => {
    expect(() => castAll(step('card', 'datetime'), 'card,x\n2024-01-01,1\n')).toThrow(
      /"card" is the target and cannot become dates/,
    )
  })

  it('survives a JSON round trip with the same output', () => {
    const table = csvTable(text)
    const fitted = castStep.fit(
      step('opened', 'datetime'),
      table,
      Int32Array.from([0, 1, 2]),
      TRAIN,
    )
    const back = stepSchema.parse(JSON.parse(JSON.stringify(fitted))) as CastStep
    expect(back).toEqual(fitted)
    expect(castStep.apply(back, table, all(5), TRAIN)).toEqual(
      castStep.apply(fitted, table, all(5), TRAIN),
    )
  })

  it('in a recipe, turns the stock dates into numbers a model can use', () => {
    const stocks = bundled('stocks.csv')
    const prepared = prepareData(recipeWith(stocks, 'price', [step('date', 'datetime')]), stocks)
    expect(prepared.error).toBeNull()
    expect(prepared.recipe.steps[0]).toMatchObject({ fitted: { dayMonthOrder: null } })
    expect(prepared.recipe.features?.map((f) => f.name)).toContain('date')
    expect(numbers(prepared.table, 'date')[0]).toBe(day(2000, 1, 1))
    const scored = applyRecipe(prepared.recipe, csvTable('symbol,date,price\nIBM,2010-03-01,\n'))
    expect(numbers(scored.table, 'date')).toEqual([day(2010, 3, 1)])
  })
})

describe('cast numbers to dates', () => {
  it('reads YYYYMMDD, seconds and milliseconds since 1970, each value on its own', () => {
    const out = castAll(step('when', 'datetime'), 'when,card\n20240131,yes\n20240230,no\n,yes\n')
    expect(numbers(out.table, 'when')).toEqual([day(2024, 1, 31), NaN, NaN])
    expect(out.notes).toEqual([
      'Read as year-month-day numbers (YYYYMMDD).',
      '1 value(s) of "when" (such as 20240230) are not YYYYMMDD dates or seconds/milliseconds since 1970 and became missing.',
    ])
    const seconds = castAll(step('when', 'datetime'), 'when,card\n1704067200,yes\n')
    expect(numbers(seconds.table, 'when')).toEqual([day(2024, 1, 1)])
    const ms = castAll(step('when', 'datetime'), 'when,card\n1704067200000,yes\n')
    expect(numbers(ms.table, 'when')).toEqual([day(2024, 1, 1)])
  })

  it('turns held-out numbers that are no date into missing values, with a note', () => {
    const table = csvTable('when,card\n20240131,yes\n20240201,no\n17,yes\n')
    const fitted = castStep.fit(step('when', 'datetime'), table, Int32Array.from([0, 1]), TRAIN)
    const out = castStep.apply(fitted, table, all(3), TRAIN)
    expect(numbers(out.table, 'when')).toEqual([day(2024, 1, 31), day(2024, 2, 1), NaN])
    expect(out.notes?.[1]).toBe(
      '1 value(s) of "when" (such as 17) are not YYYYMMDD dates or seconds/milliseconds since 1970 and became missing.',
    )
  })

  it('refuses training numbers that are not one date format', () => {
    expect(() => castAll(step('n', 'datetime'), 'n,card\n3,yes\n20240101,no\n')).toThrow(
      /The training values of "n" are not all YYYYMMDD dates/,
    )
  })
})
