import * as tf from '@tensorflow/tfjs'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import type { OutputHead } from '../model/head'
import { tableInput, type ModelInput } from '../model/model-input'
import type { ModelSpec } from '../model/model-spec'
import { inputTensor, type Dataset } from './engine'
import type { TrainConfig } from './train-config'

/** Full batches per timed fit. */
const TIMED_BATCHES = 8
/**
 * Timed fits repeat until this much time has passed: on WASM eight batches of a small MLP take a
 * few milliseconds, where a fit's own setup and one stray pause of a shared CPU would decide.
 */
const MIN_TIMED_MS = 300
const MAX_TIMED_FITS = 8
/**
 * A backend still training after this long stops at the next batch: a few slow batches already
 * show it will not win (an LSTM on WebGPU without a GPU, via SwiftShader, trains ~10 samples/s:
 * eight batches of 32 would hold the studio's start up for half a minute).
 */
const MAX_TIMED_MS = 1500

/** The batches the probe trains: the whole plan only uses full batches of one shape. */
export interface ProbePlan {
  readonly batchSize: number
  /** Rows of the untimed first fit: one batch, whose first pass compiles the shaders. */
  readonly warmUpRows: number
  /** Rows of each timed fit: whole batches only. */
  readonly timedRows: number
}

/**
 * Which rows the probe trains on. Only full batches, so that every timed batch has the shape the
 * warm-up compiled: a last, shorter batch (88 rows at 32 leave 24) would compile its own shaders
 * while the clock runs and make WebGL and WebGPU look several times slower than they train.
 */
export function probePlan(rows: number, batchSize: number): ProbePlan {
  const batch = Math.max(1, Math.min(batchSize, rows))
  const fullBatches = Math.max(1, Math.floor(rows / batch))
  return {
    batchSize: batch,
    warmUpRows: batch,
    timedRows: batch * Math.min(fullBatches, TIMED_BATCHES),
  }
}

/**
 * Counts the batches a fit trains and stops it at the first batch end past the deadline. A
 * tf.Callback, not a callbacks object: `fit` reads no loss for it and adds no yield.
 */
class BatchDeadline extends tf.Callback {
  batches = 0
  constructor(private readonly deadline: number) {
    super()
  }
  override onBatchEnd(): Promise<void> {
    this.batches++
    if (performance.now() >= this.deadline) this.model.stopTraining = true
    return Promise.resolve()
  }
}

/**
 * Samples per second of the real model on the current backend, on a slice of the real training
 * rows at the real batch size: an untimed batch pays for shader compilation, then timed fits of
 * whole batches repeat until enough time has passed, or stop early on a very slow backend.
 * `input` is what the recipe feeds the model (a flat table of the rows' width when not given).
 */
export async function measureTrainingSpeed(
  spec: ModelSpec,
  head: OutputHead,
  config: TrainConfig,
  train: Dataset,
  seed: number,
  input: ModelInput = tableInput(train.x.width),
): Promise<number> {
  const plan = probePlan(train.x.rows, config.batchSize)
  const rows = plan.timedRows
  const model = buildModel(spec, input, head, seed)
  const tensors: tf.Tensor[] = []
  try {
    compileModel(model, head, config)
    const first = { ...train.x, values: train.x.values.subarray(0, rows * train.x.width), rows }
    const x = inputTensor(model, first)
    tensors.push(x)
    const y = tf.tensor2d(train.y.values.subarray(0, rows * train.y.width), [rows, train.y.width])
    tensors.push(y)
    const fit = (xs: tf.Tensor, ys: tf.Tensor, callback?: tf.Callback) =>
      model.fit(xs, ys, {
        epochs: 1,
        batchSize: plan.batchSize,
        shuffle: false,
        yieldEvery: 'never',
        ...(callback && { callbacks: [callback] }),
      })
    const [xw, yw] = [x.slice(0, plan.warmUpRows), y.slice(0, plan.warmUpRows)]
    tensors.push(xw, yw)
    await fit(xw, yw)
    const deadline = performance.now() + MAX_TIMED_MS
    let trained = 0
    let elapsed = 0
    for (let fits = 0; fits < MAX_TIMED_FITS && elapsed < MIN_TIMED_MS; fits++) {
      const counter = new BatchDeadline(deadline)
      const start = performance.now()
      // fit resolves after reading its losses, so queued GPU work is inside the time.
      await fit(x, y, counter)
      elapsed += performance.now() - start
      trained += Math.min(rows, counter.batches * plan.batchSize)
      if (performance.now() >= deadline) break
    }
    return (trained / elapsed) * 1000
  } finally {
    tf.dispose(tensors)
    disposeModel(model)
  }
}
