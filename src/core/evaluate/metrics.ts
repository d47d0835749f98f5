import { averagePrecision, rankCounts } from './classification/curves'
import { classReport, confusionMatrix, predictedClasses } from './classification/report'

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

/**
 * Probabilities kept off 0 and 1 before the logarithm. sklearn clips at the input's machine
 * epsilon; for the float32 outputs the app has, that is 1.2e-7, and Keras uses 1e-7: we use 1e-7,
 * so a confidently wrong row costs about 16, not infinity.
 */
const LOG_EPS = 1e-7
function clip(p: number): number {
  return Math.min(1 - LOG_EPS, Math.max(LOG_EPS, p))
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
  let brier = 0
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as number
    const p = probabilities[i] as number
    const predicted = p >= threshold ? 1 : 0
    if (predicted === 1 && y === 1) tp++
    else if (predicted === 1) fp++
    else if (y === 1) fn++
    else tn++
    const clipped = clip(p)
    logLoss -= y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped)
    brier += (y - p) ** 2
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
    {
      key: 'prAuc',
      label: 'PR AUC (average precision)',
      value: averagePrecision(rankCounts(labels, probabilities)),
    },
    { key: 'logLoss', label: 'Log loss', value: safeDivide(logLoss, n) },
    { key: 'brier', label: 'Brier score', value: safeDivide(brier, n) },
  ]
}

/**
 * Multiclass: accuracy, macro-averaged precision/recall/F1, weighted F1, one-vs-rest macro ROC AUC,
 * log loss (rows renormalised after clipping, as sklearn does) and the multiclass Brier score.
 */
export function multiclassMetrics(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  classCount: number,
): Metric[] {
  const n = labels.length
  const predicted = predictedClasses('multiclass', probabilities, classCount)
  const report = classReport(confusionMatrix(labels, predicted, classCount))
  let aucSum = 0
  let aucClasses = 0
  for (let k = 0; k < classCount; k++) {
    const isK = new Float32Array(n)
    const scoreK = new Float32Array(n)
    for (let i = 0; i < n; i++) {
      isK[i] = labels[i] === k ? 1 : 0
      scoreK[i] = probabilities[i * classCount + k] as number
    }
    const auc = rocAuc(isK, scoreK)
    if (!Number.isNaN(auc)) {
      aucSum += auc
      aucClasses++
    }
  }
  let logLoss = 0
  let brier = 0
  for (let i = 0; i < n; i++) {
    const actual = labels[i] as number
    let clippedSum = 0
    for (let k = 0; k < classCount; k++) {
      const p = probabilities[i * classCount + k] as number
      clippedSum += clip(p)
      brier += (p - (k === actual ? 1 : 0)) ** 2
    }
    logLoss -= Math.log(clip(probabilities[i * classCount + actual] as number) / clippedSum)
  }
  return [
    { key: 'accuracy', label: 'Accuracy', value: report.accuracy },
    { key: 'precision', label: 'Precision (macro)', value: report.macro.precision },
    { key: 'recall', label: 'Recall (macro)', value: report.macro.recall },
    { key: 'f1', label: 'F1 (macro)', value: report.macro.f1 },
    { key: 'f1Weighted', label: 'F1 (weighted by class size)', value: report.weighted.f1 },
    {
      key: 'auc',
      label: 'ROC AUC (one-vs-rest, macro)',
      value: aucClasses > 0 ? aucSum / aucClasses : Number.NaN,
    },
    { key: 'logLoss', label: 'Log loss', value: safeDivide(logLoss, n) },
    {
      key: 'brier',
      label: 'Brier score (summed over classes, 0 to 2)',
      value: safeDivide(brier, n),
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
  let percentage = 0
  for (let i = 0; i < n; i++) {
    const error = (actual[i] as number) - (predicted[i] as number)
    absolute += Math.abs(error)
    // sklearn divides by machine epsilon where the actual is 0: one such row dwarfs the rest.
    percentage += Math.abs(error) / Math.max(Math.abs(actual[i] as number), Number.EPSILON)
    squared += error * error
    total += ((actual[i] as number) - mean) ** 2
  }
  return [
    { key: 'mae', label: 'MAE', value: absolute / n },
    { key: 'rmse', label: 'RMSE', value: Math.sqrt(squared / n) },
    { key: 'r2', label: 'R²', value: total === 0 ? Number.NaN : 1 - squared / total },
    {
      key: 'mape',
      label: 'MAPE (fraction; a zero actual makes it huge)',
      value: percentage / n,
    },
  ]
}
