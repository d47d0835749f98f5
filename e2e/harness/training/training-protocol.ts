import type { BackendName } from '../../../src/core/train/backend-names'

/** What the training harness publishes on window.__trainingHarness for one backend. */
export interface TrainingReport {
  readonly requested: BackendName
  /** Null when the backend started, else why not. */
  readonly startError: string | null
  /** `tf.getBackend()` while the runs trained. */
  readonly backend: string | null
  /** The long run: tensors alive after each epoch, before it started and after it ended. */
  readonly tensorsPerEpoch: number[]
  readonly tensorsBefore: number | null
  readonly tensorsAfter: number | null
  /** Its learning rate per epoch and how many batch-loss chunks it sent. */
  readonly learningRates: number[]
  readonly batchChunks: number
  readonly metricKeys: string[]
  /** Epoch losses (training, then validation, per epoch) of the seed runs. */
  readonly seedRuns: { readonly seed: number; readonly losses: number[] }[]
  /** Wall time of each epoch of the long run (the first one compiles the kernels). */
  readonly epochMs: number[]
  readonly ms: number
  readonly error: string | null
  readonly done: boolean
}

export type TrainingReply =
  | { readonly type: 'started'; readonly startError: string | null; readonly backend: string }
  | { readonly type: 'report'; readonly report: Partial<TrainingReport> }
  | { readonly type: 'done'; readonly error: string | null }
