import { describe, expect, it } from 'vitest'
import { setStepEnabled } from '../../core/recipe/edit-steps'
import { planRecipe } from '../../core/recipe/pipeline/plan'
import { columnsBeforeSteps } from './columns-at-step'
import { sample } from './test-datasets'

const names = (columns: readonly { name: string }[]) => columns.map((c) => c.name)

describe('columnsBeforeSteps on Credit card applications', () => {
  const { recipe, plan, raw } = sample('CreditCard.csv', 'card')

  it('offers the first step the raw columns with their Data-step types', () => {
    const [first] = columnsBeforeSteps(raw, recipe.steps, plan.reports)
    expect(names(first ?? [])).toEqual(names(raw))
    expect(first?.find((c) => c.name === 'owner')).toMatchObject({ kind: 'categorical' })
  })

  it('offers a later step the one-hot inputs in place of the encoded column', () => {
    const before = columnsBeforeSteps(raw, recipe.steps, plan.reports)
    const oneHot = recipe.steps.findIndex((s) => s.op === 'one-hot' && s.column === 'owner')
    expect(oneHot).toBeGreaterThanOrEqual(0)
    // The columns the step after the one-hot step sees.
    const second = names(before[oneHot + 1] ?? [])
    expect(second).not.toContain('owner')
    const at = names(raw).indexOf('owner')
    expect(second.slice(at - 1, at + 2)).toEqual(['expenditure', 'owner=no', 'owner=yes'])
    expect(before[oneHot + 1]?.find((c) => c.name === 'owner=yes')).toMatchObject({
      kind: 'numeric',
    })
  })

  it('leaves the columns as they were after a step that is switched off', () => {
    const steps = setStepEnabled(recipe.steps, recipe.steps[0]?.id ?? '', false)
    const replanned = planRecipe({ ...recipe, steps }, sample('CreditCard.csv', 'card').table)
    const before = columnsBeforeSteps(raw, steps, replanned.reports)
    expect(names(before[1] ?? [])).toEqual(names(raw))
  })
})
