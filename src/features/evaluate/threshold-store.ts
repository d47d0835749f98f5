import { create } from 'zustand'

/**
 * The decision threshold of a binary model, shared by every Evaluate view that depends on it
 * (confusion matrix, cost, fairness). Set from the `Threshold & cost` tab; 0.5 for a new model.
 */
interface ThresholdState {
  readonly threshold: number
  readonly setThreshold: (threshold: number) => void
}

export const useThreshold = create<ThresholdState>()((set) => ({
  threshold: 0.5,
  setThreshold: (threshold) => set({ threshold }),
}))
