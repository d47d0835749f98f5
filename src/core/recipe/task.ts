import { distinctCount, missingCount, type Column } from '../table/table'

export type Task = 'binary' | 'multiclass' | 'regression'

export interface TaskDetection {
  readonly task: Task | null
  /** Why this task was chosen, or why the column cannot be a target. */
  readonly reason: string
}

/** More classes than this and a classifier is rarely what the analyst meant. */
export const MAX_CLASSES = 50
/** Whole numbers with at most this many distinct values read as class labels (0/1/2 ratings). */
const MAX_INTEGER_CLASSES = 10

function isWholeNumbers(values: Float64Array): boolean {
  for (const v of values) if (!Number.isNaN(v) && !Number.isInteger(v)) return false
  return true
}

export function detectTask(column: Column): TaskDetection {
  const distinct = distinctCount(column)
  const present =
    (column.kind === 'numeric' ? column.values.length : column.codes.length) - missingCount(column)
  if (present === 0)
    return {
      task: null,
      reason: `"${column.name}" has no values, so nothing can be learned from it.`,
    }
  if (distinct < 2)
    return {
      task: null,
      reason: `"${column.name}" has a single value; a target needs at least two.`,
    }
  if (distinct === 2)
    return { task: 'binary', reason: `"${column.name}" has two values: binary classification.` }
  if (column.kind === 'numeric') {
    if (isWholeNumbers(column.values) && distinct <= MAX_INTEGER_CLASSES) {
      return {
        task: 'multiclass',
        reason: `"${column.name}" holds ${distinct} whole-number labels: multiclass classification.`,
      }
    }
    return {
      task: 'regression',
      reason: `"${column.name}" is numeric with ${distinct} distinct values: regression.`,
    }
  }
  if (distinct <= MAX_CLASSES) {
    return {
      task: 'multiclass',
      reason: `"${column.name}" has ${distinct} categories: multiclass classification.`,
    }
  }
  return {
    task: null,
    reason: `"${column.name}" has ${distinct} categories, too many to predict as classes (at most ${MAX_CLASSES}). Choose another target.`,
  }
}
