import { describe, expect, it } from 'vitest'
import { encodeTarget } from '../recipe/transform'
import { bundledTable, trainForReal, withTraining } from '../train/run-history-test-run'
import { testSetOf } from './test-set'

describe('testSetOf', () => {
  it("gives a German-credit run each test row's class and probability", async () => {
    const { table, recipeFor } = bundledTable('GermanCredit.csv')
    const run = await trainForReal(withTraining(recipeFor('Class'), { epochs: 2 }), table)
    const set = testSetOf(run)
    expect(set.task).toBe('binary')
    expect(set.classes).toEqual(run.recipe.target.classes)
    expect(Array.from(set.actual)).toEqual(
      Array.from(encodeTarget(run.recipe, table, run.testRows)),
    )
    expect(set.outputs).toHaveLength(run.testRows.length)
    expect(set.outputs.every((p) => p > 0 && p < 1)).toBe(true)
  })

  it('puts a regression run back in the target units', async () => {
    const { table, recipeFor } = bundledTable('wine.csv')
    const run = await trainForReal(withTraining(recipeFor('alcohol'), { epochs: 1 }), table)
    const set = testSetOf(run)
    expect(set.task).toBe('regression')
    const column = table.columns.find((c) => c.name === 'alcohol')
    if (column?.kind !== 'numeric') throw new Error('alcohol should be numeric')
    run.testRows.forEach((row, i) => expect(set.actual[i]).toBeCloseTo(column.values[row] ?? 0, 5))
  })
})
