import { describe, expect, it } from 'vitest'
import type { StepOf } from '../step-schema'
import { ordinalStep } from './ordinal'
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

function ordinal(column: string, order: string[] | null = null): StepOf<'ordinal'> {
  return { id: 'o1', enabled: true, op: 'ordinal', column, order, unseenValue: -1 }
}

// Six training rows, then two rows the fit must not see: "XL" appears only there.
const SIZES = csvTable('size,price\nM,10\nS,8\n,9\nL,14\nM,11\nS,7\nXL,20\nL,15\n')
const TRAIN = rowRange(0, 6)
const ctx = trainCtx('price')

describe('ordinalStep', () => {
  it('numbers the sorted training categories in place; unseen becomes -1, missing stays missing', () => {
    const { fitted, output } = fitApply(ordinalStep, ordinal('size'), SIZES, TRAIN, ctx)
    expect(fitted.fitted).toEqual({ categories: ['L', 'M', 'S'] })
    expect(columnNames(output.table)).toEqual(['size', 'price'])
    expect(numbers(output.table, 'size')).toEqual([1, 2, Number.NaN, 0, 1, 2, -1, 0])
    expect(output.notes).toEqual([
      '1 row(s) of "size" hold a category not seen in training; they became -1.',
    ])
  })

  it('follows the order the analyst gives, including categories absent from training', () => {
    const step = ordinal('size', ['S', 'M', 'L', 'XL', 'XXL'])
    const { fitted, output } = fitApply(ordinalStep, step, SIZES, TRAIN, ctx)
    expect(fitted.fitted?.categories).toEqual(['S', 'M', 'L', 'XL', 'XXL'])
    expect(numbers(output.table, 'size')).toEqual([1, 0, Number.NaN, 2, 1, 0, 3, 2])
  })

  it('refuses an order that leaves out a training category, naming it', () => {
    expect(() => ordinalStep.fit(ordinal('size', ['S', 'M']), SIZES, TRAIN, ctx)).toThrow(
      'The training rows of "size" hold "L", which the order does not list.',
    )
    // XL is only in rows outside training, so an order without it is fine.
    expect(() => ordinalStep.fit(ordinal('size', ['S', 'M', 'L']), SIZES, TRAIN, ctx)).not.toThrow()
    expect(() => ordinalStep.fit(ordinal('size', ['S', 'M', 'L', 'M']), SIZES, TRAIN, ctx)).toThrow(
      /lists "M" more than once/,
    )
  })

  it('orders numeric codes by value, not as text', () => {
    const table = csvTable('grade,y\n10,1\n2,0\n1,1\n10,0\n')
    const { fitted, output } = fitApply(ordinalStep, ordinal('grade'), table, rowRange(0, 4), ctx)
    expect(fitted.fitted?.categories).toEqual(['1', '2', '10'])
    expect(numbers(output.table, 'grade')).toEqual([2, 1, 0, 2])
  })

  it('encodes the real lending-club states, one of them seen only in the later rows', () => {
    const table = datasetTable('lending-club.csv', 200)
    const train = rowRange(0, 150)
    const { fitted, output } = fitApply(ordinalStep, ordinal('addr_state'), table, train, {
      ...ctx,
      target: 'Class',
    })
    const states = fitted.fitted?.categories ?? []
    expect(states).toHaveLength(38)
    expect(states).toEqual([...states].sort())
    expect(states).not.toContain('LA')
    const codes = numbers(output.table, 'addr_state')
    expect(codes.filter((c) => c === -1)).toHaveLength(1)
    expect(Math.max(...codes)).toBe(37)
  })

  it('gives an all-missing column no categories and keeps it missing', () => {
    const table = csvTable('x,y\n,1\n,2\n,3\n')
    const { fitted, output } = fitApply(ordinalStep, ordinal('x'), table, rowRange(0, 3), ctx)
    expect(fitted.fitted?.categories).toEqual([])
    expect(numbers(output.table, 'x')).toEqual([Number.NaN, Number.NaN, Number.NaN])
  })

  it('turns a constant column into zeros', () => {
    const table = csvTable('x,y\nb,1\nb,2\nb,3\n')
    const { output } = fitApply(ordinalStep, ordinal('x'), table, rowRange(0, 3), ctx)
    expect(numbers(output.table, 'x')).toEqual([0, 0, 0])
  })

  it('gives the same output after the fitted step is saved and read back', () => {
    const { fitted, output } = fitApply(ordinalStep, ordinal('size'), SIZES, TRAIN, ctx)
    const again = ordinalStep.apply(roundTrip(fitted), SIZES, rowRange(0, 8), ctx)
    expect(roundTrip(fitted)).toEqual(fitted)
    expect(numbers(again.table, 'size')).toEqual(numbers(output.table, 'size'))
  })

  it('learns nothing from rows outside training', () => {
    const a = ordinalStep.fit(ordinal('size'), SIZES, TRAIN, ctx)
    const b = ordinalStep.fit(ordinal('size'), changedOutside(SIZES, TRAIN), TRAIN, ctx)
    expect(b).toEqual(a)
  })

  it('refuses to encode the target, and asks for a fit before applying', () => {
    expect(() => ordinalStep.fit(ordinal('price'), SIZES, TRAIN, ctx)).toThrow(
      /"price" is the target/,
    )
    expect(() => ordinalStep.apply(ordinal('size'), SIZES, TRAIN, ctx)).toThrow(/not been fitted/)
  })
})
