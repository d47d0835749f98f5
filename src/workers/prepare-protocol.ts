import type { RecipePlan } from '../core/recipe/pipeline/plan'
import type { Recipe } from '../core/recipe/recipe-schema'
import type { WireColumn } from './packed-categories'

/** How far a plan has got: step `done` of `total` is running (`total` of `total`: the inputs). */
export interface PlanProgress {
  readonly done: number
  readonly total: number
  readonly label: string
}

/**
 * The page's messages. A table crosses once per dataset and stays in the worker under its id;
 * each recipe edit then sends only the recipe. The table comes a column per message: copying a
 * million rows × 20 columns in one message holds the page for half a second, a column at a time
 * leaves it free to paint in between.
 */
export type PrepareRequest =
  | {
      readonly type: 'table'
      readonly tableId: number
      readonly rowCount: number
      readonly columnCount: number
    }
  | {
      readonly type: 'column'
      readonly tableId: number
      readonly index: number
      readonly column: WireColumn
    }
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
