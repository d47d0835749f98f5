import { describe, expect, it } from 'vitest'
import type { Table } from '../../table/table'
import type { StepOf } from '../step-schema'
import { log1pStep } from './log1p'
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

function log1p(columns: string[]): StepOf<'log1p'> {
  return { id: 'l1', enabled: true, op: 'log1p', columns }
}

const TABLE = csvTable('amount,kind,y\n0,a,1\n9,b,0\n,a,1\n-0.5,b,0\n-1,a,1\n-3,b,0\n')
const ALL = rowRange(0, 6)
const ctx = trainCtx('y')

describe('log1pStep', () => {
  it('takes log(1 + x) in place; missing stays missing', () => {
    const { output } = fitApply(log1pStep, log1p(['amount']), TABLE, rowRange(0, 4), ctx)
    expect(columnNames(output.table)).toEqual(['amount', 'kind', 'y'])
    expect(numbers(output.table, 'amount').slice(0, 4)).toEqual([
      0,
      Math.log(10),
      Number.NaN,
      Math.log1p(-0.5),
    ])
  })

  it('turns values at or below −1 into missing values, with a note saying how many', () => {
    const { output } = fitApply(log1pStep, log1p(['amount']), TABLE, ALL, ctx)
    expect(numbers(output.table, 'amount').slice(4)).toEqual([Number.NaN, Number.NaN])
    expect(output.notes).toEqual([
      '2 value(s) of "amount" at or below −1 have no logarithm and became missing.',
    ])
  })

  it('tames the long right tail of the real CreditCard expenditure', () => {
    const table = datasetTable('CreditCard.csv', 200)
    const { output } = fitApply(log1pStep, log1p(['expenditure']), table, rowRange(0, 150), {
      ...ctx,
      target: 'card',
    })
    const before = numbers(table, 'expenditure')
    const after = numbers(output.table, 'expenditure')
    expect(Math.max(...before)).toBeGreaterThan(1000)
    expect(Math.max(...after)).toBeLessThan(8)
    after.forEach((v, i) => expect(v).toBeCloseTo(Math.log1p(before[i] as number), 12))
  })

  it('keeps an all-missing column missing and turns a constant column into a constant', () => {
    const table: Table = {
      columns: [
        { name: 'empty', kind: 'numeric', values: new Float64Array([NaN, NaN]) },
        { name: 'same', kind: 'numeric', values: new Float64Array([3, 3]) },
      ],
      rowCount: 2,
    }
    const { output } = fitApply(log1pStep, log1p(['empty', 'same']), table, rowRange(0, 2), ctx)
    expect(numbers(output.table, 'empty')).toEqual([Number.NaN, Number.NaN])
    expect(numbers(output.table, 'same')).toEqual([Math.log(4), Math.log(4)])
  })

  it('learns nothing, so saving and reading back or other rows change nothing', () => {
    const step = log1p(['amount'])
    const fitted = log1pStep.fit(step, TABLE, rowRange(0, 3), ctx)
    expect(fitted).toEqual(step)
    expect(log1pStep.fit(step, changedOutside(TABLE, rowRange(0, 3)), rowRange(0, 3), ctx)).toEqual(
      fitted,
    )
    const again = log1pStep.apply(roundTrip(fitted), TABLE, ALL, ctx)
    expect(again.table).toEqual(log1pStep.apply(fitted, TABLE, ALL, ctx).table)
  })

  it('refuses categories and the target', () => {
    expect(() => log1pStep.apply(log1p(['kind']), TABLE, ALL, ctx)).toThrow(
      '"kind" holds categories, so it cannot be log-transformed.',
    )
    expect(() => log1pStep.fit(log1p(['y']), TABLE, ALL, ctx)).toThrow(/"y" is the target/)
  })
})
