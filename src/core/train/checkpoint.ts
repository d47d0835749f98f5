import * as tf from '@tensorflow/tfjs'
import { SeededTrainingNoise } from '../model/seeded-training-noise'
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
  /**
   * Batches each seeded dropout / noise layer has drawn for, in layer order: the masks of the
   * epochs after a resume are then those an unbroken run would have drawn. Absent: none.
   */
  readonly noiseDraws?: number[]
}

/** Where a run's checkpoints are kept between epochs and across reloads (IndexedDB in the page). */
export interface CheckpointStore {
  readonly load: (runId: string) => Promise<Checkpoint | undefined>
  readonly save: (checkpoint: Checkpoint) => Promise<void>
}

/** A checkpoint that does not fit the model: trying it on another backend would not help. */
export class CheckpointMismatchError extends Error {
  override readonly name = 'CheckpointMismatchError'
}

interface NamedTensor {
  readonly name: string
  readonly tensor: tf.Tensor
}

/**
 * tfjs' Adamax throws on getWeights / setWeights ("not implemented yet"), so its state is read
 * and written here: the step count, the running product of beta1 and both moments per weight.
 */
interface AdamaxInternals {
  readonly beta1: number
  iteration: tf.Variable
  accBeta1: tf.Variable
  iterations_: number
  accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[]
  accumulatedWeightedInfNorm: { originalName: string; variable: tf.Variable }[]
}

function isAdamax(optimizer: tf.Optimizer): boolean {
  return optimizer.getClassName() === 'Adamax'
}

async function optimizerWeights(optimizer: tf.Optimizer): Promise<NamedTensor[]> {
  if (!isAdamax(optimizer)) return optimizer.getWeights()
  const adamax = optimizer as unknown as AdamaxInternals
  return [
    // Created here, so disposed by the caller with the other scalars it creates (see `owned`).
    { name: 'iter', tensor: tf.scalar(adamax.iterations_, 'int32') },
    { name: 'accBeta1', tensor: adamax.accBeta1 },
    ...adamax.accumulatedFirstMoment.map((m) => ({ name: m.originalName, tensor: m.variable })),
    ...adamax.accumulatedWeightedInfNorm.map((v) => ({ name: v.originalName, tensor: v.variable })),
  ]
}

async function setOptimizerWeights(optimizer: tf.Optimizer, saved: NamedTensor[]): Promise<void> {
  if (!isAdamax(optimizer)) return optimizer.setWeights(saved)
  const adamax = optimizer as unknown as AdamaxInternals
  const [iter, accBeta1, ...moments] = saved
  if (!iter || !accBeta1) throw new Error('The checkpoint lacks Adamax’s step count')
  const steps = (await iter.tensor.data())[0] ?? 0
  adamax.iterations_ = steps
  tf.tidy(() => {
    adamax.iteration.assign(tf.scalar(steps))
    adamax.accBeta1.assign(accBeta1.tensor)
  })
  const half = moments.length / 2
  const variable = (t: NamedTensor) => ({
    originalName: t.name,
    variable: t.tensor.variable(false),
  })
  adamax.accumulatedFirstMoment = moments.slice(0, half).map(variable)
  adamax.accumulatedWeightedInfNorm = moments.slice(half).map(variable)
}

/** The studio's seeded dropout and noise layers, whose batch counters a checkpoint carries. */
function noiseLayers(model: tf.LayersModel): SeededTrainingNoise[] {
  return model.layers.filter((l) => l instanceof SeededTrainingNoise)
}

async function save(name: string, tensor: tf.Tensor): Promise<SavedTensor> {
  const dtype = tensor.dtype === 'int32' ? 'int32' : 'float32'
  // `data()` on CPU may hand back the backend's own array: copy, so later epochs cannot touch it.
  const data = await tensor.data()
  const values = dtype === 'int32' ? Int32Array.from(data) : Float32Array.from(data)
  return { name, shape: [...tensor.shape], dtype, values }
}

function load(saved: SavedTensor): tf.Tensor {
  return tf.tensor(saved.values, saved.shape, saved.dtype)
}

/** Reads the model's weights and optimiser state into a checkpoint (async reads: no GPU stall). */
export async function captureCheckpoint(
  model: tf.LayersModel,
  runId: string,
  backend: BackendName,
  state: TrainState,
  bestWeights: readonly tf.Tensor[] | null,
): Promise<Checkpoint> {
  const names = model.weights.map((w) => w.originalName)
  const optimizer = model.optimizer as tf.Optimizer | undefined
  const optimizerState = optimizer ? await optimizerWeights(optimizer) : []
  // The step-count scalar is made fresh by each read; the rest are the optimiser's own variables.
  const owned = optimizerState.filter((w) => w.name === 'iter').map((w) => w.tensor)
  try {
    const [weights, optimizerSaved, best] = await Promise.all([
      Promise.all(model.getWeights().map((t, i) => save(names[i] ?? `weight_${i}`, t))),
      Promise.all(optimizerState.map((w) => save(w.name, w.tensor))),
      bestWeights
        ? Promise.all(bestWeights.map((t, i) => save(names[i] ?? `weight_${i}`, t)))
        : Promise.resolve(null),
    ])
    return {
      runId,
      savedAt: Date.now(),
      backend,
      state,
      weights,
      optimizer: optimizerSaved,
      bestWeights: best,
      noiseDraws: noiseLayers(model).map((l) => l.batchesDrawn),
    }
  } finally {
    tf.dispose(owned)
  }
}

/**
 * Puts a checkpoint's weights and optimiser state into a freshly built and compiled model of the
 * same spec; returns the best weights as tensors (the caller owns them) when the checkpoint has them.
 */
export async function restoreCheckpoint(
  model: tf.LayersModel,
  checkpoint: Checkpoint,
): Promise<tf.Tensor[] | null> {
  const expected = model.weights.length
  if (checkpoint.weights.length !== expected) {
    throw new CheckpointMismatchError(
      `The checkpoint holds ${checkpoint.weights.length} weight tensors but the model has ${expected}: the network changed since it was saved. Start training again.`,
    )
  }
  const weights = checkpoint.weights.map(load)
  try {
    model.setWeights(weights)
  } finally {
    // setWeights and variable() share the data and count references: these handles can go.
    tf.dispose(weights)
  }
  const optimizer = model.optimizer as tf.Optimizer | undefined
  if (optimizer && checkpoint.optimizer.length > 0) {
    const state = checkpoint.optimizer.map((s) => ({ name: s.name, tensor: load(s) }))
    try {
      await setOptimizerWeights(optimizer, state)
    } finally {
      tf.dispose(state.map((s) => s.tensor))
    }
  }
  const noise = noiseLayers(model)
  checkpoint.noiseDraws?.forEach((calls, i) => {
    const layer = noise[i]
    if (layer) layer.batchesDrawn = calls
  })
  return checkpoint.bestWeights ? checkpoint.bestWeights.map(load) : null
}
