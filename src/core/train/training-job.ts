import * as tf from '@tensorflow/tfjs'
import { saveModelFiles } from '../export/model-artifacts'
import type { SavedModelFiles } from '../export/model-files'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { checkModel } from '../model/check-model'
import { outputHead } from '../model/head'
import { modelInputOf } from '../recipe/model-input'
import type { Recipe } from '../recipe/recipe-schema'
import { decodeOutputs } from '../recipe/transform'
import type { BackendName, BackendRequest } from './backend-names'
import { chooseBackend, type BackendChoice } from './backends'
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
import { measureTrainingSpeed } from './probe'

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
  | { readonly type: 'error'; readonly message: string; readonly diverged: boolean }

/** Chooses the backend, trains, scores the test split and saves the model, reporting as it goes. */
export async function runTrainingJob(
  job: TrainingJob,
  control: TrainControl,
  emit: (event: TrainingEvent) => void,
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
    const choice = await chooseBackend(job.backend, () =>
      measureTrainingSpeed(recipe.model, head, recipe.training, job.train, recipe.seed, input),
    )
    emit({ type: 'backend', choice })
    const tensorsBefore = tf.memory().numTensors
    const model = buildModel(recipe.model, input, head, recipe.seed)
    try {
      compileModel(model, head, recipe.training)
      const result = await trainModel(
        model,
        job.train,
        job.validation,
        recipe.training,
        recipe.seed,
        control,
        (log) => {
          const memory = tf.memory()
          emit({ type: 'epoch', log, tensors: memory.numTensors, bytes: memory.numBytes })
        },
        job.classWeights ?? null,
        {
          task: recipe.target.task,
          onBatches: (batches) => emit({ type: 'batches', batches }),
        },
      )
      const testOutputs = decodeOutputs(recipe, await predictMatrix(model, job.test.x))
      const files = await saveModelFiles(model)
      disposeModel(model)
      emit({
        type: 'done',
        outcome: {
          backend: choice.backend,
          epochs: result.epochs,
          stoppedEarly: result.stoppedEarly,
          stopReason: result.stopReason,
          restoredEpoch: result.restoredEpoch,
          testOutputs,
          model: files,
          tensorsBefore,
          tensorsAfter: tf.memory().numTensors,
        },
      })
    } catch (error) {
      disposeModel(model)
      throw error
    }
  } catch (error) {
    emit({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      diverged: error instanceof TrainingDivergedError,
    })
  }
}
