import type { Step } from './step-schema'

/** A step as the analyst adds it: the recipe gives it an id and switches it on. */
export type StepDraft = Step extends infer S
  ? S extends Step
    ? Omit<S, 'id' | 'enabled'>
    : never
  : never

/** An id no step of the list has: s1, s2, … */
export function newStepId(steps: readonly Step[]): string {
  let max = 0
  for (const step of steps) {
    const n = /^s(\d+)$/.exec(step.id)?.[1]
    if (n) max = Math.max(max, Number(n))
  }
  return `s${max + 1}`
}

/**
 * A changed step loses what it learned: its statistics are refitted on the training rows when
 * the recipe is prepared again, so an edit never leaves stale numbers behind.
 */
function unfitted(step: Step): Step {
  if (!('fitted' in step)) return step
  const rest = { ...step }
  delete rest.fitted
  return rest
}

export function addStep(steps: readonly Step[], draft: StepDraft, at = steps.length): Step[] {
  const step = { ...draft, id: newStepId(steps), enabled: true } as Step
  return [...steps.slice(0, at), step, ...steps.slice(at)]
}

export function replaceStep(steps: readonly Step[], id: string, next: Step): Step[] {
  return steps.map((s) => (s.id === id ? unfitted({ ...next, id }) : s))
}

export function removeStep(steps: readonly Step[], id: string): Step[] {
  return steps.filter((s) => s.id !== id)
}

/** Moves a step up (−1) or down (+1); at either end the list is unchanged. */
export function moveStep(steps: readonly Step[], id: string, by: -1 | 1): Step[] {
  const from = steps.findIndex((s) => s.id === id)
  const to = from + by
  if (from < 0 || to < 0 || to >= steps.length) return [...steps]
  const next = [...steps]
  const [step] = next.splice(from, 1)
  if (step) next.splice(to, 0, step)
  return next
}

export function setStepEnabled(steps: readonly Step[], id: string, enabled: boolean): Step[] {
  return steps.map((s) => (s.id === id ? { ...s, enabled } : s))
}

/** Recipes as they are edited hold no fitted numbers: those only come from preparing. */
export function unfittedSteps(steps: readonly Step[]): Step[] {
  return steps.map(unfitted)
}
