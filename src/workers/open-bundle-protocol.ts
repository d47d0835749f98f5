import type { ModelBundle } from '../core/export/bundle'
import type { Table } from '../core/table/table'
import type { FinishedRun } from '../core/train/run-history'

export interface OpenBundleRequest {
  readonly zip: ArrayBuffer
  /** The data loaded on the Data step, to test the model on; null: open it to predict only. */
  readonly table: Table | null
}

export type OpenBundleReply =
  | {
      readonly type: 'done'
      readonly bundle: ModelBundle
      readonly run: FinishedRun
      /** Why the model was not tested on the loaded data, or null when it was. */
      readonly notTested: string | null
    }
  | { readonly type: 'error'; readonly message: string }
