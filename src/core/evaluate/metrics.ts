/** Test metrics, computed the way scikit-learn computes them. */

export interface Metric {
  readonly key: string
  readonly label: string
  readonly value: number
}

/** Area under the ROC curve by the rank-sum (Mann–Whitney) formula, ties given half credit. */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  )
  let positives = 0
  let rankSum = 0
  let i = 0
  while (i < n) {
    let j = i
    while (j + 1 < n && scores[order[j + 1] as number] === scores[order[i] as number]) j++
    const averageRank = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) {
      if (labels[order[k] as number] === 1) {
        positives++
        rankSum += averageRank
      }
    }
    i = j + 1
  }
  const negatives = n - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

function safeDivide(a: number, b: number): number {
  return b === 0 ? 0 : a / b
}

export function binaryMetrics(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  threshold = 0.5,
): Metric[] {
  let tp = 0
  let fp = 0
  let tn = 0
  let fn = 0
  let logLoss = 0
  const eps = 1e-7
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as number
    const p = probabilities[i] as number
    const predicted = p >= threshold ? 1 : 0
    if (predicted === 1 && y === 1) tp++
    else if (predicted === 1) fp++
    else if (y === 1) fn++
    else tn++
    const clipped = Math.min(1 - eps, Math.max(eps, p))
    logLoss -= y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped)
  }
  const n = labels.length
  const precision = safeDivide(tp, tp + fp)
  const recall = safeDivide(tp, tp + fn)
  return [
    { key: 'accuracy', label: 'Accuracy', value: safeDivide(tp + tn, n) },
    { key: 'precision', label: 'Precision', value: precision },
    { key: 'recall', label: 'Recall', value: recall },
    { key: 'f1', label: 'F1', value: safeDivide(2 * precision * recall, precision + recall) },
    { key: 'auc', label: 'ROC AUC', value: rocAuc(labels, probabilities) },
    { key: 'logLoss', label: 'Log loss', value: safeDivide(logLoss, n) },
  ]
}

/** Multiclass: accuracy, macro-averaged precision/recall/F1 and one-vs-rest macro ROC AUC. */
export function multiclassMetrics(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  classCount: number,
): Metric[] {
  const n = labels.length
  const predicted = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    let best = 0
    for (let k = 1; k < classCount; k++) {
      if (
        (probabilities[i * classCount + k] as number) >
        (probabilities[i * classCount + best] as number)
      )
        best = k
    }
    predicted[i] = best
  }
  let correct = 0
  for (let i = 0; i < n; i++) if (predicted[i] === labels[i]) correct++
  let precisionSum = 0
  let recallSum = 0
  let f1Sum = 0
  let aucSum = 0
  let aucClasses = 0
  for (let k = 0; k < classCount; k++) {
    let tp = 0
    let fp = 0
    let fn = 0
    const isK = new Float32Array(n)
    const scoreK = new Float32Array(n)
    for (let i = 0; i < n; i++) {
      const y = labels[i] === k
      const p = predicted[i] === k
      if (y && p) tp++
      else if (p) fp++
      else if (y) fn++
      isK[i] = y ? 1 : 0
      scoreK[i] = probabilities[i * classCount + k] as number
    }
    const precision = safeDivide(tp, tp + fp)
    const recall = safeDivide(tp, tp + fn)
    precisionSum += precision
    recallSum += recall
    f1Sum += safeDivide(2 * precision * recall, precision + recall)
    const auc = rocAuc(isK, scoreK)
    if (!Number.isNaN(auc)) {
      aucSum += auc
      aucClasses++
    }
  }
  return [
    { key: 'accuracy', label: 'Accuracy', value: safeDivide(correct, n) },
    { key: 'precision', label: 'Precision (macro)', value: precisionSum / classCount },
    { key: 'recall', label: 'Recall (macro)', value: recallSum / classCount },
    { key: 'f1', label: 'F1 (macro)', value: f1Sum / classCount },
    {
      key: 'auc',
      label: 'ROC AUC (one-vs-rest, macro)',
      value: aucClasses > 0 ? aucSum / aucClasses : Number.NaN,
    },
  ]
}

export function regressionMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): Metric[] {
  const n = actual.length
  let mean = 0
  for (let i = 0; i < n; i++) mean += actual[i] as number
  mean /= n
  let absolute = 0
  let squared = 0
  let total = 0
  for (let i = 0; i < n; i++) {
    const error = (actual[i] as number) - (predicted[i] as number)
    absolute += Math.abs(error)
    squared += error * error
    total += ((actual[i] as number) - mean) ** 2
  }
  return [
    { key: 'mae', label: 'MAE', value: absolute / n },
    { key: 'rmse', label: 'RMSE', value: Math.sqrt(squared / n) },
    { key: 'r2', label: 'R²', value: total === 0 ? Number.NaN : 1 - squared / total },
  ]
}
