import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../table/parse-delimited'
import { applyRecipe } from './pipeline/apply-recipe'
import { fitRecipe } from './pipeline/prepare-data'
import { proposeRecipe } from './propose'
import type { Recipe } from './recipe-schema'
import { featureMatrix } from './transform'

const { table } = parseDelimitedText('x,colour,y\n1,red,a\n2,blue,b\n3,red,a\n,green,b\n5,blue,a\n')
const recipe: Recipe = {
  ...proposeRecipe(table, 't', 'y'),
  steps: [
    {
      id: 's1',
      enabled: true,
      op: 'one-hot',
      column: 'colour',
      maxCategories: null,
      unseen: 'zeros',
    },
  ],
}
const fitted = fitRecipe(recipe, table, Int32Array.from([0, 1, 2, 3, 4]))

describe('featureMatrix row order', () => {
  it('writes row i of the matrix from rows[i], shuffled and repeated rows included', () => {
    // Inputs: x, colour=blue, colour=green, colour=red; a missing x enters as 0.
    const m = featureMatrix(
      fitted,
      applyRecipe(fitted, table).table,
      Int32Array.from([4, 0, 3, 0, 1]),
    )
    expect(m.width).toBe(4)
    const rows = Array.from({ length: m.rows }, (_, i) =>
      Array.from(m.values.subarray(i * m.width, (i + 1) * m.width)),
    )
    expect(rows).toEqual([
      [5, 1, 0, 0],
      [1, 0, 0, 1],
      [0, 0, 1, 0],
      [1, 0, 0, 1],
      [2, 1, 0, 0],
    ])
  })
})
