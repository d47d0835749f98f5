import { prepareImages } from '../images/prepare/prepare-images'
import type { ResizedImages } from '../images/prepare/rgba-image'
import type { Recipe } from '../recipe/recipe-schema'
import type { BackendRequest } from './backend-names'
import type { TrainControl } from './engine'
import { runPreparedJob, type StudioRunEvent } from './studio-run'
import type { WarmStart } from './warm-start'

/** What the page asks of a training worker for an image dataset: pictures already resized. */
export interface ImageRunRequest {
  readonly recipe: Recipe
  readonly images: ResizedImages
  readonly backend: BackendRequest
  /** Start from an opened picture bundle's weights. */
  readonly warmStart?: WarmStart | null
}

/** The message that starts an image run (the table run starts with TrainingCommand 'start'). */
export interface ImageTrainingCommand {
  readonly type: 'start-images'
  readonly request: ImageRunRequest
}

/**
 * The image run off the main thread: split by class, fit the normalisation on the training
 * pictures, train, and score the test pictures against a baseline, reporting exactly as a table
 * run does so Train and Evaluate need not know the difference.
 */
export async function runImageTraining(
  request: ImageRunRequest,
  control: TrainControl,
  emit: (event: StudioRunEvent) => void,
): Promise<void> {
  let prepared: ReturnType<typeof prepareImages>
  try {
    prepared = prepareImages(request.recipe, request.images)
  } catch (error) {
    emit({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      diverged: false,
    })
    return
  }
  const job = {
    recipe: prepared.recipe,
    train: prepared.train,
    validation: prepared.validation,
    test: prepared.test,
    classWeights: prepared.classWeights,
    backend: request.backend,
    ...(request.warmStart && { warmStart: request.warmStart }),
  }
  await runPreparedJob(job, prepared.parts.test, control, emit)
}
