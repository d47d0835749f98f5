import type { EvaluateSectionProps } from '../evaluate-section'

/** Stub until its owner fills it: shows nothing. */
export function RegressionSection({ testSet }: EvaluateSectionProps) {
  return testSet.rows.length < 0 ? testSet.task : null
}
