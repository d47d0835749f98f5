/**
 * Threshold curves of one score against 0/1 labels, computed the way scikit-learn 1.2 computes
 * them (`roc_curve`, `precision_recall_curve`, `average_precision_score`), so the charts and the
 * numbers beside them agree with what a reviewer gets from Python.
 */

/** True and false positives when every distinct score, highest first, is the threshold. */
export interface RankCounts {
  /** Distinct scores, descending: row i is called positive when its score >= thresholds[k]. */
  readonly thresholds: Float64Array
  readonly truePositives: Float64Array
  readonly falsePositives: Float64Array
  readonly positives: number
  readonly negatives: number
}

export function rankCounts(labels: ArrayLike<number>, scores: ArrayLike<number>): RankCounts {
  const n = labels.length
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number),
  )
  const thresholds: number[] = []
  const tps: number[] = []
  const fps: number[] = []
  let tp = 0
  let fp = 0
  for (let i = 0; i < n; i++) {
    const row = order[i] as number
    if (labels[row] === 1) tp++
    else fp++
    // One point per distinct score: tied rows cross the threshold together.
    const next = order[i + 1]
    if (next === undefined || scores[next] !== scores[row]) {
      thresholds.push(scores[row] as number)
      tps.push(tp)
      fps.push(fp)
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    truePositives: Float64Array.from(tps),
    falsePositives: Float64Array.from(fps),
    positives: tp,
    negatives: fp,
  }
}

export interface RocCurve {
  readonly fpr: Float64Array
  readonly tpr: Float64Array
  /** The first threshold is the highest score + 1 (no row positive), as sklearn 1.2 writes it. */
  readonly thresholds: Float64Array
}

/** `roc_curve(..., drop_intermediate=False)`: a point for every distinct score, from (0, 0). */
export function rocCurve(counts: RankCounts): RocCurve {
  const m = counts.thresholds.length
  const fpr = new Float64Array(m + 1)
  const tpr = new Float64Array(m + 1)
  const thresholds = new Float64Array(m + 1)
  thresholds[0] = (counts.thresholds[0] ?? 0) + 1
  for (let k = 0; k < m; k++) {
    // With one class absent the rate is undefined: NaN, as sklearn gives.
    fpr[k + 1] = (counts.falsePositives[k] as number) / counts.negatives
    tpr[k + 1] = (counts.truePositives[k] as number) / counts.positives
    thresholds[k + 1] = counts.thresholds[k] as number
  }
  if (counts.negatives === 0) fpr[0] = Number.NaN
  if (counts.positives === 0) tpr[0] = Number.NaN
  return { fpr, tpr, thresholds }
}

export interface PrecisionRecallCurve {
  /** Ascending thresholds as sklearn orders them, then a last point (precision 1, recall 0). */
  readonly precision: Float64Array
  readonly recall: Float64Array
  readonly thresholds: Float64Array
}

/** `precision_recall_curve`: one point per distinct score, lowest threshold first. */
export function precisionRecallCurve(counts: RankCounts): PrecisionRecallCurve {
  const m = counts.thresholds.length
  const precision = new Float64Array(m + 1)
  const recall = new Float64Array(m + 1)
  const thresholds = new Float64Array(m)
  for (let k = 0; k < m; k++) {
    const tp = counts.truePositives[k] as number
    const fp = counts.falsePositives[k] as number
    const at = m - 1 - k
    precision[at] = tp / (tp + fp)
    // sklearn sets recall to 1 everywhere when there is no positive row.
    recall[at] = counts.positives === 0 ? 1 : tp / counts.positives
    thresholds[at] = counts.thresholds[k] as number
  }
  precision[m] = 1
  recall[m] = 0
  return { precision, recall, thresholds }
}

/**
 * `average_precision_score`, the area under the precision-recall step curve: the precision at each
 * threshold weighted by the recall it adds. NaN without a positive row (nothing to recall).
 */
export function averagePrecision(counts: RankCounts): number {
  if (counts.positives === 0) return Number.NaN
  let area = 0
  let previousRecall = 0
  for (let k = 0; k < counts.thresholds.length; k++) {
    const tp = counts.truePositives[k] as number
    const recall = tp / counts.positives
    area += (recall - previousRecall) * (tp / (tp + (counts.falsePositives[k] as number)))
    previousRecall = recall
  }
  return area
}

/** One class against the rest of a rows × k probability matrix: its 0/1 labels and its scores. */
export function oneVsRest(
  actual: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  classCount: number,
  positive: number,
): { labels: Float64Array; scores: Float64Array } {
  const n = actual.length
  const labels = new Float64Array(n)
  const scores = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    labels[i] = actual[i] === positive ? 1 : 0
    scores[i] = probabilities[i * classCount + positive] as number
  }
  return { labels, scores }
}

/** Area under a ROC curve by trapezoids: sklearn's `roc_auc_score` from the curve's points. */
export function rocArea(roc: RocCurve): number {
  let area = 0
  for (let i = 1; i < roc.fpr.length; i++) {
    const dx = (roc.fpr[i] as number) - (roc.fpr[i - 1] as number)
    area += (dx * ((roc.tpr[i] as number) + (roc.tpr[i - 1] as number))) / 2
  }
  return area
}
