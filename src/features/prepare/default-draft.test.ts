import { describe, expect, it } from 'vitest'
import { addStep } from '../../core/recipe/edit-steps'
import { planRecipe } from '../../core/recipe/pipeline/plan'
import { stepSchema } from '../../core/recipe/step-schema'
import { columnsBeforeSteps } from './columns-at-step'
import { defaultDraft, noColumnFor } from './default-draft'
import { TABLE_OPS } from './step-catalogue'
import { must, sample } from './test-datasets'

describe('defaultDraft: a new step ready to run', () => {
  const credit = sample('CreditCard.csv', 'card')

  it('gives every op a draft the recipe schema accepts, where a column suits it', () => {
    for (const { op } of TABLE_OPS) {
      const draft = defaultDraft(op, credit.raw, 'card')
      if (op === 'date-parts') expect(draft).toBeNull()
      else
        expect(stepSchema.safeParse({ ...draft, id: 's9', enabled: true }).success, op).toBe(true)
    }
  })

  it('never picks the target, and scales every numeric input', () => {
    expect(defaultDraft('drop-columns', credit.raw, 'card')).toEqual({
      op: 'drop-columns',
      columns: ['reports'],
    })
    const scale = defaultDraft('scale', credit.raw, 'card')
    expect(scale).toMatchObject({ op: 'scale', method: 'standard' })
    expect(scale && 'columns' in scale ? scale.columns : []).toHaveLength(9)
    expect(defaultDraft('one-hot', credit.raw, 'card')).toMatchObject({ column: 'owner' })
  })

  it('picks the date column of the stock prices for date parts and windows', () => {
    const stocks = sample('stocks.csv', 'price')
    expect(defaultDraft('date-parts', stocks.raw, 'price')).toMatchObject({ column: 'date' })
    expect(defaultDraft('windows', stocks.raw, 'price')).toMatchObject({
      orderBy: 'date',
      columns: ['price'],
    })
  })

  it('adds steps at the end of the proposed recipe that prepare cleanly', () => {
    const { recipe, plan, raw, table } = credit
    const atEnd = must(
      columnsBeforeSteps(raw, [...recipe.steps, must(recipe.steps[0], 'a step')], plan.reports).at(
        -1,
      ),
      'columns at the end',
    )
    // Every category is encoded by now: nothing is left to one-hot, and the menu says so.
    expect(defaultDraft('one-hot', atEnd, 'card')).toBeNull()
    expect(noColumnFor('one-hot')).toBe('No categorical column left to encode.')
    for (const op of ['drop-columns', 'log1p', 'scale'] as const) {
      const draft = defaultDraft(op, atEnd, 'card')
      expect(draft, op).not.toBeNull()
      const next = planRecipe({ ...recipe, steps: addStep(recipe.steps, must(draft, op)) }, table)
      expect(next.error, op).toBeNull()
    }
  })
})
