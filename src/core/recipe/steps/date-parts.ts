import type { StepImpl } from '../pipeline/step-impl'

// Placeholder while the step is being built; the registry needs every op to have an entry.
export const datePartsStep: StepImpl<'date-parts'> = {
  fit: (step) => step,
  apply() {
    throw new Error('This step is not built yet.')
  },
  describe: (step) => step.op,
  reads: () => [],
}
