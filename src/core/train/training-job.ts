import * as tf from '@tensorflow/tfjs'
import { saveModelFiles } from '../export/model-artifacts'
import type { SavedModelFiles } from '../export/model-files'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { checkModel } from '../model/check-model'
import { outputHead, type OutputHead } from '../model/head'
import type { ModelInput } from '../model/model-input'
import { modelInputOf } from '../recipe/model-input'
import type { Recipe } from '../recipe/recipe-schema'
import { decodeOutputs } from '../recipe/transform'
import type { BackendName, BackendRequest } from './backend-names'
import { BACKEND_LABELS } from './backend-names'
import { chooseBackend, type BackendChoice } from './backends'
import {
  captureCheckpoint,
  CheckpointMismatchError,
  restoreCheckpoint,
  type Checkpoint,
  type CheckpointStore,
} from './checkpoint'
import {
  predictMatrix,
  trainModel,
  TrainingDivergedError,
  type BatchLosses,
  type Dataset,
  type EpochLog,
  type StopReason,
  type TrainControl,
} from './engine'
import { BackendLostError, nextBackend, openTryScope, watchBackend } from './fallback'
import { measureTrainingSpeed } from './probe'
import { trainingSeed } from './train-config'
import { validationFor, type TrainingRows } from './validation-source'
import { applyWarmStart, type WarmStart } from './warm-start'

/** Everything a training run needs, prepared by the recipe: plain arrays that cross to a worker. */
export interface TrainingJob {
  readonly recipe: Recipe
  readonly train: Dataset
  readonly validation: Dataset
  readonly test: Dataset
  /** Loss weight per class (training rows only), or null for equal weights. */
  readonly classWeights?: readonly number[] | null
  readonly backend: BackendRequest
  /** Names the run's checkpoints. Absent: no checkpoints are saved. */
  readonly runId?: string
  /** Go on from the run's last checkpoint (found by `runId`) instead of starting afresh. */
  readonly resume?: boolean
  /** Start from these weights instead of fresh ones (ignored when resuming a checkpoint). */
  readonly warmStart?: WarmStart | null
}

export interface TrainingOutcome {
  readonly backend: BackendName
  readonly epochs: EpochLog[]
  readonly stoppedEarly: boolean
  readonly stopReason: StopReason
  /** The epoch whose weights were put back by early stopping, or null. */
  readonly restoredEpoch: number | null
  /** Test-split outputs in the target's units (probabilities for classification). */
  readonly testOutputs: Float64Array
  readonly model: SavedModelFiles
  /** Tensors alive once the run has cleaned up: must equal the count before it started. */
  readonly tensorsBefore: number
  readonly tensorsAfter: number
}

export type TrainingEvent =
  | { readonly type: 'backend'; readonly choice: BackendChoice }
  | {
      readonly type: 'epoch'
      readonly log: EpochLog
      readonly tensors: number
      readonly bytes: number
    }
  | { readonly type: 'batches'; readonly batches: BatchLosses }
  /** A checkpoint of this epoch is saved: a reload or a fallback goes on from here. */
  | { readonly type: 'checkpoint'; readonly epoch: number }
  /** The backend failed mid-run; training goes on from the last checkpoint on `to`. */
  | {
      readonly type: 'fallback'
      readonly from: BackendName
      readonly to: BackendName
      /** Epochs completed at the checkpoint training resumes from. */
      readonly epoch: number
      readonly reason: string
    }
  | { readonly type: 'done'; readonly outcome: TrainingOutcome }
  | {
      readonly type: 'error'
      readonly message: string
      readonly diverged: boolean
      /** The worker itself died (not the training): its last checkpoint can still be resumed. */
      readonly crashed?: boolean
    }

/** Where a resumed run's checkpoint comes from, or a clear reason it cannot go on. */
async function resumePoint(
  job: TrainingJob,
  checkpoints: CheckpointStore | null,
): Promise<Checkpoint | null> {
  if (!job.resume) return null
  const found = job.runId && checkpoints ? await checkpoints.load(job.runId) : undefined
  if (!found) {
    throw new Error(
      'The checkpoint of this run is gone (the browser may have cleared its storage). Start training again.',
    )
  }
  return found
}

/** Errors that another backend would hit just the same: these end the run. */
function endsTheRun(error: unknown): boolean {
  return error instanceof TrainingDivergedError || error instanceof CheckpointMismatchError
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Chooses the backend, trains, scores the test split and saves the model, reporting as it goes.
 * After every epoch the run is checkpointed (in memory, and to `checkpoints` when the job has a
 * `runId`); when the backend fails mid-run (a lost GPU device or WebGL context, a kernel error)
 * training goes on from the last checkpoint on the next backend that starts.
 */
export async function runTrainingJob(
  job: TrainingJob,
  control: TrainControl,
  emit: (event: TrainingEvent) => void,
  checkpoints: CheckpointStore | null = null,
): Promise<void> {
  const { recipe } = job
  const head = outputHead(recipe.target, recipe.model)
  try {
    // The shape one row takes entering the network: flat, a window, token ids or a picture.
    const input = modelInputOf(recipe)
    // The page refuses a broken network before it starts; a run sent anyway stops here, with the
    // same words, before any backend is measured on it.
    const broken = checkModel(recipe.model, input, head).firstError
    if (broken) throw new Error(`The model cannot be trained: ${broken.message}`)
    const seed = trainingSeed(recipe.training, recipe.seed)
    // Held out once, so every backend a fallback moves to trains and validates on the same rows.
    const rows = validationFor(job.train, job.validation, recipe.training, seed)
    const store = job.runId ? checkpoints : null
    let checkpoint = await resumePoint(job, store)
    const choice = await chooseBackend(job.backend, () =>
      measureTrainingSpeed(recipe.model, head, recipe.training, rows.train, seed, input),
    )
    emit({ type: 'backend', choice })
    const tensorsBefore = tf.memory().numTensors
    // A run resumed after a reload shows its curves from epoch 1, not from where it goes on.
    for (const log of checkpoint?.state.epochs ?? []) {
      emit({ type: 'epoch', log, tensors: tensorsBefore, bytes: tf.memory().numBytes })
    }
    let backend = choice.backend
    for (;;) {
      try {
        const attempt = { job, rows, control, emit, input, head, seed, store }
        const finished = await trainOn(
          attempt,
          backend,
          checkpoint,
          (saved) => (checkpoint = saved),
        )
        emit({
          type: 'done',
          outcome: { backend, ...finished, tensorsBefore },
        })
        return
      } catch (error) {
        if (endsTheRun(error)) throw error
        const next = await nextBackend(backend)
        if (next.backend === null) {
          throw new Error(
            `${BACKEND_LABELS[backend]} failed during training (${messageOf(error)}) and no other backend could take over. Reload the page and train again.`,
            { cause: error },
          )
        }
        emit({
          type: 'fallback',
          from: backend,
          to: next.backend,
          epoch: checkpoint?.state.epoch ?? 0,
          reason: messageOf(error),
        })
        backend = next.backend
      }
    }
  } catch (error) {
    emit({
      type: 'error',
      message: messageOf(error),
      diverged: error instanceof TrainingDivergedError,
    })
  }
}

/** What one try on one backend needs besides the backend and the checkpoint. */
interface Attempt {
  readonly job: TrainingJob
  readonly rows: TrainingRows
  readonly control: TrainControl
  readonly emit: (event: TrainingEvent) => void
  readonly input: ModelInput
  readonly head: OutputHead
  readonly seed: number
  readonly store: CheckpointStore | null
}

/**
 * One try on one backend: build, restore the checkpoint if there is one, train to the end,
 * score the test rows and save the model. Hands each new checkpoint to `keep`; throws when the
 * backend fails.
 */
async function trainOn(
  { job, rows, control, emit, input, head, seed, store }: Attempt,
  backend: BackendName,
  from: Checkpoint | null,
  keep: (checkpoint: Checkpoint) => void,
): Promise<Omit<TrainingOutcome, 'backend' | 'tensorsBefore'>> {
  const { recipe } = job
  const watch = watchBackend(backend)
  // Set once this try has failed: a run left hanging on a dead GPU must not report anything.
  let abandoned = false
  const throwIfLost = () => {
    const lost = watch.lost()
    if (lost !== null) throw new BackendLostError(lost)
  }
  // A dead GPU may leave its reads waiting for ever: the loss ends the wait instead.
  const lost = watch.whenLost.then((why) => Promise.reject(new BackendLostError(why)))
  lost.catch(() => undefined)
  const untilLost = <T>(work: Promise<T>): Promise<T> => {
    // Left behind when the backend is lost: its failure is no longer anyone's to report.
    work.catch(() => undefined)
    return Promise.race([work, lost])
  }
  const guarded: TrainControl = {
    shouldStop: () => abandoned || control.shouldStop(),
    waitWhilePaused: async () => {
      throwIfLost()
      await control.waitWhilePaused()
      throwIfLost()
    },
  }
  const scope = openTryScope()
  let failed = false
  let model: tf.LayersModel | null = null
  try {
    model = buildModel(recipe.model, input, head, seed)
    compileModel(model, head, recipe.training)
    if (!from && job.warmStart) await applyWarmStart(model, job.warmStart)
    const resume = from
      ? { state: from.state, bestWeights: await restoreCheckpoint(model, from) }
      : undefined
    const training = trainModel(
      model,
      rows.train,
      rows.validation,
      recipe.training,
      seed,
      guarded,
      (log) => {
        if (abandoned) return
        const memory = tf.memory()
        emit({
          type: 'epoch',
          log: { ...log, backend: log.backend ?? backend },
          tensors: memory.numTensors,
          bytes: memory.numBytes,
        })
      },
      job.classWeights ?? null,
      {
        task: recipe.target.task,
        onBatches: (batches) => {
          if (!abandoned) emit({ type: 'batches', batches })
        },
        onCheckpoint: async (trained, state, bestWeights) => {
          if (abandoned) return
          const saved = await captureCheckpoint(
            trained,
            job.runId ?? 'unsaved',
            backend,
            state,
            bestWeights,
          )
          // Values read from a lost WebGL context are garbage: keep the previous checkpoint.
          throwIfLost()
          keep(saved)
          if (!store) return
          try {
            await store.save(saved)
            emit({ type: 'checkpoint', epoch: state.epoch })
          } catch {
            // Storage full or unavailable: the run goes on; only resuming after a reload is lost.
          }
        },
        ...(resume && { resume }),
      },
    )
    const result = await untilLost(training)
    const testOutputs = decodeOutputs(recipe, await untilLost(predictMatrix(model, job.test.x)))
    throwIfLost()
    const files = await untilLost(saveModelFiles(model))
    disposeModel(model)
    return {
      // Counted before the scope closes, so that a leak of the run itself still shows.
      tensorsAfter: tf.memory().numTensors,
      epochs: result.epochs,
      stoppedEarly: result.stoppedEarly,
      stopReason: result.stopReason,
      restoredEpoch: result.restoredEpoch,
      testOutputs,
      model: files,
    }
  } catch (error) {
    failed = true
    abandoned = true
    try {
      if (model) disposeModel(model)
    } catch {
      // A lost backend may refuse to free what it no longer has.
    }
    throw error
  } finally {
    scope.close(failed)
    watch.dispose()
  }
}
