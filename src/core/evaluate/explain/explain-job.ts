import type * as tf from '@tensorflow/tfjs'
import type { Recipe } from '../../recipe/recipe-schema'
import { targetWidth } from '../../recipe/transform'
import type { Table } from '../../table/table'
import type { TestSet } from '../test-set'
import { explainScore } from './explain-score'
import { dependenceGrid, partialDependence, type DependencePoint } from './partial-dependence'
import { permutationImportance, type ColumnImportance } from './permutation-importance'
import { tablePredictor } from './predictor'
import { reasonCodes, type ReasonCode } from './reason-codes'
import { takeRows, typicalValue } from './table-rows'

/** At most this many test rows are shuffled or swept: enough for a stable answer, bounded cost. */
export const EXPLAIN_ROWS = 2000

export type ExplainRequest =
  | { readonly kind: 'importance'; readonly repeats: number; readonly seed: number }
  | { readonly kind: 'dependence'; readonly column: string; readonly output: number }
  | { readonly kind: 'reasons'; readonly testIndex: number; readonly output: number }

export type ExplainResult =
  | {
      readonly kind: 'importance'
      readonly scoreLabel: string
      readonly lossLabel: string
      readonly baseline: number
      readonly rows: number
      readonly importances: ColumnImportance[]
    }
  | {
      readonly kind: 'dependence'
      readonly column: string
      readonly output: number
      readonly numeric: boolean
      readonly points: DependencePoint[]
    }
  | {
      readonly kind: 'reasons'
      readonly testIndex: number
      readonly output: number
      readonly prediction: number
      readonly reasons: ReasonCode[]
    }

/** What every explanation needs: the model, its fitted recipe, the data and the test rows. */
export interface ExplainContext {
  readonly model: tf.LayersModel
  readonly recipe: Recipe
  readonly table: Table
  readonly testSet: Pick<TestSet, 'task' | 'rows' | 'actual'>
}

/**
 * The raw columns the model reads, in upload order: those behind its fitted inputs (a dropped
 * column is not among them; a one-hot column's inputs all lead back to one).
 */
export function explainedColumns(recipe: Recipe): string[] {
  if (recipe.source.kind !== 'table') return []
  const used = new Set((recipe.features ?? []).flatMap((f) => f.sources))
  return recipe.source.columns
    .map((c) => c.name)
    .filter((c) => c !== recipe.target.column && used.has(c))
}

/** Runs one explanation; null when `shouldStop` said so part-way. */
export async function runExplain(
  context: ExplainContext,
  request: ExplainRequest,
  onProgress: (done: number, total: number) => void,
  shouldStop: () => boolean = () => false,
): Promise<ExplainResult | null> {
  const { model, recipe, table, testSet } = context
  const predict = tablePredictor(model, recipe)
  const width = targetWidth(recipe)
  const columns = explainedColumns(recipe)
  // The first rows of the test set (already shuffled by the split, or in time order); a row's
  // reasons read the whole table instead.
  const used = testSet.rows.subarray(0, EXPLAIN_ROWS)
  const sample = () => takeRows(table, used)
  switch (request.kind) {
    case 'importance': {
      const score = explainScore(
        { task: testSet.task, actual: testSet.actual.subarray(0, used.length) },
        width,
      )
      const result = await permutationImportance({
        rows: sample(),
        columns,
        predict,
        score,
        repeats: request.repeats,
        seed: request.seed,
        onProgress: ({ done, total }) => onProgress(done, total),
        shouldStop,
      })
      return (
        result && {
          kind: 'importance',
          scoreLabel: score.label,
          lossLabel: score.lossLabel,
          baseline: testSet.task === 'regression' ? -result.baseline : result.baseline,
          rows: used.length,
          importances: result.importances,
        }
      )
    }
    case 'dependence': {
      const rows = sample()
      const grid = dependenceGrid(rows, request.column)
      const points = await partialDependence({
        rows,
        column: request.column,
        grid,
        predict,
        width,
        output: request.output,
        onProgress,
        shouldStop,
      })
      const numeric = table.columns.find((c) => c.name === request.column)?.kind === 'numeric'
      return (
        points && {
          kind: 'dependence',
          column: request.column,
          output: request.output,
          numeric,
          points,
        }
      )
    }
    case 'reasons': {
      const row = testSet.rows[request.testIndex]
      if (row === undefined) throw new Error(`There is no test row ${request.testIndex + 1}.`)
      const typical = new Map(columns.map((c) => [c, typicalValue(table, c)]))
      onProgress(0, 1)
      const result = await reasonCodes({
        table,
        row,
        columns,
        typical,
        predict,
        width,
        output: request.output,
      })
      onProgress(1, 1)
      return { kind: 'reasons', testIndex: request.testIndex, output: request.output, ...result }
    }
  }
}
