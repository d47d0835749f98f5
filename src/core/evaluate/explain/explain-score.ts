import { predictedClasses } from '../classification/report'
import { rocAuc } from '../metrics'
import type { TestSet } from '../test-set'

/** The score permutation importance watches, higher = better, with how the page names it. */
export interface ExplainScore {
  readonly label: string
  /** How a drop in the score reads: "AUC lost", "RMSE added". */
  readonly lossLabel: string
  readonly score: (outputs: Float64Array) => number
}

/**
 * ROC AUC for two classes, accuracy for more (every class counts alike, as the table's accuracy),
 * and minus RMSE for numbers, so that importance is always the score lost when a column is
 * shuffled (as scikit-learn's permutation_importance reports it).
 */
export function explainScore(
  set: Pick<TestSet, 'task' | 'actual'>,
  classCount: number,
): ExplainScore {
  const { actual } = set
  if (set.task === 'binary') {
    return { label: 'ROC AUC', lossLabel: 'AUC lost', score: (p) => rocAuc(actual, p) }
  }
  if (set.task === 'multiclass') {
    return {
      label: 'Accuracy',
      lossLabel: 'accuracy lost',
      score: (p) => {
        const predicted = predictedClasses('multiclass', p, classCount)
        let correct = 0
        for (let i = 0; i < actual.length; i++) if (predicted[i] === actual[i]) correct++
        return correct / actual.length
      },
    }
  }
  return {
    label: 'RMSE',
    lossLabel: 'RMSE added',
    score: (p) => {
      let squared = 0
      for (let i = 0; i < actual.length; i++)
        squared += ((actual[i] as number) - (p[i] as number)) ** 2
      return -Math.sqrt(squared / actual.length)
    },
  }
}
