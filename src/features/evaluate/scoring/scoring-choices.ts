import { create } from 'zustand'
import { defaultApproveClass } from '../../../core/evaluate/scoring/approve-class'

/**
 * The analyst's cost and class choices on the `Threshold & cost` tab. Tabs unmount when left, so
 * the choices live here to survive a visit to another tab. Costs describe the business, not the
 * model, so they carry over to the next model; class choices are kept per set of class names.
 */
interface ScoringChoices {
  readonly wrongApproval: number
  readonly wrongRejection: number
  readonly approveClass: Readonly<Record<string, 0 | 1>>
  readonly eventClass: Readonly<Record<string, 0 | 1>>
  readonly set: (choices: Partial<Omit<ScoringChoices, 'set'>>) => void
}

export const useScoringChoices = create<ScoringChoices>()((set) => ({
  // The German credit data's documented costs: a bad loan granted costs five times a good one lost.
  wrongApproval: 5,
  wrongRejection: 1,
  approveClass: {},
  eventClass: {},
  set: (choices) => set(choices),
}))

export const classesKey = (classes: readonly string[]) => JSON.stringify(classes)

/** The class an approval grants for these classes: the analyst's pick, else the proposed one. */
export function useApproveClass(classes: readonly string[]): [0 | 1, (c: 0 | 1) => void] {
  const key = classesKey(classes)
  const chosen = useScoringChoices((s) => s.approveClass[key])
  const set = useScoringChoices((s) => s.set)
  return [
    chosen ?? defaultApproveClass(classes),
    (c) => set({ approveClass: { ...useScoringChoices.getState().approveClass, [key]: c } }),
  ]
}
