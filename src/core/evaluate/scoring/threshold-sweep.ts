/**
 * Every threshold that changes a binary model's decisions, with the confusion counts at each.
 * A row is predicted positive (classes[1]) when its score ≥ threshold, as `binaryMetrics` does, so
 * the thresholds that matter are the distinct scores, plus 1 (nobody positive) when every score is
 * below 1. Between two of them the decisions, and so every count and cost, do not change: scanning
 * these finds optima exactly, where a grid of 0.01 steps could step over them.
 */
export interface ThresholdSweep {
  /** Highest first. */
  readonly thresholds: Float64Array
  /** Actual positives among the rows at or above each threshold. */
  readonly tp: Int32Array
  /** Actual negatives among the rows at or above each threshold. */
  readonly fp: Int32Array
  readonly positives: number
  readonly negatives: number
}

export interface ConfusionCounts {
  readonly tp: number
  readonly fp: number
  readonly tn: number
  readonly fn: number
}

/** Row indices sorted by score, highest first; tied rows keep their order. */
export function orderByScore(scores: ArrayLike<number>, descending = true): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i)
  const sign = descending ? -1 : 1
  // Int32Array.prototype.sort is not promised to be stable: break ties by row explicitly.
  return order.sort((a, b) => sign * ((scores[a] as number) - (scores[b] as number)) || a - b)
}

export function sweepThresholds(
  actual: ArrayLike<number>,
  scores: ArrayLike<number>,
): ThresholdSweep {
  const n = scores.length
  if (n === 0) throw new Error('There are no test rows to set a threshold on.')
  const order = orderByScore(scores)
  const top = scores[order[0] as number] as number
  const extra = top < 1 ? 1 : 0
  const thresholds: number[] = extra ? [1] : []
  const tp: number[] = extra ? [0] : []
  const fp: number[] = extra ? [0] : []
  let positives = 0
  let negatives = 0
  for (let i = 0; i < n; i++) {
    const row = order[i] as number
    if (actual[row] === 1) positives++
    else negatives++
    const next = order[i + 1]
    // Close a group of tied scores: its counts include every row at or above that score.
    if (next === undefined || scores[next] !== scores[row]) {
      thresholds.push(scores[row] as number)
      tp.push(positives)
      fp.push(negatives)
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    tp: Int32Array.from(tp),
    fp: Int32Array.from(fp),
    positives,
    negatives,
  }
}

export function countsAt(sweep: ThresholdSweep, index: number): ConfusionCounts {
  const tp = sweep.tp[index] ?? 0
  const fp = sweep.fp[index] ?? 0
  return { tp, fp, fn: sweep.positives - tp, tn: sweep.negatives - fp }
}

/** The confusion counts at any threshold (positive when score ≥ threshold). */
export function confusionAt(
  actual: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold: number,
): ConfusionCounts {
  let tp = 0
  let fp = 0
  let tn = 0
  let fn = 0
  for (let i = 0; i < scores.length; i++) {
    const positive = (scores[i] as number) >= threshold
    if (actual[i] === 1) {
      if (positive) tp++
      else fn++
    } else if (positive) fp++
    else tn++
  }
  return { tp, fp, tn, fn }
}
