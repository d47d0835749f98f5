import type { LayerType } from '../../src/core/model/model-spec'
import type { BackendName } from '../../src/core/train/backend-names'

/** What the harness learnt about one layer type's minimal stack on one backend. */
export interface LayerRun {
  readonly layer: LayerType
  /** `tf.getBackend()` while it ran: proves the requested backend really did the work. */
  readonly backend: string
  readonly ok: boolean
  /** Training loss after each batch. */
  readonly losses: number[]
  readonly lossFinite: boolean
  /** Trainable weight tensors that moved in training, of how many. */
  readonly weightsChanged: number
  readonly trainableWeights: number
  /** Trainable weights that did not move (names), beyond those that cannot (see the worker). */
  readonly unchanged: string[]
  readonly predictionFinite: boolean
  /** Build, train and predict, first shaders included. */
  readonly ms: number
  /** Why it failed: the first thing that went wrong. */
  readonly error: string | null
}

export interface HarnessReport {
  readonly requested: BackendName
  /** Null when the backend started, else why not. */
  readonly startError: string | null
  readonly runs: LayerRun[]
  readonly done: boolean
}

export type HarnessReply =
  | { readonly type: 'started'; readonly startError: string | null }
  | { readonly type: 'layer'; readonly run: LayerRun }
  | { readonly type: 'done' }
