import * as tf from '@tensorflow/tfjs'
import { saveModelFiles } from '../export/model-artifacts'
import type { SavedModelFiles } from '../export/model-files'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
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
  type Dataset,
  type EpochLog,
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
}

export interface TrainingOutcome {
  readonly backend: BackendName
  readonly epochs: EpochLog[]
  readonly stoppedEarly: boolean
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
