import { describe, expect, it } from 'vitest'
import type { StepOf } from '../step-schema'
import { dropColumnsStep } from './drop-columns'
import {
  changedOutside,
  columnNames,
  csvTable,
  datasetTable,
  fitApply,
  predictCtx,
  roundTrip,
  rowRange,
  trainCtx,
} from './step-test-kit'

function drop(columns: string[]): StepOf<'drop-columns'> {
  return { id: 'd1', enabled: true, op: 'drop-columns', columns }
}

const TABLE = csvTable('id,age,owner,y\n1,30,yes,0\n2,,no,1\n3,50,,0\n')
const ALL = rowRange(0, 3)
const ctx = trainCtx('y')

describe('dropColumnsStep', () => {
  it('removes the named columns and keeps the rest in order', () => {
    const { output } = fitApply(dropColumnsStep, drop(['id', 'owner']), TABLE, ALL, ctx)
    expect(columnNames(output.table)).toEqual(['age', 'y'])
    expect(output.table.rowCount).toBe(3)
    expect(output.table.columns[0]).toBe(TABLE.columns[1])
  })

  it('drops real CreditCard columns, all-missing or not', () => {
    const table = datasetTable('CreditCard.csv', 50)
    const { output } = fitApply(dropColumnsStep, drop(['share', 'expenditure']), table, ALL, {
      ...ctx,
      target: 'card',
    })
    expect(columnNames(output.table)).not.toContain('share')
    expect(output.table.columns).toHaveLength(table.columns.length - 2)
    const empty = csvTable('gone,y\n,1\n,0\n')
    expect(columnNames(dropColumnsStep.apply(drop(['gone']), empty, ALL, ctx).table)).toEqual(['y'])
  })

  it('refuses the target, naming it', () => {
    expect(() => dropColumnsStep.fit(drop(['age', 'y']), TABLE, ALL, ctx)).toThrow(
      '"y" is the target and cannot be dropped.',
    )
  })

  it('refuses a column the data does not have while training, but not when scoring', () => {
    expect(() => dropColumnsStep.apply(drop(['id', 'ssn']), TABLE, ALL, ctx)).toThrow(
      'The data has no column named "ssn" to drop',
    )
    // Rows sent for scoring may leave out a column the recipe drops anyway.
    const scored = csvTable('age,owner\n41,yes\n')
    const output = dropColumnsStep.apply(drop(['id']), scored, rowRange(0, 1), predictCtx('y'))
    expect(columnNames(output.table)).toEqual(['age', 'owner'])
  })

  it('learns nothing, so saving and reading back or other rows change nothing', () => {
    const step = drop(['id'])
    const fitted = dropColumnsStep.fit(step, TABLE, rowRange(0, 2), ctx)
    expect(fitted).toEqual(step)
    expect(
      dropColumnsStep.fit(step, changedOutside(TABLE, rowRange(0, 2)), rowRange(0, 2), ctx),
    ).toEqual(fitted)
    expect(dropColumnsStep.apply(roundTrip(fitted), TABLE, ALL, ctx).table).toEqual(
      dropColumnsStep.apply(fitted, TABLE, ALL, ctx).table,
    )
  })
})
