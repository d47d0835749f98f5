import type { Metric } from '../evaluate/metrics'
import type { SavedModelFiles } from '../export/model-files'
import type { ModelSpec } from '../model/model-spec'
import { modelTemplate, templateSpec } from '../model/templates'
import { modelInputOf } from '../recipe/model-input'
import type { Recipe } from '../recipe/recipe-schema'
import type { BackendName } from './backend-names'
import type { EpochLog, StopReason } from './engine'
import type { RunRecord } from './run-record'
import type { StudioRunResult } from './studio-run'
import type { LearningRateSchedule } from './train-config'

/** A run as it ends on the page (the training slice's `trained`): what a record is made from. */
export interface FinishedRun {
  /** Fitted on the run's training rows. */
  readonly recipe: Recipe
  readonly backend: BackendName
  readonly epochs: EpochLog[]
  readonly stoppedEarly: boolean
  readonly stopReason: StopReason
  readonly restoredEpoch: number | null
  readonly testRows: Int32Array
  /** The test rows' targets as `encodeTarget` gives them. */
  readonly testLabels: Float32Array
  readonly testOutputs: Float64Array
  readonly metrics: Metric[]
  readonly baselineMetrics: Metric[]
  readonly linearBaselineMetrics: Metric[] | null
  readonly model: SavedModelFiles
}

/** A worker's finished result as the page keeps it. */
export function finishedRunOf({ outcome, ...evaluation }: StudioRunResult): FinishedRun {
  return {
    ...evaluation,
    backend: outcome.backend,
    epochs: outcome.epochs,
    stoppedEarly: outcome.stoppedEarly,
    stopReason: outcome.stopReason,
    restoredEpoch: outcome.restoredEpoch,
    testOutputs: outcome.testOutputs,
    model: outcome.model,
  }
}

/** What the run history lists and compares: a record without its model and test outputs. */
export type RunSummary = Omit<RunRecord, 'model' | 'testRows' | 'testLabels' | 'testOutputs'>

/** What a run started from: the editing recipe when Start was pressed, and when. */
export interface RunStart {
  readonly recipe: Recipe
  readonly startedAt: number
}

/** The next run's number: one past the highest kept, so numbers follow the order runs started. */
export function nextRunNumber(runs: readonly { readonly number: number }[]): number {
  return runs.reduce((highest, run) => Math.max(highest, run.number), 0) + 1
}

export function buildRunRecord(
  run: FinishedRun,
  start: RunStart,
  identity: { readonly id: string; readonly number: number; readonly finishedAt: number },
): RunRecord {
  return {
    ...identity,
    startedAt: start.startedAt,
    datasetName: start.recipe.source.name,
    recipe: start.recipe,
    fittedRecipe: run.recipe,
    backend: run.backend,
    epochs: run.epochs,
    stopReason: run.stopReason,
    restoredEpoch: run.restoredEpoch,
    metrics: run.metrics,
    baselineMetrics: run.baselineMetrics,
    linearBaselineMetrics: run.linearBaselineMetrics,
    testRows: run.testRows,
    testLabels: run.testLabels,
    testOutputs: run.testOutputs,
    model: run.model,
  }
}

export function runSummaryOf(record: RunRecord | RunSummary): RunSummary {
  // Picked field by field: a summary must not keep the weights alive by accident.
  return {
    id: record.id,
    number: record.number,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    datasetName: record.datasetName,
    recipe: record.recipe,
    fittedRecipe: record.fittedRecipe,
    backend: record.backend,
    epochs: record.epochs,
    stopReason: record.stopReason,
    restoredEpoch: record.restoredEpoch,
    metrics: record.metrics,
    baselineMetrics: record.baselineMetrics,
    linearBaselineMetrics: record.linearBaselineMetrics ?? null,
  }
}

/** Newest first, as the history lists them. */
export function newestFirst<T extends { readonly number: number }>(runs: readonly T[]): T[] {
  return [...runs].sort((a, b) => b.number - a.number)
}

/**
 * "Tabular MLP", "Tabular MLP, edited" or "Custom". Whether a stack is still its template's is
 * read from the layers (against the template for the run's fitted input), not tracked.
 */
export function modelLabel(spec: ModelSpec, fitted: Recipe): string {
  if (spec.template === null) return 'Custom'
  const name = modelTemplate(spec.template).name
  const { layers } = templateSpec(spec.template, modelInputOf(fitted), spec)
  return JSON.stringify(layers) === JSON.stringify(spec.layers) ? name : `${name}, edited`
}

export function scheduleLabel(schedule: LearningRateSchedule | undefined): string {
  switch (schedule?.kind) {
    case undefined:
    case 'constant':
      return 'Constant'
    case 'step':
      return `Step ×${schedule.factor} every ${schedule.every}`
    case 'exponential':
      return `Exponential ×${schedule.decay}`
    case 'plateau':
      return `On plateau ×${schedule.factor} after ${schedule.patience}`
  }
}

export const OPTIMIZER_NAMES = {
  adam: 'Adam',
  sgd: 'SGD',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
  adadelta: 'Adadelta',
  adamax: 'Adamax',
} as const

export function optimizerLabel(training: Recipe['training']): string {
  if (training.optimizer !== 'sgd') return OPTIMIZER_NAMES[training.optimizer]
  const momentum = training.momentum ?? 0.9
  if (momentum === 0) return 'SGD'
  return `SGD, momentum ${momentum}${training.nesterov ? ', Nesterov' : ''}`
}

/** The lowest validation loss and its epoch; null when the run had no validation rows. */
export function bestValidationLoss(
  epochs: readonly EpochLog[],
): { readonly value: number; readonly epoch: number } | null {
  let best: { value: number; epoch: number } | null = null
  for (const e of epochs) {
    if (e.valLoss !== null && Number.isFinite(e.valLoss) && (!best || e.valLoss < best.value)) {
      best = { value: e.valLoss, epoch: e.epoch }
    }
  }
  return best
}

/** The test metrics the history shows per task: AUC and accuracy for classes, RMSE for numbers. */
export function headlineMetrics(run: RunSummary): Metric[] {
  const keys = run.recipe.target.task === 'regression' ? ['rmse'] : ['auc', 'accuracy']
  return keys.flatMap((key) => run.metrics.filter((m) => m.key === key))
}

/** One line of the history table, as plain values the page formats. */
export interface HistoryRow {
  readonly id: string
  readonly number: number
  readonly startedAt: number
  readonly datasetName: string
  readonly model: string
  readonly layers: number
  readonly optimizer: string
  readonly learningRate: number
  readonly schedule: string
  readonly batchSize: number
  readonly epochsRun: number
  readonly epochsPlanned: number
  readonly stopReason: StopReason
  readonly backend: BackendName
  readonly bestValLoss: number | null
  readonly testMetrics: Metric[]
  readonly durationMs: number
}

export function historyRow(run: RunSummary): HistoryRow {
  const { training, model } = run.recipe
  return {
    id: run.id,
    number: run.number,
    startedAt: run.startedAt,
    datasetName: run.datasetName,
    model: modelLabel(model, run.fittedRecipe),
    layers: model.layers.length,
    optimizer: optimizerLabel(training),
    learningRate: training.learningRate,
    schedule: scheduleLabel(training.schedule),
    batchSize: training.batchSize,
    epochsRun: run.epochs.length,
    epochsPlanned: training.epochs,
    stopReason: run.stopReason,
    backend: run.backend,
    bestValLoss: bestValidationLoss(run.epochs)?.value ?? null,
    testMetrics: headlineMetrics(run),
    durationMs: run.finishedAt - run.startedAt,
  }
}

/** "4.2 s", "1 min 05 s", "1 h 02 min": a run's length as the history shows it. */
export function durationLabel(ms: number): string {
  const seconds = ms / 1000
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`
  const whole = Math.round(seconds)
  const minutes = Math.floor(whole / 60)
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}
