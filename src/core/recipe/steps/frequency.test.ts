import { describe, expect, it } from 'vitest'
import type { StepOf } from '../step-schema'
import { frequencyStep } from './frequency'
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

function frequency(column: string): StepOf<'frequency'> {
  return { id: 'f1', enabled: true, op: 'frequency', column }
}

// Five training rows (one missing), then two rows the fit must not see: "Lyon" only there.
const CITIES = csvTable('city,y\nParis,1\nNice,0\nParis,1\n,0\nParis,1\nLyon,0\n,1\n')
const TRAIN = rowRange(0, 5)
const ctx = trainCtx('y')

describe('frequencyStep', () => {
  it('replaces each category by its share of the present training values', () => {
    const { fitted, output } = fitApply(frequencyStep, frequency('city'), CITIES, TRAIN, ctx)
    // As pandas value_counts(normalize=True): the missing training value is in no share.
    expect(fitted.fitted).toEqual({ categories: ['Nice', 'Paris'], frequencies: [0.25, 0.75] })
    expect(columnNames(output.table)).toEqual(['city', 'y'])
    expect(numbers(output.table, 'city')).toEqual([0.75, 0.25, 0.75, 0, 0.75, 0, 0])
  })

  it('gives the real lending-club states shares that add up to 1', () => {
    const table = datasetTable('lending-club.csv', 200)
    const { fitted, output } = fitApply(
      frequencyStep,
      frequency('addr_state'),
      table,
      rowRange(0, 150),
      trainCtx('Class'),
    )
    const shares = fitted.fitted?.frequencies ?? []
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    const ca = fitted.fitted?.categories.indexOf('CA') ?? -1
    expect(shares[ca]).toBe(14 / 150)
    // "LA" appears only after the training rows: as rare as can be.
    const encoded = numbers(output.table, 'addr_state')
    expect(encoded.slice(150).filter((v) => v === 0)).toHaveLength(1)
    expect(encoded.slice(0, 150).every((v) => v > 0)).toBe(true)
  })

  it('reads numeric codes as categories', () => {
    const table = csvTable('code,y\n1,0\n2,1\n1,0\n1,1\n')
    const { output } = fitApply(frequencyStep, frequency('code'), table, rowRange(0, 4), ctx)
    expect(numbers(output.table, 'code')).toEqual([0.75, 0.25, 0.75, 0.75])
  })

  it('turns an all-missing column into zeros and a constant one into ones', () => {
    const table = csvTable('empty,same,y\n,a,1\n,a,2\n,a,3\n')
    const empty = fitApply(frequencyStep, frequency('empty'), table, rowRange(0, 3), ctx)
    expect(empty.fitted.fitted).toEqual({ categories: [], frequencies: [] })
    expect(numbers(empty.output.table, 'empty')).toEqual([0, 0, 0])
    const same = fitApply(frequencyStep, frequency('same'), table, rowRange(0, 3), ctx)
    expect(numbers(same.output.table, 'same')).toEqual([1, 1, 1])
  })

  it('gives the same output after the fitted step is saved and read back', () => {
    const { fitted, output } = fitApply(frequencyStep, frequency('city'), CITIES, TRAIN, ctx)
    expect(roundTrip(fitted)).toEqual(fitted)
    const again = frequencyStep.apply(roundTrip(fitted), CITIES, rowRange(0, 7), ctx)
    expect(numbers(again.table, 'city')).toEqual(numbers(output.table, 'city'))
  })

  it('learns nothing from rows outside training', () => {
    const a = frequencyStep.fit(frequency('city'), CITIES, TRAIN, ctx)
    const b = frequencyStep.fit(frequency('city'), changedOutside(CITIES, TRAIN), TRAIN, ctx)
    expect(b).toEqual(a)
  })

  it('refuses to encode the target, and asks for a fit before applying', () => {
    expect(() => frequencyStep.fit(frequency('y'), CITIES, TRAIN, ctx)).toThrow(/"y" is the target/)
    expect(() => frequencyStep.apply(frequency('city'), CITIES, TRAIN, ctx)).toThrow(
      /not been fitted/,
    )
  })
})
