import type { Slice } from './slice'

export const STEP_IDS = ['data', 'prepare', 'model', 'train', 'evaluate', 'deploy'] as const
export type StepId = (typeof STEP_IDS)[number]

/** Which step of the flow is on screen: any step can send the analyst to another (a fix, a next). */
export interface NavigationSlice {
  step: StepId
  showStep: (step: StepId) => void
}

export const createNavigationSlice: Slice<NavigationSlice> = (set) => ({
  step: 'data',
  showStep: (step) => set({ step }),
})
