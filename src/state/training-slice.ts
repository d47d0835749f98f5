import { priorBaselineOutputs } from '../core/evaluate/baseline'
import { evaluatePredictions } from '../core/evaluate/evaluate-split'
import type { Metric } from '../core/evaluate/metrics'
import type { SavedModelFiles } from '../core/export/model-files'
import { prepareTrainingJob } from '../core/recipe/prepare-job'
import type { Recipe } from '../core/recipe/recipe-schema'
import type { BackendName, BackendRequest } from '../core/train/backend-names'
import type { BackendChoice } from '../core/train/backends'
import type { EpochLog } from '../core/train/engine'
import type { TrainingMessage } from '../core/train/protocol'
import { startTrainingRun, type TrainingRun } from '../workers/train-client'
import type { Slice } from './slice'

export type TrainingStatus =
  'idle' | 'starting' | 'training' | 'paused' | 'stopping' | 'done' | 'error'

/** A finished run: what Evaluate and Deploy show and export. */
export interface TrainedModel {
  readonly recipe: Recipe
  readonly backend: BackendName
  readonly epochs: EpochLog[]
  readonly stoppedEarly: boolean
  readonly testRows: Int32Array
  readonly testOutputs: Float64Array
  readonly metrics: Metric[]
  /** The same metrics for a predictor that ignores the inputs (class frequencies or mean). */
  readonly baselineMetrics: Metric[]
  readonly model: SavedModelFiles
  readonly leakedTensors: number
}

export interface TrainingSlice {
  backendRequest: BackendRequest
  trainingStatus: TrainingStatus
  backendChoice: BackendChoice | null
  epochs: EpochLog[]
  tensorsInUse: number | null
  trainingError: string | null
  trained: TrainedModel | null
  setBackendRequest: (request: BackendRequest) => void
  startTraining: () => void
  pauseTraining: () => void
  resumeTraining: () => void
  stopTraining: () => void
  resetTraining: () => void
}

// The worker handle is not state a component renders, so it lives beside the store.
let run: TrainingRun | null = null

function endRun(): void {
  run?.terminate()
  run = null
}

export const createTrainingSlice: Slice<TrainingSlice> = (set, get) => ({
  backendRequest: 'auto',
  trainingStatus: 'idle',
  backendChoice: null,
  epochs: [],
  tensorsInUse: null,
  trainingError: null,
  trained: null,
  setBackendRequest: (backendRequest) => set({ backendRequest }),
  startTraining: () => {
    const { dataset, recipe, backendRequest } = get()
    if (!dataset || !recipe) return
    endRun()
    let prepared: ReturnType<typeof prepareTrainingJob>
    try {
      prepared = prepareTrainingJob(recipe, dataset.table, backendRequest)
    } catch (error) {
      set({
        trainingStatus: 'error',
        trainingError: error instanceof Error ? error.message : String(error),
      })
      return
    }
    const { job, split } = prepared
    set({
      trainingStatus: 'starting',
      backendChoice: null,
      epochs: [],
      trainingError: null,
      trained: null,
      tensorsInUse: null,
    })
    const onMessage = (message: TrainingMessage) => {
      switch (message.type) {
        case 'backend':
          set({
            backendChoice: message.choice,
            trainingStatus: get().trainingStatus === 'starting' ? 'training' : get().trainingStatus,
          })
          break
        case 'epoch':
          set({ epochs: [...get().epochs, message.log], tensorsInUse: message.tensors })
          break
        case 'done': {
          const { outcome } = message
          endRun()
          set({
            trainingStatus: 'done',
            trained: {
              recipe: job.recipe,
              backend: outcome.backend,
              epochs: outcome.epochs,
              stoppedEarly: outcome.stoppedEarly,
              testRows: split.test,
              testOutputs: outcome.testOutputs,
              metrics: evaluatePredictions(job.recipe, job.test.y.values, outcome.testOutputs),
              baselineMetrics: evaluatePredictions(
                job.recipe,
                job.test.y.values,
                priorBaselineOutputs(job.recipe, job.train.y.values, job.test.y.rows),
              ),
              model: outcome.model,
              leakedTensors: outcome.tensorsAfter - outcome.tensorsBefore,
            },
          })
          break
        }
        case 'error':
          endRun()
          set({ trainingStatus: 'error', trainingError: message.message })
          break
      }
    }
    run = startTrainingRun(job, onMessage)
  },
  pauseTraining: () => {
    if (get().trainingStatus !== 'training') return
    run?.pause()
    set({ trainingStatus: 'paused' })
  },
  resumeTraining: () => {
    if (get().trainingStatus !== 'paused') return
    run?.resume()
    set({ trainingStatus: 'training' })
  },
  stopTraining: () => {
    const status = get().trainingStatus
    if (status !== 'training' && status !== 'paused' && status !== 'starting') return
    run?.stop()
    set({ trainingStatus: 'stopping' })
  },
  resetTraining: () => {
    endRun()
    set({
      trainingStatus: 'idle',
      backendChoice: null,
      epochs: [],
      tensorsInUse: null,
      trainingError: null,
      trained: null,
    })
  },
})
