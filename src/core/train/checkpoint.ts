import type * as tf from '@tensorflow/tfjs'
import type { BackendName } from './backend-names'
import type { TrainState } from './engine'

/** One tensor's values as plain data, so it survives IndexedDB and a change of backend. */
export interface SavedTensor {
  readonly name: string
  readonly shape: number[]
  readonly dtype: 'float32' | 'int32'
  readonly values: Float32Array | Int32Array
}

/**
 * A run as it stood after an epoch: enough to go on training from there, on this backend or
 * another, in this page or after a reload.
 */
export interface Checkpoint {
  readonly runId: string
  readonly savedAt: number
  readonly backend: BackendName
  readonly state: TrainState
  /** `model.getWeights()` in order. */
  readonly weights: SavedTensor[]
  /** `optimizer.getWeights()` in order (the iteration count first). */
  readonly optimizer: SavedTensor[]
  /** Early stopping's best weights when restore-best-weights is on, in model order. */
  readonly bestWeights: SavedTensor[] | null
}

/** Reads the model's weights and optimiser state into a checkpoint (async reads: no GPU stall). */
export async function captureCheckpoint(
  model: tf.LayersModel,
  runId: string,
  backend: BackendName,
  state: TrainState,
  bestWeights: readonly tf.Tensor[] | null,
): Promise<Checkpoint> {
  await Promise.resolve()
  throw new Error(
    `captureCheckpoint is not built yet (${model.name}, run ${runId} on ${backend}, epoch ${state.epoch}, ${bestWeights?.length ?? 0} best weights)`,
  )
}

/**
 * Puts a checkpoint's weights and optimiser state into a freshly built and compiled model of the
 * same spec; returns the best weights as tensors (the caller owns them) when the checkpoint has them.
 */
export async function restoreCheckpoint(
  model: tf.LayersModel,
  checkpoint: Checkpoint,
): Promise<tf.Tensor[] | null> {
  await Promise.resolve()
  throw new Error(`restoreCheckpoint is not built yet (${model.name}, run ${checkpoint.runId})`)
}
