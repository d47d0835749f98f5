import { describe, expect, it } from 'vitest'
import { applyRecipe } from '../pipeline/apply-recipe'
import { fitRecipe, prepareData } from '../pipeline/prepare-data'
import { stepSchema, type FilterCondition, type StepOf } from '../step-schema'
import { filterRowsStep } from './filter-rows'
import {
  bundled,
  changedRows,
  csvTable,
  numbers,
  recipeWith,
  rowsWhere,
  TRAIN,
} from './fixtures/cleaning-tables'

const step = (column: string, condition: FilterCondition): StepOf<'filter-rows'> => ({
  id: 'f',
  enabled: true,
  op: 'filter-rows',
  column,
  condition,
})

const PEOPLE = csvTable(
  [
    'age,grade,children,card',
    '17,A,0,yes',
    '18,B,1,no',
    '45,,2.5,yes',
    ',A,,no',
    '99,C,1,no',
    '100,B,0,yes',
  ].join('\n'),
)
const ALL = rowsWhere(PEOPLE.rowCount, () => true)

/** The rows a filter keeps. */
function kept(filter: StepOf<'filter-rows'>, table = PEOPLE): number[] {
  const fitted = filterRowsStep.fit(filter, table, ALL, TRAIN)
  const out = filterRowsStep.apply(fitted, table, ALL, TRAIN)
  expect(out.removeFrom).toBe('all')
  return Array.from(out.remove ?? []).flatMap((r, row) => (r ? [] : [row]))
}

const reason = (filter: StepOf<'filter-rows'>) =>
  filterRowsStep.apply(filter, PEOPLE, ALL, TRAIN).removeReason

describe('filter-rows: range', () => {
  it('keeps min ≤ value ≤ max; a missing value fails', () => {
    const filter = step('age', { kind: 'range', min: 18, max: 99 })
    expect(kept(filter)).toEqual([1, 2, 4])
    expect(reason(filter)).toBe('"age" is outside 18 … 99 or missing.')
    expect(filterRowsStep.describe(filter)).toBe('Keep rows with age 18 … 99')
  })

  it('leaves a bound open when it is null', () => {
    expect(kept(step('age', { kind: 'range', min: 18, max: null }))).toEqual([1, 2, 4, 5])
    expect(kept(step('age', { kind: 'range', min: null, max: 45 }))).toEqual([0, 1, 2])
    expect(reason(step('age', { kind: 'range', min: null, max: 45 }))).toBe(
      '"age" is above 45 or missing.',
    )
  })

  it('refuses a range on categories and says what to do instead', () => {
    expect(() => kept(step('grade', { kind: 'range', min: 1, max: 2 }))).toThrow(
      '"grade" holds categories, so it cannot be filtered by a range. Keep or remove chosen categories with "is one of" instead, or cast it to numbers first.',
    )
  })

  it('refuses a range whose minimum is above its maximum', () => {
    expect(() => kept(step('age', { kind: 'range', min: 60, max: 20 }))).toThrow(
      /Swap the minimum and the maximum/,
    )
  })

  it('removes every row when the column is all missing', () => {
    const age = { name: 'age', kind: 'numeric' as const, values: Float64Array.of(NaN, NaN) }
    const empty = { columns: [age], rowCount: 2 }
    expect(kept(step('age', { kind: 'range', min: 0, max: null }), empty)).toEqual([])
  })
})

describe('filter-rows: in and missing', () => {
  it('keeps or removes chosen categories; a missing value is in no list', () => {
    expect(kept(step('grade', { kind: 'in', values: ['A', 'C'], keep: true }))).toEqual([0, 3, 4])
    expect(kept(step('grade', { kind: 'in', values: ['A', 'C'], keep: false }))).toEqual([1, 2, 5])
    expect(reason(step('grade', { kind: 'in', values: ['A', 'C'], keep: true }))).toBe(
      '"grade" is not one of "A", "C".',
    )
  })

  it('compares numbers by their printed label', () => {
    const filter = step('children', { kind: 'in', values: ['1', '2.5'], keep: true })
    expect(kept(filter)).toEqual([1, 2, 4])
  })

  it('keeps a value seen only in held-out rows, as the analyst listed it', () => {
    // "C" appears in row 4 only; the filter is a choice about the population, not a statistic.
    const filter = step('grade', { kind: 'in', values: ['C'], keep: false })
    const train = Int32Array.from([0, 1, 2, 3])
    const fitted = filterRowsStep.fit(filter, PEOPLE, train, TRAIN)
    const out = filterRowsStep.apply(fitted, PEOPLE, ALL, TRAIN)
    expect(Array.from(out.remove ?? [])).toEqual([0, 0, 0, 0, 1, 0])
  })

  it('keeps only missing or only present values', () => {
    expect(kept(step('age', { kind: 'missing', keep: false }))).toEqual([0, 1, 2, 4, 5])
    expect(kept(step('grade', { kind: 'missing', keep: true }))).toEqual([2])
    expect(reason(step('age', { kind: 'missing', keep: false }))).toBe('"age" is missing.')
  })

  it('names a column the data does not have', () => {
    expect(() => kept(step('salary', { kind: 'missing', keep: false }))).toThrow(
      'The data has no column named "salary".',
    )
  })
})

describe('filter-rows in a recipe', () => {
  const cards = bundled('CreditCard.csv')
  const adults = step('age', { kind: 'range', min: 21, max: 65 })
  const inRange = (row: number) => {
    const age = numbers(cards, 'age')[row] as number
    return age >= 21 && age <= 65
  }

  it('removes rows outside the range from training, validation and test alike', () => {
    const prepared = prepareData(recipeWith(cards, 'card', [adults]), cards)
    expect(prepared.error).toBeNull()
    const outside = rowsWhere(cards.rowCount, (row) => !inRange(row)).length
    expect(outside).toBeGreaterThan(20)
    expect(prepared.reports[0]?.removedRows).toBe(outside)
    for (const part of [prepared.parts.train, prepared.parts.validation, prepared.parts.test])
      expect(Array.from(part).every(inRange)).toBe(true)
    const left = prepared.reports[0]?.rows
    expect((left?.train ?? 0) + (left?.validation ?? 0) + (left?.test ?? 0)).toBe(
      cards.rowCount - outside,
    )
  })

  it('learns nothing from the rows: changing held-out rows leaves the fitted step alike', () => {
    const train = rowsWhere(cards.rowCount, (row) => row % 5 !== 0)
    const held = rowsWhere(cards.rowCount, (row) => row % 5 === 0)
    expect(filterRowsStep.fit(adults, changedRows(cards, held), train, TRAIN)).toEqual(
      filterRowsStep.fit(adults, cards, train, TRAIN),
    )
  })

  it('survives a JSON round trip with the same output', () => {
    const filter = step('grade', { kind: 'in', values: ['B'], keep: false })
    const back = stepSchema.parse(JSON.parse(JSON.stringify(filter))) as typeof filter
    expect(filterRowsStep.apply(back, PEOPLE, ALL, TRAIN)).toEqual(
      filterRowsStep.apply(filter, PEOPLE, ALL, TRAIN),
    )
  })

  it('when scoring, keeps a row outside the range and says why', () => {
    const recipe = fitRecipe(
      recipeWith(cards, 'card', [adults]),
      cards,
      rowsWhere(cards.rowCount, () => true),
    )
    const scored = applyRecipe(recipe, cards)
    expect(scored.table.rowCount).toBe(cards.rowCount)
    const young = Array.from({ length: cards.rowCount }, (_, r) => r).find((r) => !inRange(r))
    expect(scored.notes[young ?? -1]).toEqual(['"age" is outside 21 … 65 or missing.'])
    expect(scored.notes.filter((n) => n !== null)).toHaveLength(
      rowsWhere(cards.rowCount, (row) => !inRange(row)).length,
    )
  })
})
