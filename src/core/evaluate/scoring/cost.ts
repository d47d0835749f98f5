import { countsAt, type ConfusionCounts, type ThresholdSweep } from './threshold-sweep'

/**
 * What each kind of mistake costs. "Approve" is the class the analyst's decision grants (a loan
 * to a good risk): approving an applicant who is really of the other class is a wrong approval,
 * turning away one who really is of the approve class is a wrong rejection.
 */
export interface CostSettings {
  readonly wrongApproval: number
  readonly wrongRejection: number
  /** 1: the positive class (classes[1], score ≥ threshold) means approve; 0: the negative one. */
  readonly approveClass: 0 | 1
}

export interface Decisions {
  readonly approvals: number
  readonly rejections: number
  readonly wrongApprovals: number
  readonly wrongRejections: number
}

export function decisionsOf(counts: ConfusionCounts, approveClass: 0 | 1): Decisions {
  const { tp, fp, tn, fn } = counts
  return approveClass === 1
    ? { approvals: tp + fp, rejections: tn + fn, wrongApprovals: fp, wrongRejections: fn }
    : { approvals: tn + fn, rejections: tp + fp, wrongApprovals: fn, wrongRejections: fp }
}

export function costOf(counts: ConfusionCounts, costs: CostSettings): number {
  const d = decisionsOf(counts, costs.approveClass)
  return d.wrongApprovals * costs.wrongApproval + d.wrongRejections * costs.wrongRejection
}

export interface CostCurve {
  /** Highest first, as in the sweep. */
  readonly thresholds: Float64Array
  readonly totals: Float64Array
  readonly cheapest: { readonly threshold: number; readonly cost: number; readonly index: number }
}

/** Total cost at every threshold that matters; the cheapest is the highest one on a tie. */
export function costCurve(sweep: ThresholdSweep, costs: CostSettings): CostCurve {
  const totals = new Float64Array(sweep.thresholds.length)
  let best = 0
  for (let i = 0; i < totals.length; i++) {
    totals[i] = costOf(countsAt(sweep, i), costs)
    if ((totals[i] as number) < (totals[best] as number)) best = i
  }
  return {
    thresholds: sweep.thresholds,
    totals,
    cheapest: { threshold: sweep.thresholds[best] ?? 0.5, cost: totals[best] ?? 0, index: best },
  }
}
