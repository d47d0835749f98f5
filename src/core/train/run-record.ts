import type { Metric } from '../evaluate/metrics'
import type { SavedModelFiles } from '../export/model-files'
import type { Recipe } from '../recipe/recipe-schema'
import type { Table } from '../table/table'
import type { BackendName, BackendRequest } from './backend-names'
import type { EpochLog, StopReason } from './engine'

/** A finished run as run history keeps it: enough to compare it and to restore it. */
export interface RunRecord {
  readonly id: string
  /** The project it belongs to; absent only in records from before projects (moved on upgrade). */
  readonly projectId?: string
  /** 1, 2, 3… in the order runs started: "Run 3". */
  readonly number: number
  readonly startedAt: number
  readonly finishedAt: number
  readonly datasetName: string
  /** The recipe as the analyst set it (unfitted): what Restore puts back in the editor. */
  readonly recipe: Recipe
  /** The recipe fitted on the run's training rows: what the model needs to predict. */
  readonly fittedRecipe: Recipe
  readonly backend: BackendName
  readonly epochs: EpochLog[]
  readonly stopReason: StopReason
  readonly restoredEpoch: number | null
  readonly metrics: Metric[]
  readonly baselineMetrics: Metric[]
  /** Absent in runs saved before the linear baseline existed. */
  readonly linearBaselineMetrics?: Metric[] | null
  readonly testRows: Int32Array
  /** Absent in runs saved before Evaluate needed them: read again from the data on restore. */
  readonly testLabels?: Float32Array
  readonly testOutputs: Float64Array
  readonly model: SavedModelFiles
}

/**
 * A table run in progress, saved when it starts so that a reload can offer to resume it from its
 * last checkpoint with the same data and recipe.
 */
export interface ActiveRun {
  readonly runId: string
  /** The project it was started in: a reload offers to resume it there. */
  readonly projectId?: string
  readonly startedAt: number
  readonly datasetName: string
  readonly recipe: Recipe
  readonly table: Table
  readonly backend: BackendRequest
}
