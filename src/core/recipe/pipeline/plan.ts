import type { Table } from '../../table/table'
import type { Recipe } from '../recipe-schema'
import { prepareData, type PrepareOptions, type PreparedData } from './prepare-data'

/**
 * What the Prepare step shows about a recipe: the fitted recipe, split sizes, what each step did
 * with a before/after preview, and the first error. Small and plain, so it crosses from a worker.
 */
export interface RecipePlan extends Pick<
  PreparedData,
  | 'recipe'
  | 'classWeights'
  | 'droppedMissingTarget'
  | 'droppedMissingOrder'
  | 'reports'
  | 'previews'
  | 'notes'
  | 'error'
> {
  readonly rows: { readonly train: number; readonly validation: number; readonly test: number }
  /** Model inputs after every step (0 when the recipe has an error). */
  readonly inputs: number
}

/** Training rows shown before and after each step. */
export const PLAN_PREVIEW_ROWS = 8

export function planRecipe(recipe: Recipe, table: Table, options: PrepareOptions = {}): RecipePlan {
  const prepared = prepareData(recipe, table, { previewRows: PLAN_PREVIEW_ROWS, ...options })
  const { parts } = prepared
  return {
    recipe: prepared.recipe,
    classWeights: prepared.classWeights,
    droppedMissingTarget: prepared.droppedMissingTarget,
    droppedMissingOrder: prepared.droppedMissingOrder,
    reports: prepared.reports,
    previews: prepared.previews,
    notes: prepared.notes,
    error: prepared.error,
    rows: {
      train: parts.train.length,
      validation: parts.validation.length,
      test: parts.test.length,
    },
    inputs: prepared.error ? 0 : (prepared.recipe.features?.length ?? 0),
  }
}
