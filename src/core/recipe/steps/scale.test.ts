import { describe, expect, it } from 'vitest'
import type { Table } from '../../table/table'
import type { StepOf } from '../step-schema'
import { scaleStep } from './scale'
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

function scale(columns: string[], method: StepOf<'scale'>['method']): StepOf<'scale'> {
  return { id: 's1', enabled: true, op: 'scale', columns, method }
}

// Five training rows (one missing), then a row the fit must not see.
const TABLE = csvTable('x,label,y\n1,a,0\n2,b,1\n4,a,0\n,b,1\n10,a,0\n100,b,1\n')
const TRAIN = rowRange(0, 5)
const ctx = trainCtx('y')

/** Values rounded to 8 decimals, as scikit-learn prints them. */
const rounded = (values: number[]): number[] => values.map((v) => Math.round(v * 1e8) / 1e8)

describe('scaleStep', () => {
  // Expected values: StandardScaler / MinMaxScaler / RobustScaler of scikit-learn 1.2.1 fitted
  // on x = [1, 2, 4, NaN, 10] and applied to the same rows.
  it('standardises with the mean and population std of the present training values', () => {
    const { fitted, output } = fitApply(scaleStep, scale(['x'], 'standard'), TABLE, TRAIN, ctx)
    const params = fitted.fitted?.params[0]
    expect(params?.center).toBe(4.25)
    expect(params?.scale).toBeCloseTo(Math.sqrt(12.1875), 14)
    expect(rounded(numbers(output.table, 'x').slice(0, 5))).toEqual([
      -0.93094934,
      -0.64450339,
      -0.07161149,
      Number.NaN,
      1.64706421,
    ])
  })

  it('scales to 0…1 by the training range; later rows may fall outside it', () => {
    const { output } = fitApply(scaleStep, scale(['x'], 'min-max'), TABLE, TRAIN, ctx)
    expect(rounded(numbers(output.table, 'x'))).toEqual([
      0,
      0.11111111,
      0.33333333,
      Number.NaN,
      1,
      11,
    ])
  })

  it('centres on the median and divides by the IQR for robust scaling', () => {
    const { fitted, output } = fitApply(scaleStep, scale(['x'], 'robust'), TABLE, TRAIN, ctx)
    expect(fitted.fitted?.params).toEqual([{ column: 'x', center: 3, scale: 3.75 }])
    expect(rounded(numbers(output.table, 'x').slice(0, 5))).toEqual([
      -0.53333333,
      -0.26666667,
      0.26666667,
      Number.NaN,
      1.86666667,
    ])
  })

  it('scales the real CreditCard columns in place, keeping the column order', () => {
    const table = datasetTable('CreditCard.csv', 200)
    const step = scale(['income', 'age'], 'standard')
    const { output } = fitApply(scaleStep, step, table, rowRange(0, 150), trainCtx('card'))
    expect(columnNames(output.table)).toEqual(columnNames(table))
    const train = numbers(output.table, 'income').slice(0, 150)
    const mean = train.reduce((a, b) => a + b, 0) / train.length
    expect(mean).toBeCloseTo(0, 12)
    expect(Math.sqrt(train.reduce((a, b) => a + b * b, 0) / train.length)).toBeCloseTo(1, 12)
  })

  it('leaves a constant column centred but unscaled, as sklearn', () => {
    const table = csvTable('c,y\n5,0\n5,1\n5,0\n')
    for (const method of ['standard', 'min-max', 'robust'] as const) {
      const { fitted, output } = fitApply(
        scaleStep,
        scale(['c'], method),
        table,
        rowRange(0, 3),
        ctx,
      )
      expect(fitted.fitted?.params).toEqual([{ column: 'c', center: 5, scale: 1 }])
      expect(numbers(output.table, 'c')).toEqual([0, 0, 0])
    }
  })

  it('treats a spread within rounding error of a large mean as constant, as StandardScaler', () => {
    // 1e9 and the next double up: sklearn's _is_constant_feature calls this constant (scale 1)
    // rather than dividing by 6e-8 and blowing the column up to ±0.7 from noise.
    const next = 1e9 + 2 ** -23
    const table = csvTable(`c,y\n1e9,0\n${next},1\n1e9,0\n`)
    const { fitted } = fitApply(scaleStep, scale(['c'], 'standard'), table, rowRange(0, 3), ctx)
    expect(fitted.fitted?.params[0]?.scale).toBe(1)
  })

  it('fits an all-missing column to centre 0, scale 1 and keeps it missing', () => {
    // A numeric column with no value at all, as a cast of unreadable text to numbers leaves it.
    const table: Table = {
      columns: [{ name: 'm', kind: 'numeric', values: new Float64Array([NaN, NaN]) }],
      rowCount: 2,
    }
    for (const method of ['standard', 'min-max', 'robust'] as const) {
      const { fitted, output } = fitApply(
        scaleStep,
        scale(['m'], method),
        table,
        rowRange(0, 2),
        ctx,
      )
      expect(fitted.fitted?.params).toEqual([{ column: 'm', center: 0, scale: 1 }])
      expect(numbers(output.table, 'm')).toEqual([Number.NaN, Number.NaN])
    }
  })

  it('gives the same output after the fitted step is saved and read back', () => {
    const { fitted, output } = fitApply(scaleStep, scale(['x'], 'standard'), TABLE, TRAIN, ctx)
    expect(roundTrip(fitted)).toEqual(fitted)
    const again = scaleStep.apply(roundTrip(fitted), TABLE, rowRange(0, 6), ctx)
    expect(numbers(again.table, 'x')).toEqual(numbers(output.table, 'x'))
  })

  it('learns nothing from rows outside training', () => {
    const table = datasetTable('CreditCard.csv', 200)
    const train = rowRange(0, 150)
    for (const method of ['standard', 'min-max', 'robust'] as const) {
      const step = scale(['income', 'share'], method)
      const a = scaleStep.fit(step, table, train, trainCtx('card'))
      const b = scaleStep.fit(step, changedOutside(table, train), train, trainCtx('card'))
      expect(b).toEqual(a)
    }
  })

  it('refuses categories, the target, and an unfitted step', () => {
    expect(() => scaleStep.fit(scale(['label'], 'standard'), TABLE, TRAIN, ctx)).toThrow(
      '"label" holds categories, so it cannot be scaled.',
    )
    expect(() => scaleStep.fit(scale(['x', 'y'], 'standard'), TABLE, TRAIN, ctx)).toThrow(
      /"y" is the target/,
    )
    expect(() => scaleStep.apply(scale(['x'], 'standard'), TABLE, TRAIN, ctx)).toThrow(
      /not been fitted/,
    )
  })
})
