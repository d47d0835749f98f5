import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../table/parse-delimited'
import { findColumn, type Column, type Table } from '../table/table'
import { fitRecipe, meanStd } from './fit'
import { proposeRecipe } from './propose'
import type { FeatureStep, Recipe } from './recipe-schema'
import { splitRows } from './split'

interface ScalerVector {
  name: string
  values: (number | null)[]
  rows: number[]
  sklearnMean: number
  sklearnScale: number
  numpyMean: number
  numpyStd: number
}

interface ScalerFixtures {
  vectors: ScalerVector[]
  germanCredit: { trainRows: number; columns: string[]; mean: number[]; scale: number[] }
}

const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/scaler-fixtures.json', import.meta.url), 'utf8'),
) as ScalerFixtures

function dataset(name: string): Table {
  const text = readFileSync(new URL(`../../../public/datasets/${name}`, import.meta.url), 'utf8')
  return parseDelimitedText(text).table
}

/** |a − b| within `digits` significant digits of b (toBeCloseTo is absolute; these differ in scale). */
function expectRelativelyClose(actual: number, expected: number, digits: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 10 ** -digits)
}

function step(recipe: Recipe, column: string): FeatureStep {
  const found = recipe.features.find((s) => s.column === column)
  if (!found) throw new Error(`no step for ${column}`)
  return found
}

function standardized(recipe: Recipe, column: string) {
  const s = step(recipe, column)
  if (s.op !== 'standardize' || !s.fitted) throw new Error(`${column} is not a fitted scaler`)
  return s.fitted
}

function categoriesOf(recipe: Recipe, column: string) {
  const s = step(recipe, column)
  if (s.op !== 'one-hot' || !s.fitted) throw new Error(`${column} is not a fitted one-hot step`)
  return s.fitted.categories
}

/** A copy of the table with one cell replaced (a new category is added to the dictionary). */
function withCell(table: Table, name: string, row: number, value: number | string): Table {
  const columns = table.columns.map((column): Column => {
    if (column.name !== name) return column
    if (column.kind === 'numeric') {
      if (typeof value !== 'number') throw new Error('numeric cell needs a number')
      const values = Float64Array.from(column.values)
      values[row] = value
      return { ...column, values }
    }
    const text = String(value)
    const categories = column.categories.includes(text)
      ? column.categories
      : [...column.categories, text]
    const codes = Int32Array.from(column.codes)
    codes[row] = categories.indexOf(text)
    return { ...column, codes, categories }
  })
  return { ...table, columns }
}

function numericValues(table: Table, name: string): Float64Array {
  const column = findColumn(table, name)
  if (column.kind !== 'numeric') throw new Error(`${name} is not numeric`)
  return column.values
}

/** Plain two-pass mean and population standard deviation: the textbook formula, no shortcuts. */
function twoPass(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length
  return { mean, std: Math.sqrt(variance) }
}

describe('meanStd against scikit-learn StandardScaler and numpy', () => {
  it.each(fixtures.vectors.map((v) => [v.name, v] as const))('%s', (_, vector) => {
    const values = Float64Array.from(vector.values, (v) => v ?? Number.NaN)
    const { mean, std } = meanStd(values, vector.rows)
    expectRelativelyClose(mean, vector.sklearnMean, 12)
    expectRelativelyClose(mean, vector.numpyMean, 12)
    // StandardScaler's scale_ is numpy's std, except a constant column is scaled by 1. Around an
    // offset of 1e9 a float64 keeps ~7 digits of a unit-sized spread, so only 7 can be asked there.
    const digits = vector.name.startsWith('large offset') ? 7 : 12
    expectRelativelyClose(std, vector.sklearnScale, digits)
    if (vector.numpyStd !== 0) expectRelativelyClose(std, vector.numpyStd, digits)
    else expect(std).toBe(1)
  })

  it('ignores the rows it is not given', () => {
    const values = Float64Array.from([1, 2, 3, 1000])
    expect(meanStd(values, [0, 1, 2])).toEqual({ mean: 2, std: Math.sqrt(2 / 3) })
  })

  it('matches StandardScaler fitted on the first 800 rows of GermanCredit', () => {
    const german = dataset('GermanCredit.csv')
    const { trainRows, columns, mean, scale } = fixtures.germanCredit
    const rows = Int32Array.from({ length: trainRows }, (_, i) => i)
    const fitted = fitRecipe(proposeRecipe(german, 'GermanCredit.csv', 'Class'), german, rows)
    columns.forEach((column, i) => {
      const { mean: m, std } = standardized(fitted, column)
      expectRelativelyClose(m, mean[i] ?? Number.NaN, 12)
      expectRelativelyClose(std, scale[i] ?? Number.NaN, 12)
    })
  })
})

describe('fitRecipe: no leakage from validation and test rows', () => {
  const credit = dataset('CreditCard.csv')
  const recipe = proposeRecipe(credit, 'CreditCard.csv', 'card')
  const split = splitRows(credit, recipe)
  const fitted = fitRecipe(recipe, credit, split.train)

  it('fits every scaler on the training rows only', () => {
    for (const name of ['income', 'age', 'share', 'months']) {
      const values = numericValues(credit, name)
      const expected = twoPass(Array.from(split.train, (r) => values[r] ?? Number.NaN))
      const everything = twoPass(Array.from(values))
      const got = standardized(fitted, name)
      expectRelativelyClose(got.mean, expected.mean, 12)
      expectRelativelyClose(got.std, expected.std, 12)
      expect(got.mean).not.toBe(everything.mean)
    }
  })

  it('does not change when a test row or a validation row changes, however extreme', () => {
    const testRow = split.test[0] ?? -1
    const validationRow = split.validation[0] ?? -1
    let poisoned = withCell(credit, 'income', testRow, 1e9)
    poisoned = withCell(poisoned, 'age', validationRow, -1e6)
    poisoned = withCell(poisoned, 'owner', testRow, 'martian')
    expect(fitRecipe(recipe, poisoned, split.train)).toEqual(fitted)
  })

  it('does change when a training row changes (so the check above could fail)', () => {
    const trainRow = split.train[0] ?? -1
    const poisoned = withCell(credit, 'income', trainRow, 1e9)
    const refit = fitRecipe(recipe, poisoned, split.train)
    expect(standardized(refit, 'income').mean).toBeGreaterThan(standardized(fitted, 'income').mean)
    const newCategory = fitRecipe(
      recipe,
      withCell(credit, 'owner', trainRow, 'martian'),
      split.train,
    )
    expect(categoriesOf(newCategory, 'owner')).toEqual(['martian', 'no', 'yes'])
  })

  it('one-hot encodes only the categories seen in training, sorted', () => {
    const { table } = parseDelimitedText('x,color,y\n1,red,a\n2,blue,b\n3,green,a\n4,red,b\n')
    const small = proposeRecipe(table, 't', 'y')
    expect(categoriesOf(fitRecipe(small, table, Int32Array.from([0, 1, 3])), 'color')).toEqual([
      'blue',
      'red',
    ])
  })

  it('fits the regression target scale on the training rows only', () => {
    const regression = proposeRecipe(credit, 'CreditCard.csv', 'income')
    const rows = splitRows(credit, regression)
    const target = fitRecipe(regression, credit, rows.train).target
    const values = numericValues(credit, 'income')
    const expected = twoPass(Array.from(rows.train, (r) => values[r] ?? Number.NaN))
    expectRelativelyClose(target.scale?.mean ?? Number.NaN, expected.mean, 12)
    expectRelativelyClose(target.scale?.std ?? Number.NaN, expected.std, 12)
    const poisoned = withCell(credit, 'income', rows.test[0] ?? -1, 1e12)
    expect(fitRecipe(regression, poisoned, rows.train).target).toEqual(target)
  })

  it('leaves the recipe it was given unfitted', () => {
    expect(recipe.features.every((s) => s.fitted === undefined)).toBe(true)
  })

  it('refuses to scale a categorical column, naming it', () => {
    const broken: Recipe = {
      ...recipe,
      features: [{ op: 'standardize', column: 'owner' }],
    }
    expect(() => fitRecipe(broken, credit, split.train)).toThrow(/"owner" is not numeric/)
  })
})
