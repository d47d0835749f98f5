import type { ExplainRequest, ExplainResult } from '../core/evaluate/explain/explain-job'
import type { TestSet } from '../core/evaluate/test-set'
import type { SavedModelFiles } from '../core/export/model-files'
import type { Recipe } from '../core/recipe/recipe-schema'
import type { Table } from '../core/table/table'

export interface ExplainWorkerRequest {
  readonly model: SavedModelFiles
  readonly recipe: Recipe
  readonly table: Table
  readonly testSet: Pick<TestSet, 'task' | 'rows' | 'actual'>
  readonly request: ExplainRequest
}

export type ExplainWorkerReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: ExplainResult }
  | { readonly type: 'error'; readonly message: string }
