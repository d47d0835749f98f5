import type { BackendName } from '../../../src/core/train/backend-names'

/** How the faults harness breaks the backend after epoch 2's checkpoint is saved. */
export type Fault = 'lose-webgl-context' | 'destroy-webgpu-device'

/** What the faults harness saw of one run, for e2e/training-faults.spec.ts to read. */
export interface FaultsReport {
  readonly requested: BackendName
  /** Event types in order (epochs as `epoch <n> <backend>`). */
  readonly events: string[]
  readonly fallback: {
    readonly from: string
    readonly to: string
    readonly epoch: number
    readonly reason: string
  } | null
  /** Epochs whose checkpoint reached IndexedDB. */
  readonly checkpoints: number[]
  /** Per-epoch losses as the run ended (from the outcome). */
  readonly losses: number[]
  readonly finishedOn: string | null
  /** Tensors alive before the run and once it ended, as the outcome counts them. */
  readonly tensorsBefore: number | null
  readonly tensorsAfter: number | null
  /** Tensors after the run as the worker's engine counts them. */
  readonly tensorsAtEnd: number | null
  /** The checkpoint record left in IndexedDB: its epoch. */
  readonly storedEpoch: number | null
  readonly error: string | null
  readonly done: boolean
}

export type FaultsReply =
  | { readonly type: 'update'; readonly report: FaultsReport }
  | { readonly type: 'done'; readonly report: FaultsReport }
