import type { Recipe } from '../../core/recipe/recipe-schema'
import type { RecipePlan } from '../../state/recipe-slice'
import type { StepState } from './step-card'

/** Where each step of the edited recipe stands in the last plan, by step id. */
export function stepStates(recipe: Recipe, plan: RecipePlan): Map<string, StepState> {
  const reports = new Map(plan.reports.map((r) => [r.stepId, r]))
  const fitted = new Map(plan.recipe.steps.map((s) => [s.id, s]))
  const failedAt = recipe.steps.findIndex((s) => s.id === plan.error?.stepId)
  const states = new Map<string, StepState>()
  recipe.steps.forEach((step, i) => {
    const report = reports.get(step.id)
    if (!step.enabled) states.set(step.id, { kind: 'off' })
    else if (i === failedAt && plan.error)
      states.set(step.id, { kind: 'failed', message: plan.error.message })
    else if (report) states.set(step.id, { kind: 'ran', report, fitted: fitted.get(step.id) })
    else states.set(step.id, { kind: 'not-run' })
  })
  return states
}
