import { rocAuc } from '../metrics'
import type { ThresholdSweep } from './threshold-sweep'

/**
 * The Kolmogorov–Smirnov statistic as credit-scoring teams report it: the largest gap between the
 * two classes' cumulative score distributions, which is the largest |TPR − FPR| over thresholds
 * (scipy's `ks_2samp` statistic on the two classes' scores). The first threshold from the top
 * wins a tie, as numpy's argmax over `roc_curve` would pick.
 */
export interface KsResult {
  readonly ks: number
  /** Positive when score ≥ this: where the gap is widest. */
  readonly threshold: number
  readonly tpr: number
  readonly fpr: number
}

export function ksStatistic(sweep: ThresholdSweep): KsResult {
  let best: KsResult = { ks: 0, threshold: sweep.thresholds[0] ?? 1, tpr: 0, fpr: 0 }
  if (sweep.positives === 0 || sweep.negatives === 0) return { ...best, ks: Number.NaN }
  for (let i = 0; i < sweep.thresholds.length; i++) {
    const tpr = (sweep.tp[i] ?? 0) / sweep.positives
    const fpr = (sweep.fp[i] ?? 0) / sweep.negatives
    const gap = Math.abs(tpr - fpr)
    if (gap > best.ks) best = { ks: gap, threshold: sweep.thresholds[i] ?? 0, tpr, fpr }
  }
  return best
}

/** Gini (accuracy ratio) = 2·AUC − 1: 0 for a random ranking, 1 for a perfect one. */
export function gini(actual: ArrayLike<number>, scores: ArrayLike<number>): number {
  return 2 * rocAuc(actual, scores) - 1
}

export interface CdfPoint {
  readonly score: number
  /** Share of each class's rows scoring below this threshold (1 − TPR, 1 − FPR). */
  readonly positiveBelow: number
  readonly negativeBelow: number
}

/** Both classes' cumulative score distributions at every threshold, lowest score first. */
export function classCdfs(sweep: ThresholdSweep): CdfPoint[] {
  const points: CdfPoint[] = []
  for (let i = sweep.thresholds.length - 1; i >= 0; i--) {
    points.push({
      score: sweep.thresholds[i] ?? 0,
      positiveBelow: 1 - (sweep.tp[i] ?? 0) / (sweep.positives || 1),
      negativeBelow: 1 - (sweep.fp[i] ?? 0) / (sweep.negatives || 1),
    })
  }
  return points
}
