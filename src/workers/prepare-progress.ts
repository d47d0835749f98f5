import type { Recipe } from '../core/recipe/recipe-schema'
import type { PlanProgress } from './prepare-protocol'

/** Reports closer together than this are dropped: progress is for a person, not a log. */
export const PROGRESS_INTERVAL_MS = 100

/**
 * Passes progress on at most every `intervalMs` (and always when `force` is set), so a recipe
 * of many quick steps does not flood the page with messages.
 */
export function throttleProgress(
  send: (progress: PlanProgress) => void,
  intervalMs = PROGRESS_INTERVAL_MS,
  now: () => number = () => performance.now(),
): (progress: PlanProgress, force?: boolean) => void {
  let last = Number.NEGATIVE_INFINITY
  return (progress, force = false) => {
    const at = now()
    if (!force && at - last < intervalMs) return
    last = at
    send(progress)
  }
}

/** What the plan is doing at step `done`: the step's op and columns, then the model inputs. */
export function planStepLabel(recipe: Recipe, done: number): string {
  const step = recipe.steps[done]
  if (!step) return 'model inputs'
  const columns = 'columns' in step ? step.columns : 'column' in step ? [step.column] : []
  const named = columns.length > 3 ? `${columns.slice(0, 3).join(', ')}…` : columns.join(', ')
  return named ? `${step.op} ${named}` : step.op
}
