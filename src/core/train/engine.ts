import * as tf from '@tensorflow/tfjs'
import { inputTensor, rowShape, type Matrix } from '../model/predict-matrix'
import { createRng, shuffleInPlace } from '../random'
import { BatchLossReporter } from './batch-losses'
import { BestWeights, earlyStoppingStep, FRESH_EARLY, type EarlyState } from './early-stopping'
import { EpochMetrics, taskOfLoss, type TargetScale, type Task } from './epoch-metrics'
import { FRESH_PLATEAU, nextLearningRate, type PlateauState } from './lr-schedule'
import { setLearningRate } from './optimizer'
import { epochMetricsOf, type TrainConfig } from './train-config'
// Gradients WASM lacks (convolutions, embeddings) and a CPU one that takes minutes: registered once
// the engine loads, wherever it runs.
import './training-kernels'

// Prediction lives apart (the bundle runtime reads it without the training engine).
export { inputTensor, predictMatrix, type Matrix } from '../model/predict-matrix'

export interface Dataset {
  readonly x: Matrix
  readonly y: Matrix
}

export interface EpochLog {
  readonly epoch: number
  readonly loss: number
  readonly valLoss: number | null
  readonly accuracy: number | null
  readonly valAccuracy: number | null
  readonly elapsedMs: number
  readonly samplesPerSecond: number
  /** The learning rate this epoch trained with (after the schedule). Absent in older runs. */
  readonly learningRate?: number
  /**
   * The chosen metrics (`epochMetricsOf`) on training rows (`auc`) and validation rows
   * (`val_auc`); null where a metric cannot be computed (a single class in the rows). Absent in
   * older runs.
   */
  readonly metrics?: Readonly<Record<string, number | null>>
  /** The backend that trained this epoch: it changes after a fallback. */
  readonly backend?: string
}

/** Training losses of consecutive batches, sent in chunks so the page draws a per-batch curve. */
export interface BatchLosses {
  readonly epoch: number
  /** 0-based index of the first loss's batch within its epoch. */
  readonly firstBatch: number
  readonly batchesPerEpoch: number
  readonly losses: number[]
}

/**
 * Everything besides the weights that a run needs to go on exactly where it was: saved with
 * every checkpoint, handed back through `TrainOptions.resume`.
 */
export interface TrainState {
  /** Epochs completed. */
  readonly epoch: number
  readonly epochs: EpochLog[]
  /** The learning rate the next epoch starts from. */
  readonly learningRate: number
  /** Plateau schedule: best monitored loss so far and epochs since it improved. */
  readonly plateau: { readonly best: number; readonly wait: number }
  /** Early stopping: best monitored loss, its epoch, and epochs since it improved. */
  readonly early: { readonly best: number; readonly bestEpoch: number; readonly wait: number }
}

export type StopReason = 'completed' | 'stopped' | 'early-stopping'

/** What a run needs besides the data and the config; every field is optional. */
export interface TrainOptions {
  /** The target's task: which epoch metrics apply. Absent: the one the model's loss implies. */
  readonly task?: Task
  /** A scaled regression target's mean and spread: MAE and RMSE then read in target units. */
  readonly targetScale?: TargetScale | null
  /** Per-batch training losses, in chunks (at most a few a second). */
  readonly onBatches?: (losses: BatchLosses) => void
  /**
   * Called after each epoch's `onEpoch`, awaited before the next epoch: the place to save a
   * checkpoint. `bestWeights` are the early-stopping best weights when kept, else null.
   */
  readonly onCheckpoint?: (
    model: tf.LayersModel,
    state: TrainState,
    bestWeights: readonly tf.Tensor[] | null,
  ) => Promise<void>
  /**
   * Goes on from a checkpoint: the model already holds its weights and optimiser state; epochs up
   * to `state.epoch` are not trained again and `state.epochs` are kept in the result. The run
   * takes over `bestWeights` and disposes them when it ends.
   */
  readonly resume?: { readonly state: TrainState; readonly bestWeights: tf.Tensor[] | null }
}

/** How the caller steers a run: it may pause between epochs and stop after any epoch. */
export interface TrainControl {
  readonly shouldStop: () => boolean
  readonly waitWhilePaused: () => Promise<void>
}

export class TrainingDivergedError extends Error {
  override readonly name = 'TrainingDivergedError'
}

export interface TrainResult {
  readonly epochs: EpochLog[]
  /** Stopped by hand (Stop training). */
  readonly stoppedEarly: boolean
  readonly stopReason: StopReason
  /** The epoch whose weights the model holds at the end when best weights were restored. */
  readonly restoredEpoch: number | null
}

function first(values: (number | tf.Tensor)[] | undefined): number | null {
  const v = values?.[0]
  return typeof v === 'number' ? v : null
}

/**
 * Trains a compiled model epoch by epoch. Each epoch is one `model.fit` over rows shuffled by the
 * seeded generator, so a run is repeatable (tfjs' own shuffle uses Math.random). Between epochs
 * it sets the scheduled learning rate, measures the chosen metrics, applies early stopping and
 * offers a checkpoint; batch losses are read in chunks, never with a sync per batch.
 *
 * Best weights (early stopping with restoreBestWeights) are put back whenever the run ends on a
 * later epoch than the best one, whether it stopped early, ran all its epochs or was stopped by
 * hand. Keras restores them only when it stops early, which surprises people who turned the
 * option on precisely to keep the best model they saw; `restoredEpoch` says what happened.
 */
export async function trainModel(
  model: tf.LayersModel,
  train: Dataset,
  validation: Dataset | null,
  config: TrainConfig,
  seed: number,
  control: TrainControl,
  onEpoch: (log: EpochLog) => void,
  classWeights: readonly number[] | null = null,
  options: TrainOptions = {},
): Promise<TrainResult> {
  // tfjs weights each sample's loss by its class: the row's 0/1 label, or its one-hot position.
  const classWeight = classWeights
    ? Object.fromEntries(classWeights.map((w, c) => [c, w]))
    : undefined
  const resumed = options.resume?.state
  // From here on the run owns the resumed best weights: disposed when replaced or at the end.
  const best = new BestWeights(options.resume?.bestWeights ?? null)
  const rule = config.earlyStopping ?? null
  const task = options.task ?? taskOfLoss(model.loss)
  const validationRows = validation && validation.x.rows > 0 ? validation : null
  const reporter = options.onBatches ? new BatchLossReporter(options.onBatches) : null
  const tensors: tf.Tensor[] = []
  let metrics: EpochMetrics | null = null
  try {
    // Checked before any tensor exists, so a mismatch leaks nothing.
    if (validationRows) rowShape(model, validationRows.x.width)
    const xAll = inputTensor(model, train.x)
    tensors.push(xAll)
    const yAll = tf.tensor2d(train.y.values, [train.y.rows, train.y.width])
    tensors.push(yAll)
    let validationData: [tf.Tensor, tf.Tensor] | undefined
    if (validationRows) {
      validationData = [
        inputTensor(model, validationRows.x),
        tf.tensor2d(validationRows.y.values, [validationRows.y.rows, validationRows.y.width]),
      ]
      tensors.push(...validationData)
    }
    metrics = new EpochMetrics(
      task,
      epochMetricsOf(config, task),
      xAll,
      train,
      validationData && validationRows ? { x: validationData[0], y: validationRows.y } : null,
      seed,
      options.targetScale ?? null,
    )
    const rng = createRng(seed ^ 0x5eed)
    const order = Int32Array.from({ length: train.x.rows }, (_, i) => i)
    // A resumed run replays the shuffles of the epochs done, so it draws what the whole run would.
    for (let e = 1; e <= (resumed?.epoch ?? 0); e++) shuffleInPlace(order, rng)
    const epochs: EpochLog[] = [...(resumed?.epochs ?? [])]
    let learningRate = resumed?.learningRate ?? config.learningRate
    let plateau: PlateauState = resumed?.plateau ?? FRESH_PLATEAU
    let early: EarlyState = resumed?.early ?? FRESH_EARLY
    let stopReason: StopReason = 'completed'
    const batchesPerEpoch = Math.ceil(train.x.rows / config.batchSize)
    const started = performance.now() - (epochs.at(-1)?.elapsedMs ?? 0)
    for (let epoch = (resumed?.epoch ?? 0) + 1; epoch <= config.epochs; epoch++) {
      await control.waitWhilePaused()
      if (control.shouldStop()) {
        stopReason = 'stopped'
        break
      }
      setLearningRate(model.optimizer, learningRate)
      const epochStart = performance.now()
      shuffleInPlace(order, rng)
      const [xs, ys] = tf.tidy(() => {
        const index = tf.tensor1d(order, 'int32')
        return [tf.gather(xAll, index), tf.gather(yAll, index)]
      })
      reporter?.startEpoch(epoch, batchesPerEpoch)
      let history: tf.History
      try {
        history = await model.fit(xs, ys, {
          epochs: 1,
          batchSize: config.batchSize,
          shuffle: false,
          validationData,
          ...(classWeight && { classWeight }),
          // With a callback object of its own, tfjs drops its default one that yields to the
          // event loop now and then; an empty CustomCallback keeps that yield.
          ...(reporter && { callbacks: [reporter, new tf.CustomCallback({})] }),
        })
        await reporter?.flush()
      } finally {
        xs.dispose()
        ys.dispose()
      }
      const loss = first(history.history.loss) ?? Number.NaN
      const elapsed = performance.now() - epochStart
      if (!Number.isFinite(loss)) {
        throw new TrainingDivergedError(
          `The loss became ${String(loss)} in epoch ${epoch}: training diverged. Lower the learning rate (try ${config.learningRate / 10}) or check that the inputs are scaled.`,
        )
      }
      const valLoss = first(history.history.val_loss)
      const log: EpochLog = {
        epoch,
        loss,
        valLoss,
        accuracy: first(history.history.acc),
        valAccuracy: first(history.history.val_acc),
        elapsedMs: performance.now() - started,
        samplesPerSecond: (train.x.rows / elapsed) * 1000,
        learningRate,
        metrics: await metrics.measure(model),
        backend: tf.getBackend(),
      }
      const monitored = valLoss ?? loss
      let stop = false
      if (rule) {
        const verdict = earlyStoppingStep(rule, early, epoch, monitored)
        early = verdict.early
        // Kept before `onEpoch`, so the tensor count it sees is the same from the first epoch on.
        if (verdict.improved && rule.restoreBestWeights) best.keep(model)
        stop = verdict.stop
      }
      epochs.push(log)
      onEpoch(log)
      ;({ learningRate, plateau } = nextLearningRate(
        config.schedule,
        config.learningRate,
        epoch,
        learningRate,
        plateau,
        monitored,
      ))
      const state: TrainState = { epoch, epochs: [...epochs], learningRate, plateau, early }
      await options.onCheckpoint?.(model, state, best.current)
      if (stop) {
        stopReason = 'early-stopping'
        break
      }
    }
    const last = epochs.at(-1)?.epoch ?? 0
    const restore = rule?.restoreBestWeights === true && early.bestEpoch < last
    const restoredEpoch = restore && best.restoreInto(model) ? early.bestEpoch : null
    return { epochs, stoppedEarly: stopReason === 'stopped', stopReason, restoredEpoch }
  } finally {
    tf.dispose(tensors)
    metrics?.dispose()
    reporter?.dispose()
    best.dispose()
  }
}

/** Predictions for a matrix, read back asynchronously (a synchronous read returns zeros on WebGPU here). */
