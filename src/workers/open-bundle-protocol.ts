import type { ModelBundle } from '../core/export/bundle'
import type { ResizedImages } from '../core/images/prepare/rgba-image'
import type { Table } from '../core/table/table'
import type { FinishedRun } from '../core/train/run-history'

/** A picture dataset loaded on the Data step, to test a picture bundle on. */
export interface OpenBundlePictures {
  readonly classes: readonly string[]
  /** Every picture file, in dataset order, with its class index in `labels`. */
  readonly blobs: readonly Blob[]
  readonly labels: Int32Array
  /** The pictures as the Prepare step resized them, if it has: reused when the size fits. */
  readonly resized: ResizedImages | null
}

export interface OpenBundleRequest {
  readonly zip: ArrayBuffer
  /** The data loaded on the Data step, to test the model on; null: open it to predict only. */
  readonly table: Table | null
  /** The picture dataset loaded instead of a table, or null. */
  readonly pictures: OpenBundlePictures | null
}

export type OpenBundleReply =
  | {
      readonly type: 'done'
      readonly bundle: ModelBundle
      readonly run: FinishedRun
      /** Why the model was not tested on the loaded data, or null when it was. */
      readonly notTested: string | null
      /** A picture bundle tested on the loaded pictures: them, resized as its recipe says. */
      readonly images: ResizedImages | null
    }
  | { readonly type: 'error'; readonly message: string }
