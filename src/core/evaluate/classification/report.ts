/**
 * Predicted classes, the confusion matrix and the per-class report built on it, as scikit-learn's
 * `confusion_matrix` and `precision_recall_fscore_support(..., zero_division=0)` give them.
 */

/**
 * The predicted class of each row: binary, positive (1) when P(positive) >= threshold;
 * multiclass, the most probable class (the first on a tie, as numpy's argmax).
 */
export function predictedClasses(
  task: 'binary' | 'multiclass',
  outputs: ArrayLike<number>,
  classCount: number,
  threshold = 0.5,
): Int32Array {
  if (task === 'binary') return Int32Array.from(outputs, (p) => (p >= threshold ? 1 : 0))
  const n = outputs.length / classCount
  const predicted = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    let best = 0
    for (let k = 1; k < classCount; k++) {
      if ((outputs[i * classCount + k] as number) > (outputs[i * classCount + best] as number))
        best = k
    }
    predicted[i] = best
  }
  return predicted
}

/** counts[actual][predicted]: rows are the actual class, columns the predicted one. */
export function confusionMatrix(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classCount: number,
): number[][] {
  const counts = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0))
  for (let i = 0; i < actual.length; i++) {
    const row = counts[actual[i] as number]
    const p = predicted[i] as number
    if (row && p >= 0 && p < classCount) row[p] = (row[p] ?? 0) + 1
  }
  return counts
}

/** Indices (into the test set) of the rows of one confusion-matrix cell. */
export function cellIndices(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  actualClass: number,
  predictedClass: number,
): number[] {
  const indices: number[] = []
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === actualClass && predicted[i] === predictedClass) indices.push(i)
  }
  return indices
}

export interface ClassScores {
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

export interface ClassReport {
  readonly perClass: readonly (ClassScores & { readonly support: number })[]
  readonly macro: ClassScores
  /** Averages weighted by each class's support (its number of actual rows). */
  readonly weighted: ClassScores
  readonly accuracy: number
  readonly total: number
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b)

/** sklearn's `classification_report` numbers, from a confusion matrix (zero_division=0). */
export function classReport(matrix: readonly (readonly number[])[]): ClassReport {
  const k = matrix.length
  const column = (c: number) => matrix.reduce((sum, row) => sum + (row[c] ?? 0), 0)
  const diagonal = (c: number) => matrix[c]?.[c] ?? 0
  const perClass = matrix.map((row, c) => {
    const support = row.reduce((a, b) => a + b, 0)
    const precision = ratio(diagonal(c), column(c))
    const recall = ratio(diagonal(c), support)
    return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support }
  })
  const total = perClass.reduce((sum, c) => sum + c.support, 0)
  const average = (weight: (c: (typeof perClass)[number]) => number): ClassScores => {
    const weights = perClass.reduce((sum, c) => sum + weight(c), 0)
    const mean = (pick: (c: ClassScores) => number) =>
      ratio(
        perClass.reduce((sum, c) => sum + pick(c) * weight(c), 0),
        weights,
      )
    return {
      precision: mean((c) => c.precision),
      recall: mean((c) => c.recall),
      f1: mean((c) => c.f1),
    }
  }
  let correct = 0
  for (let c = 0; c < k; c++) correct += diagonal(c)
  return {
    perClass,
    macro: average(() => 1),
    weighted: average((c) => c.support),
    accuracy: ratio(correct, total),
    total,
  }
}
