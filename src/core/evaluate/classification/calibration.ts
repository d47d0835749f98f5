/** One non-empty bin of a calibration curve. */
export interface CalibrationBin {
  /** Bin edges: a score on an inner edge belongs to the lower bin, as in sklearn. */
  readonly lower: number
  readonly upper: number
  readonly count: number
  /** Mean predicted probability of the bin's rows (sklearn's `prob_pred`). */
  readonly predicted: number
  /** Share of the bin's rows that are positive (sklearn's `prob_true`). */
  readonly observed: number
}

/**
 * `sklearn.calibration.calibration_curve(y, p, n_bins, strategy='uniform')`, with the row count of
 * each bin (which sklearn computes but does not return). Empty bins are left out, as sklearn does.
 */
export function calibrationCurve(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  binCount = 10,
): CalibrationBin[] {
  // numpy's linspace makes inner edges as i * step: the same floats as here (0.30000000000000004).
  const step = 1 / binCount
  const edges = Array.from({ length: binCount + 1 }, (_, i) => (i === binCount ? 1 : i * step))
  const sums = new Float64Array(binCount)
  const positives = new Float64Array(binCount)
  const counts = new Float64Array(binCount)
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i] as number
    if (!(p >= 0 && p <= 1)) {
      throw new Error(`A predicted probability (${p}) is outside 0 to 1: it cannot be calibrated.`)
    }
    // searchsorted(inner edges, p, side='left'): the number of inner edges below p.
    let bin = 0
    while (bin < binCount - 1 && (edges[bin + 1] as number) < p) bin++
    sums[bin] = (sums[bin] as number) + p
    positives[bin] = (positives[bin] as number) + (labels[i] === 1 ? 1 : 0)
    counts[bin] = (counts[bin] as number) + 1
  }
  const bins: CalibrationBin[] = []
  for (let b = 0; b < binCount; b++) {
    const count = counts[b] as number
    if (count === 0) continue
    bins.push({
      lower: edges[b] as number,
      upper: edges[b + 1] as number,
      count,
      predicted: (sums[b] as number) / count,
      observed: (positives[b] as number) / count,
    })
  }
  return bins
}
