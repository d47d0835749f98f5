import { STEP_IDS, type StepId } from '../core/project/project-types'
import type { Slice } from './slice'

export { STEP_IDS, type StepId }

/** Which step of the flow is on screen: any step can send the analyst to another (a fix, a next). */
export interface NavigationSlice {
  step: StepId
  showStep: (step: StepId) => void
}

export const createNavigationSlice: Slice<NavigationSlice> = (set) => ({
  step: 'data',
  showStep: (step) => set({ step }),
})
