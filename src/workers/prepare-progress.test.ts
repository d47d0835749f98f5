import { describe, expect, it } from 'vitest'
import { proposeRecipe } from '../core/recipe/propose'
import type { Recipe } from '../core/recipe/recipe-schema'
import { tableFromRecords } from '../core/table/records'
import { planStepLabel, throttleProgress } from './prepare-progress'
import type { PlanProgress } from './prepare-protocol'

describe('throttleProgress', () => {
  it('passes on at most one report per interval, and forced ones always', () => {
    let now = 0
    const sent: number[] = []
    const report = throttleProgress(
      (p) => sent.push(p.done),
      100,
      () => now,
    )
    const at = (done: number): PlanProgress => ({ done, total: 10, label: 'scale' })
    report(at(0))
    now = 40
    report(at(1))
    now = 99
    report(at(2))
    now = 100
    report(at(3))
    now = 120
    report(at(4), true)
    expect(sent).toEqual([0, 3, 4])
  })
})

describe('planStepLabel', () => {
  const table = tableFromRecords(
    [
      { a: 1, b: 2, c: 3, d: 4, owner: 'yes', y: 'no' },
      { a: 2, b: 3, c: 4, d: 5, owner: 'no', y: 'yes' },
    ],
    [
      { name: 'a', kind: 'numeric' },
      { name: 'b', kind: 'numeric' },
      { name: 'c', kind: 'numeric' },
      { name: 'd', kind: 'numeric' },
      { name: 'owner', kind: 'categorical' },
      { name: 'y', kind: 'categorical' },
    ],
  )
  const recipe: Recipe = {
    ...proposeRecipe(table, 't', 'y'),
    steps: [
      {
        id: 's1',
        enabled: true,
        op: 'one-hot',
        column: 'owner',
        maxCategories: null,
        unseen: 'zeros',
      },
      { id: 's2', enabled: true, op: 'scale', columns: ['a', 'b', 'c', 'd'], method: 'standard' },
    ],
  }

  it('names the step and the columns it works on, a long list shortened', () => {
    expect(planStepLabel(recipe, 0)).toBe('one-hot owner')
    expect(planStepLabel(recipe, 1)).toBe('scale a, b, c…')
    expect(planStepLabel(recipe, 2)).toBe('model inputs')
  })
})
