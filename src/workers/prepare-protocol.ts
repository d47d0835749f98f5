import type { RecipePlan } from '../core/recipe/pipeline/plan'
import type { Recipe } from '../core/recipe/recipe-schema'
import type { WireTable } from './packed-categories'

/** How far a plan has got: step `done` of `total` is running (`total` of `total`: the inputs). */
export interface PlanProgress {
  readonly done: number
  readonly total: number
  readonly label: string
}

/**
 * The page's messages. A table crosses once per dataset (a million rows is a large copy) and
 * stays in the worker under its id; each recipe edit then sends only the recipe.
 */
export type PrepareRequest =
  | { readonly type: 'table'; readonly tableId: number; readonly table: WireTable }
  | {
      readonly type: 'plan'
      readonly jobId: number
      readonly tableId: number
      readonly recipe: Recipe
    }

export type PrepareMessage =
  | { readonly type: 'progress'; readonly jobId: number; readonly progress: PlanProgress }
  | { readonly type: 'done'; readonly jobId: number; readonly plan: RecipePlan }
  | { readonly type: 'failed'; readonly jobId: number; readonly message: string }
