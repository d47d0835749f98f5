import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../table/parse-delimited'
import { tableFromRecords } from '../table/records'
import { fitRecipe } from './pipeline/prepare-data'
import { applyRecipe } from './pipeline/apply-recipe'
import { proposeRecipe } from './propose'
import { sourceColumns, type Recipe } from './recipe-schema'
import {
  decodeOutputs,
  encodeTarget,
  featureMatrix,
  featureNames,
  featureWidth,
  targetWidth,
  transformFeatures,
} from './transform'

const TRAIN = 'age,owner,income,card\n20,yes,1.5,yes\n30,no,2.5,no\n40,yes,,yes\n50,no,4.5,no\n'
const { table } = parseDelimitedText(TRAIN)
const allRows = Int32Array.from([0, 1, 2, 3])
/** Scale the numbers, one-hot the categories: the two steps every tabular recipe has. */
const recipe: Recipe = {
  ...proposeRecipe(table, 't', 'card'),
  steps: [
    { id: 's1', enabled: true, op: 'scale', columns: ['age', 'income'], method: 'standard' },
    {
      id: 's2',
      enabled: true,
      op: 'one-hot',
      column: 'owner',
      maxCategories: null,
      unseen: 'zeros',
    },
  ],
}
const fitted = fitRecipe(recipe, table, allRows)

/** The model inputs of each row, as plain arrays. */
function rowsOf(recipe: Recipe, records: Record<string, unknown>[]): number[][] {
  const x = transformFeatures(recipe, tableFromRecords(records, sourceColumns(recipe)))
  return Array.from({ length: x.rows }, (_, i) =>
    Array.from(x.values.subarray(i * x.width, (i + 1) * x.width)),
  )
}

describe('featureNames', () => {
  it('names every model input after its raw column', () => {
    expect(featureNames(fitted)).toEqual(['age', 'owner=no', 'owner=yes', 'income'])
    expect(fitted.features?.map((f) => f.sources)).toEqual([
      ['age'],
      ['owner'],
      ['owner'],
      ['income'],
    ])
    expect(featureWidth(fitted)).toBe(4)
  })

  it('asks for the recipe to be fitted first', () => {
    expect(() => featureNames(recipe)).toThrow(/not been fitted yet/)
    expect(() => transformFeatures(recipe, table)).toThrow(/not been fitted yet/)
  })
})

describe('transformFeatures', () => {
  // age: mean 35, population std sqrt(125); income: mean of 1.5, 2.5, 4.5 (one missing).
  const ageStd = Math.sqrt(125)
  const incomeMean = (1.5 + 2.5 + 4.5) / 3
  const incomeStd = Math.sqrt(
    ((1.5 - incomeMean) ** 2 + (2.5 - incomeMean) ** 2 + (4.5 - incomeMean) ** 2) / 3,
  )

  it('scales numbers with the fitted statistics and one-hot encodes categories', () => {
    const [row] = rowsOf(fitted, [{ age: 45, owner: 'yes', income: 3 }])
    expect(row).toHaveLength(4)
    expect(row?.[0]).toBeCloseTo(10 / ageStd, 6)
    expect(row?.slice(1, 3)).toEqual([0, 1])
    expect(row?.[3]).toBeCloseTo((3 - incomeMean) / incomeStd, 6)
  })

  it('turns a missing number into 0, the training mean', () => {
    const [row] = rowsOf(fitted, [{ age: null, owner: 'no', income: 'NA' }])
    expect(row).toEqual([0, 1, 0, 0])
  })

  it('turns an unseen or a missing category into all zeros', () => {
    const rows = rowsOf(fitted, [
      { age: 35, owner: 'maybe', income: incomeMean },
      { age: 35, owner: '', income: incomeMean },
      { age: 35, income: incomeMean },
    ])
    for (const row of rows) expect(row.slice(1, 3)).toEqual([0, 0])
  })

  it('maps categories by name, not by the order they appear in the new rows', () => {
    const rows = rowsOf(fitted, [
      { age: 35, owner: 'no' },
      { age: 35, owner: 'yes' },
    ])
    expect(rows.map((r) => r.slice(1, 3))).toEqual([
      [1, 0],
      [0, 1],
    ])
  })

  it('transforms only the rows asked for, in that order', () => {
    const x = featureMatrix(fitted, applyRecipe(fitted, table).table, Int32Array.from([3, 0]))
    expect(x.rows).toBe(2)
    expect(x.values[0]).toBeCloseTo(15 / ageStd, 6)
    expect(x.values[4]).toBeCloseTo(-15 / ageStd, 6)
  })

  it('one-hot encodes a numeric code column by its training values', () => {
    const codes = parseDelimitedText('grade,y\n1,a\n3,b\n2,a\n3,b\n').table
    const oneHot: Recipe = {
      ...proposeRecipe(codes, 't', 'y'),
      steps: [
        {
          id: 's1',
          enabled: true,
          op: 'one-hot',
          column: 'grade',
          maxCategories: null,
          unseen: 'zeros',
        },
      ],
    }
    const fittedCodes = fitRecipe(oneHot, codes, Int32Array.from([0, 1, 3]))
    expect(featureNames(fittedCodes)).toEqual(['grade=1', 'grade=3'])
    expect(rowsOf(fittedCodes, [{ grade: 3 }, { grade: 2 }])).toEqual([
      [0, 1],
      [0, 0],
    ])
  })
})

describe('encodeTarget and decodeOutputs', () => {
  it('encodes a binary target as 1 for the positive class', () => {
    expect(fitted.target.classes).toEqual(['no', 'yes'])
    expect(targetWidth(fitted)).toBe(1)
    expect(Array.from(encodeTarget(fitted, table, allRows))).toEqual([1, 0, 1, 0])
  })

  it('encodes a multiclass target as one-hot rows in class order', () => {
    const t = parseDelimitedText('x,y\n1,b\n2,c\n3,a\n4,b\n').table
    const recipe = fitRecipe(proposeRecipe(t, 't', 'y'), t, Int32Array.from([0, 1, 2, 3]))
    expect(recipe.target.classes).toEqual(['a', 'b', 'c'])
    expect(targetWidth(recipe)).toBe(3)
    expect(Array.from(encodeTarget(recipe, t, Int32Array.from([0, 1, 2])))).toEqual([
      0, 1, 0, 0, 0, 1, 1, 0, 0,
    ])
  })

  it('refuses a target value the recipe does not know, naming the row', () => {
    const t = parseDelimitedText('x,y\n1,a\n2,b\n3,a\n').table
    const recipe = proposeRecipe(t, 't', 'y')
    const other = parseDelimitedText('x,y\n1,a\n2,z\n').table
    expect(() => encodeTarget(recipe, other, Int32Array.from([0, 1]))).toThrow(/Row 2/)
  })

  it('standardises a regression target and decodes outputs back into its units', () => {
    const prices = [120000.5, 250000.25, 99000, 1500000, 310000]
    const t = parseDelimitedText(`x,price\n${prices.map((p, i) => `${i},${p}`).join('\n')}\n`).table
    const rows = Int32Array.from([0, 1, 2, 3, 4])
    const recipe = fitRecipe(proposeRecipe(t, 't', 'price'), t, rows)
    expect(recipe.target.task).toBe('regression')
    const encoded = encodeTarget(recipe, t, rows)
    const mean = prices.reduce((a, b) => a + b) / prices.length
    expect(encoded[3]).toBeCloseTo((1500000 - mean) / (recipe.target.scale?.std ?? 0), 6)
    const decoded = decodeOutputs(recipe, encoded)
    expect(decoded).toBeInstanceOf(Float64Array)
    // float32 keeps about 7 significant digits of the standardised value.
    decoded.forEach((v, i) => expect(Math.abs(v - (prices[i] ?? 0))).toBeLessThan(0.1))
  })

  it('leaves classification probabilities as they are', () => {
    const probabilities = Float32Array.from([0.1, 0.75, 0.5])
    expect(Array.from(decodeOutputs(fitted, probabilities))).toEqual(Array.from(probabilities))
  })
})
