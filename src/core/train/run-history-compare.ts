import type { Recipe } from '../recipe/recipe-schema'
import { BACKEND_LABELS } from './backend-names'
import type { EpochLog } from './engine'
import {
  bestValidationLoss,
  modelLabel,
  optimizerLabel,
  scheduleLabel,
  type RunSummary,
} from './run-history'
import { DEFAULT_VALIDATION_SHARE, type TrainConfig } from './train-config'

export type CompareValue = string | number | null

/** One line of the side-by-side table: a setting or a result, one value per run. */
export interface CompareRow {
  readonly key: string
  readonly label: string
  readonly group: 'settings' | 'results'
  readonly values: CompareValue[]
  /** Settings only: the runs were not set up alike here. */
  readonly differs: boolean
}

const STOP_LABELS = {
  completed: 'Ran every epoch',
  stopped: 'Stopped by hand',
  'early-stopping': 'Early stopping',
} as const

function validationLabel(training: TrainConfig): string {
  switch (training.validation ?? 'split') {
    case 'split':
      return 'Validation split'
    case 'from-training':
      return `${Math.round((training.validationShare ?? DEFAULT_VALIDATION_SHARE) * 100)}% of training rows`
    case 'none':
      return 'None'
  }
}

function earlyStoppingLabel(training: TrainConfig): string {
  const early = training.earlyStopping
  if (!early) return 'Off'
  return `Patience ${early.patience}${early.restoreBestWeights ? ', best weights' : ''}`
}

function balanceLabel(recipe: Recipe): string {
  const { method, weights } = recipe.balance
  if (method === 'none') return 'None'
  if (method === 'oversample') return 'Oversample'
  return weights ? `Class weights ${weights.join(' / ')}` : 'Class weights (balanced)'
}

function layersLabel(recipe: Recipe): string {
  return recipe.model.layers.map((l) => l.type).join(' → ') || 'No hidden layer'
}

/**
 * The settings compared, each with the part of the recipe that decides it: two runs differ on a
 * line when that part differs, even where the shown text is the same (two edited stacks).
 */
const SETTINGS: {
  key: string
  label: string
  shown: (r: Recipe, fitted: Recipe) => CompareValue
  compared?: (r: Recipe) => unknown
}[] = [
  { key: 'data', label: 'Data', shown: (r) => r.source.name },
  { key: 'target', label: 'Target', shown: (r) => r.target.column },
  {
    key: 'steps',
    label: 'Preparation',
    shown: (r) => `${r.steps.filter((s) => s.enabled).length} steps, ${r.split.method} split`,
    compared: (r) => [r.steps, r.split],
  },
  { key: 'balance', label: 'Class balance', shown: balanceLabel, compared: (r) => r.balance },
  { key: 'model', label: 'Model', shown: (r, fitted) => modelLabel(r.model, fitted) },
  { key: 'layers', label: 'Layers', shown: layersLabel, compared: (r) => r.model.layers },
  {
    key: 'optimizer',
    label: 'Optimiser',
    shown: (r) => optimizerLabel(r.training),
  },
  { key: 'learningRate', label: 'Learning rate', shown: (r) => r.training.learningRate },
  {
    key: 'schedule',
    label: 'Schedule',
    shown: (r) => scheduleLabel(r.training.schedule),
    compared: (r) => r.training.schedule ?? { kind: 'constant' },
  },
  { key: 'batchSize', label: 'Batch size', shown: (r) => r.training.batchSize },
  { key: 'epochs', label: 'Epochs planned', shown: (r) => r.training.epochs },
  { key: 'validation', label: 'Validation', shown: (r) => validationLabel(r.training) },
  { key: 'earlyStopping', label: 'Early stopping', shown: (r) => earlyStoppingLabel(r.training) },
  { key: 'seed', label: 'Seed', shown: (r) => r.training.seed ?? r.seed },
]

function allSame(values: readonly unknown[]): boolean {
  const first = JSON.stringify(values[0])
  return values.every((v) => JSON.stringify(v) === first)
}

function resultRows(runs: readonly RunSummary[]): CompareRow[] {
  const row = (key: string, label: string, value: (run: RunSummary) => CompareValue) => ({
    key,
    label,
    group: 'results' as const,
    values: runs.map(value),
    differs: false,
  })
  const metricKeys: { key: string; label: string }[] = []
  for (const run of runs) {
    for (const m of run.metrics) {
      if (!metricKeys.some((k) => k.key === m.key)) metricKeys.push({ key: m.key, label: m.label })
    }
  }
  return [
    row('epochsRun', 'Epochs run', (r) => r.epochs.length),
    row('stopReason', 'Ended by', (r) => STOP_LABELS[r.stopReason]),
    row('bestValLoss', 'Best validation loss', (r) => bestValidationLoss(r.epochs)?.value ?? null),
    row('bestEpoch', 'Best epoch', (r) => bestValidationLoss(r.epochs)?.epoch ?? null),
    row('finalLoss', 'Final training loss', (r) => r.epochs.at(-1)?.loss ?? null),
    ...metricKeys.map(({ key, label }) =>
      row(
        `test-${key}`,
        `Test ${label}`,
        (r) => r.metrics.find((m) => m.key === key)?.value ?? null,
      ),
    ),
    row('backend', 'Backend', (r) => BACKEND_LABELS[r.backend]),
    row('duration', 'Duration (s)', (r) => Math.round((r.finishedAt - r.startedAt) / 100) / 10),
  ]
}

/** The settings and results of the runs side by side, settings that differ marked. */
export function comparisonRows(runs: readonly RunSummary[]): CompareRow[] {
  const settings = SETTINGS.map(({ key, label, shown, compared }): CompareRow => {
    const values = runs.map((run) => shown(run.recipe, run.fittedRecipe))
    const decisive = compared ? runs.map((run) => compared(run.recipe)) : values
    return { key, label, group: 'settings', values, differs: !allSame(decisive) }
  })
  return [...settings, ...resultRows(runs)]
}

/** A per-epoch quantity the comparison chart can draw for every run. */
export interface CurveChoice {
  readonly key: string
  readonly label: string
}

const EPOCH_FIELDS: { key: string; label: string; read: (e: EpochLog) => number | null }[] = [
  { key: 'valLoss', label: 'Validation loss', read: (e) => e.valLoss },
  { key: 'loss', label: 'Training loss', read: (e) => e.loss },
  { key: 'valAccuracy', label: 'Validation accuracy', read: (e) => e.valAccuracy },
  { key: 'accuracy', label: 'Training accuracy', read: (e) => e.accuracy },
  { key: 'learningRate', label: 'Learning rate', read: (e) => e.learningRate ?? null },
]

const METRIC_NAMES: Record<string, string> = {
  accuracy: 'accuracy',
  auc: 'AUC',
  precision: 'precision',
  recall: 'recall',
  mae: 'MAE',
  rmse: 'RMSE',
}

const isVal = (key: string) => key.startsWith('val_')
const base = (key: string) => (isVal(key) ? key.slice(4) : key)

function metricLabel(key: string): string {
  return `${isVal(key) ? 'Validation' : 'Training'} ${METRIC_NAMES[base(key)] ?? base(key)}`
}

function readEpoch(e: EpochLog, key: string): number | null {
  const field = EPOCH_FIELDS.find((f) => f.key === key)
  const value = field ? field.read(e) : (e.metrics?.[key] ?? null)
  return value !== null && Number.isFinite(value) ? value : null
}

/** Curves the runs have values for, validation loss first; epoch metrics already in `accuracy` are not repeated. */
export function curveChoices(runs: readonly RunSummary[]): CurveChoice[] {
  const epochs = runs.flatMap((r) => r.epochs)
  const has = (key: string) => epochs.some((e) => readEpoch(e, key) !== null)
  const fields = EPOCH_FIELDS.filter((f) => has(f.key)).map(({ key, label }) => ({ key, label }))
  const metricKeys = new Set(epochs.flatMap((e) => Object.keys(e.metrics ?? {})))
  const extra = [...metricKeys]
    .filter((k) => !['accuracy', 'val_accuracy'].includes(k) && has(k))
    .sort((a, b) => base(a).localeCompare(base(b)) || Number(isVal(b)) - Number(isVal(a)))
    .map((key) => ({ key, label: metricLabel(key) }))
  return [...fields, ...extra]
}

/** Chart points: one per epoch, with each run's value under the run's id (absent past its end). */
export function curvePoints(
  runs: readonly RunSummary[],
  key: string,
): Record<string, number | null>[] {
  const longest = Math.max(0, ...runs.map((r) => r.epochs.at(-1)?.epoch ?? 0))
  return Array.from({ length: longest }, (_, i) => {
    const point: Record<string, number | null> = { epoch: i + 1 }
    for (const run of runs) {
      const e = run.epochs.find((log) => log.epoch === i + 1)
      if (e) point[run.id] = readEpoch(e, key)
    }
    return point
  })
}
