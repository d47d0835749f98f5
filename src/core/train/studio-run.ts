import { priorBaselineOutputs } from '../evaluate/baseline'
import { linearBaselineOutputs } from '../evaluate/baselines/linear-baseline'
import { evaluatePredictions } from '../evaluate/evaluate-split'
import type { Metric } from '../evaluate/metrics'
import { prepareTrainingJob } from '../recipe/prepare-job'
import type { Recipe } from '../recipe/recipe-schema'
import type { Table } from '../table/table'
import type { BackendRequest } from './backend-names'
import type { CheckpointStore } from './checkpoint'
import type { TrainControl } from './engine'
import {
  runTrainingJob,
  type TrainingEvent,
  type TrainingJob,
  type TrainingOutcome,
} from './training-job'
import type { WarmStart } from './warm-start'

/** What the page asks of a training worker: the raw table and the recipe, nothing prepared yet. */
export interface StudioRunRequest {
  readonly recipe: Recipe
  readonly table: Table
  readonly backend: BackendRequest
  /** Names the run's checkpoints in IndexedDB. Absent: none are saved. */
  readonly runId?: string
  /** Go on from the run's last checkpoint instead of starting afresh. */
  readonly resume?: boolean
  /** Start from an opened bundle's or an imported model's weights. */
  readonly warmStart?: WarmStart | null
}

/** A finished run with everything Evaluate and Deploy show. */
export interface StudioRunResult {
  readonly outcome: TrainingOutcome
  /** The recipe fitted on this run's training rows: what the bundle carries. */
  readonly recipe: Recipe
  readonly testRows: Int32Array
  /** The test rows' targets as `encodeTarget` gives them (0/1, one-hot rows, standardised). */
  readonly testLabels: Float32Array
  readonly metrics: Metric[]
  /** The same metrics for a predictor that ignores the inputs (class frequencies or mean). */
  readonly baselineMetrics: Metric[]
  /** The same metrics for a logistic / linear regression on the same inputs; null: none fits. */
  readonly linearBaselineMetrics: Metric[] | null
}

export type StudioRunEvent =
  | Exclude<TrainingEvent, { type: 'done' }>
  | { readonly type: 'done'; readonly result: StudioRunResult }

/**
 * The whole run off the main thread: split, fit the recipe on the training rows, train, score the
 * test rows against a baseline. The page only sends the table and renders what comes back.
 */
export async function runStudioTraining(
  request: StudioRunRequest,
  control: TrainControl,
  emit: (event: StudioRunEvent) => void,
  checkpoints: CheckpointStore | null = null,
): Promise<void> {
  let prepared: ReturnType<typeof prepareTrainingJob>
  try {
    prepared = prepareTrainingJob(request.recipe, request.table, request.backend)
  } catch (error) {
    emit({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      diverged: false,
    })
    return
  }
  const job = {
    ...prepared.job,
    ...(request.runId !== undefined && { runId: request.runId }),
    ...(request.resume !== undefined && { resume: request.resume }),
    ...(request.warmStart && { warmStart: request.warmStart }),
  }
  await runPreparedJob(job, prepared.split.test, control, emit, checkpoints)
}

/**
 * Trains a prepared job and scores its test rows beside a baseline: the part of a run that tables
 * and images share once their data are matrices.
 */
export async function runPreparedJob(
  job: TrainingJob,
  testRows: Int32Array,
  control: TrainControl,
  emit: (event: StudioRunEvent) => void,
  checkpoints: CheckpointStore | null = null,
): Promise<void> {
  const scored = (event: TrainingEvent) => {
    if (event.type !== 'done') return emit(event)
    const { testOutputs } = event.outcome
    const baseline = priorBaselineOutputs(job.recipe, job.train.y.values, job.test.y.rows)
    const linear = linearBaselineOutputs(job.recipe, job.train, job.test)
    emit({
      type: 'done',
      result: {
        outcome: event.outcome,
        recipe: job.recipe,
        testRows,
        testLabels: job.test.y.values,
        metrics: evaluatePredictions(job.recipe, job.test.y.values, testOutputs),
        baselineMetrics: evaluatePredictions(job.recipe, job.test.y.values, baseline),
        linearBaselineMetrics: linear && evaluatePredictions(job.recipe, job.test.y.values, linear),
      },
    })
  }
  await runTrainingJob(job, control, scored, checkpoints)
}
