import { describe, expect, it } from 'vitest'
import type { Table } from '../../table/table'
import type { StepOf } from '../step-schema'
import { oneHotStep } from './one-hot'
import {
  changedOutside,
  columnNames,
  csvTable,
  datasetTable,
  fitApply,
  numbers,
  roundTrip,
  rowRange,
  trainCtx,
} from './step-test-kit'

function oneHot(
  column: string,
  maxCategories: number | null = null,
  unseen: 'other' | 'zeros' = 'zeros',
): StepOf<'one-hot'> {
  return { id: 'h1', enabled: true, op: 'one-hot', column, maxCategories, unseen }
}

/** Each row's inputs, as the model sees them. */
function inputRows(table: Table, names: readonly string[]): number[][] {
  return Array.from({ length: table.rowCount }, (_, row) =>
    names.map((name) => numbers(table, name)[row] as number),
  )
}

// Four training rows (one missing), then a row the fit must not see, holding "rent".
const HOMES = csvTable('age,owner,y\n30,yes,1\n40,no,0\n50,,1\n60,yes,0\n70,rent,1\n')
const TRAIN = rowRange(0, 4)
const ctx = trainCtx('y')

// Counts a:3, b:2, c:2, d:2, e:1 (scikit-learn's tie rule has something to decide).
const LETTERS = csvTable(`letter,y\n${'a a a b b c c d d e'.split(' ').join(',0\n')},0\n`)
const LETTER_ROWS = rowRange(0, 10)

describe('oneHotStep', () => {
  it('puts one 0/1 input per training category where the column was; missing turns all off', () => {
    const { fitted, output } = fitApply(oneHotStep, oneHot('owner'), HOMES, TRAIN, ctx)
    expect(fitted.fitted).toEqual({ categories: ['no', 'yes'], other: false, infrequent: [] })
    expect(columnNames(output.table)).toEqual(['age', 'owner=no', 'owner=yes', 'y'])
    // "rent" was never seen in training and there is no other input: every input off.
    expect(inputRows(output.table, ['owner=no', 'owner=yes'])).toEqual([
      [0, 1],
      [1, 0],
      [0, 0],
      [0, 1],
      [0, 0],
    ])
    expect(output.notes).toEqual([
      '1 row(s) of "owner" hold a category not seen in training; every "owner" input is off for them.',
    ])
  })

  it('keeps the most frequent categories and breaks ties as scikit-learn 1.2.1 does', () => {
    // sklearn OneHotEncoder(max_categories=3, handle_unknown='infrequent_if_exist') on the same
    // column gives x0_a, x0_d, x0_infrequent_sklearn with infrequent b, c, e: among the equal
    // counts of b, c and d, the first in sorted order go to "other".
    const { fitted, output } = fitApply(
      oneHotStep,
      oneHot('letter', 3, 'other'),
      LETTERS,
      LETTER_ROWS,
      ctx,
    )
    expect(fitted.fitted).toEqual({
      categories: ['a', 'd'],
      other: true,
      infrequent: ['b', 'c', 'e'],
    })
    expect(columnNames(output.table)).toEqual(['letter=a', 'letter=d', 'letter=other', 'y'])
    expect(numbers(output.table, 'letter=other')).toEqual([0, 0, 0, 1, 1, 1, 1, 0, 0, 1])
  })

  it('sends the rarest category to "other" when there are exactly maxCategories of them', () => {
    // sklearn counts the infrequent input within max_categories, so 5 categories and at most 5
    // inputs still gives 4 categories and "other", which then also catches unseen categories.
    const { fitted } = fitApply(oneHotStep, oneHot('letter', 5, 'other'), LETTERS, LETTER_ROWS, ctx)
    expect(fitted.fitted).toEqual({
      categories: ['a', 'b', 'c', 'd'],
      other: true,
      infrequent: ['e'],
    })
    const one = fitApply(oneHotStep, oneHot('letter', 1), LETTERS, LETTER_ROWS, ctx)
    expect(one.fitted.fitted).toMatchObject({ categories: [], other: true })
    const fewer = fitApply(oneHotStep, oneHot('letter', 6), LETTERS, LETTER_ROWS, ctx)
    expect(fewer.fitted.fitted).toEqual({
      categories: ['a', 'b', 'c', 'd', 'e'],
      other: false,
      infrequent: [],
    })
  })

  it('sends a category never seen in training to "other" when there is one', () => {
    const table = csvTable('letter,y\na,0\na,0\nb,0\nc,0\nzebra,0\n')
    const { output } = fitApply(
      oneHotStep,
      oneHot('letter', 2, 'other'),
      table,
      rowRange(0, 4),
      ctx,
    )
    expect(columnNames(output.table)).toEqual(['letter=a', 'letter=other', 'y'])
    expect(inputRows(output.table, ['letter=a', 'letter=other'])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 1],
      [0, 1],
    ])
  })

  it('orders numeric codes by value and names the inputs as the numbers print', () => {
    const table = csvTable('rooms,y\n10,0\n2,1\n1,0\n2,1\n1.5,0\n')
    const { output } = fitApply(oneHotStep, oneHot('rooms'), table, rowRange(0, 5), ctx)
    expect(columnNames(output.table)).toEqual(['rooms=1', 'rooms=1.5', 'rooms=2', 'rooms=10', 'y'])
    expect(numbers(output.table, 'rooms=2')).toEqual([0, 1, 0, 1, 0])
  })

  it('breaks ties among numeric codes in numeric order (9 before 12), as sklearn', () => {
    // Real lending-club rows: inq_last_12m takes 10 values in the first 150 rows; 9 and 12
    // occur once each. With at most 10 inputs one goes to "other": sklearn picks 9.
    const table = datasetTable('lending-club.csv', 200)
    const step = oneHot('inq_last_12m', 10, 'other')
    const { fitted } = fitApply(oneHotStep, step, table, rowRange(0, 150), trainCtx('Class'))
    expect(fitted.fitted?.categories).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '12'])
  })

  it('gives an all-missing column no input, with a note', () => {
    const table = csvTable('x,y\n,1\n,2\n')
    const { fitted, output } = fitApply(
      oneHotStep,
      oneHot('x', 4, 'other'),
      table,
      rowRange(0, 2),
      ctx,
    )
    expect(fitted.fitted).toEqual({ categories: [], other: false, infrequent: [] })
    expect(columnNames(output.table)).toEqual(['y'])
    expect(output.notes).toEqual([
      '"x" has no value in the training rows, so it gives the model no input.',
    ])
  })

  it('gives a constant column a single input that is always on', () => {
    const table = csvTable('x,y\nk,1\nk,2\nk,3\n')
    const { output } = fitApply(oneHotStep, oneHot('x'), table, rowRange(0, 3), ctx)
    expect(columnNames(output.table)).toEqual(['x=k', 'y'])
    expect(numbers(output.table, 'x=k')).toEqual([1, 1, 1])
  })

  it('gives the same output after the fitted step is saved and read back', () => {
    const step = oneHot('letter', 3, 'other')
    const { fitted, output } = fitApply(oneHotStep, step, LETTERS, LETTER_ROWS, ctx)
    expect(roundTrip(fitted)).toEqual(fitted)
    const again = oneHotStep.apply(roundTrip(fitted), LETTERS, LETTER_ROWS, ctx)
    expect(again.table).toEqual(output.table)
  })

  it('learns nothing from rows outside training', () => {
    const table = datasetTable('lending-club.csv', 200)
    const train = rowRange(0, 150)
    const step = oneHot('sub_grade', 5, 'other')
    const a = oneHotStep.fit(step, table, train, trainCtx('Class'))
    const b = oneHotStep.fit(step, changedOutside(table, train), train, trainCtx('Class'))
    expect(b).toEqual(a)
  })

  it('refuses to encode the target, a name clash, and an unfitted step', () => {
    expect(() => oneHotStep.fit(oneHot('y'), HOMES, TRAIN, ctx)).toThrow(/"y" is the target/)
    const clash = csvTable('owner,owner=yes,y\nyes,1,0\nno,0,1\n')
    const fitted = oneHotStep.fit(oneHot('owner'), clash, rowRange(0, 2), ctx)
    expect(() => oneHotStep.apply(fitted, clash, rowRange(0, 2), ctx)).toThrow(
      'A column named "owner=yes" already exists.',
    )
    expect(() => oneHotStep.apply(oneHot('owner'), HOMES, TRAIN, ctx)).toThrow(/not been fitted/)
  })
})

describe('one-hot with an "other" input: rare and never-seen categories', () => {
  // Trained on a a a b b c c d d e; scored on b (rare: other), z (never seen), a (own input).
  const scored = csvTable('letter,y\nb,0\nz,0\na,0\n')
  const rows = (unseen: 'other' | 'zeros') => {
    const step = oneHot('letter', 3, unseen)
    const fitted = oneHotStep.fit(step, LETTERS, LETTER_ROWS, ctx)
    const { table } = oneHotStep.apply(fitted, scored, rowRange(0, 3), ctx)
    return inputRows(table, ['letter=a', 'letter=d', 'letter=other'])
  }

  it('sends a never-seen category to "other" when unseen is other', () => {
    expect(rows('other')).toEqual([
      [0, 0, 1],
      [0, 0, 1],
      [1, 0, 0],
    ])
  })

  it('turns every input off for a never-seen category when unseen is zeros, rare ones still other', () => {
    expect(rows('zeros')).toEqual([
      [0, 0, 1],
      [0, 0, 0],
      [1, 0, 0],
    ])
  })
})
