import { createRng, shuffleInPlace, type Rng } from '../../random'
import type { Table } from '../../table/table'
import type { ExplainScore } from './explain-score'
import type { Predictor } from './predictor'
import { gather, withColumn } from './table-rows'

export interface ColumnImportance {
  readonly column: string
  /** Mean score lost over the repeats (negative: shuffling helped, i.e. noise). */
  readonly mean: number
  readonly std: number
  readonly min: number
  readonly max: number
}

export interface ImportanceProgress {
  readonly done: number
  readonly total: number
}

/**
 * Permutation importance per raw column, as scikit-learn's `permutation_importance` defines it:
 * the model's score on the test rows minus its score with one column's values shuffled among
 * those rows, over `repeats` seeded shuffles. Raw columns, not model inputs: shuffling "purpose"
 * moves all its one-hot inputs together, so the answer is about what the analyst uploaded.
 */
export async function permutationImportance(options: {
  readonly rows: Table
  readonly columns: readonly string[]
  readonly predict: Predictor
  readonly score: ExplainScore
  readonly repeats: number
  readonly seed: number
  readonly onProgress?: (progress: ImportanceProgress) => void
  readonly shouldStop?: () => boolean
}): Promise<{ baseline: number; importances: ColumnImportance[] } | null> {
  const { rows, columns, predict, score, repeats, seed } = options
  const baseline = score.score(await predict(rows))
  const random = createRng(seed)
  const total = columns.length * repeats
  const importances: ColumnImportance[] = []
  for (const [c, name] of columns.entries()) {
    const column = rows.columns.find((col) => col.name === name)
    if (!column) throw new Error(`The column "${name}" is not in the test rows.`)
    const drops: number[] = []
    for (let r = 0; r < repeats; r++) {
      if (options.shouldStop?.()) return null
      const order = shuffled(rows.rowCount, random)
      const permuted = withColumn(rows, gather(column, order))
      drops.push(baseline - score.score(await predict(permuted)))
      options.onProgress?.({ done: c * repeats + r + 1, total })
    }
    importances.push({ column: name, ...spread(drops) })
  }
  importances.sort((a, b) => b.mean - a.mean)
  return { baseline, importances }
}

function shuffled(n: number, random: Rng): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i)
  shuffleInPlace(order, random)
  return order
}

function spread(values: readonly number[]): Omit<ColumnImportance, 'column'> {
  const n = values.length
  const mean = values.reduce((a, b) => a + b, 0) / n
  // Population standard deviation, as scikit-learn's importances_std (numpy's default).
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n)
  return { mean, std, min: Math.min(...values), max: Math.max(...values) }
}
