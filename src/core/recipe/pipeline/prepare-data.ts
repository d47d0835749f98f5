import { findColumn, type Table } from '../../table/table'
import { classWeightsFor, oversampleRows } from '../balance'
import { windowGrid } from '../model-input'
import type { Feature, Recipe } from '../recipe-schema'
import { splitRows } from '../split'
import type { Step } from '../step-schema'
import { ascendingRows, liveRows, PART_NAMES, withoutRows, type Parts } from './parts'
import { stepPreview, type StepPreview } from './preview'
import { purgeTrainingGap } from './purge-gap'
import { tableStepImpl } from './registry'
import type { StepContext, StepOutput } from './step-impl'
import { meanStd } from './stats'

/** What one step did while preparing the training data. */
export interface StepReport {
  readonly stepId: string
  readonly enabled: boolean
  readonly description: string
  /** Live rows per part after the step. */
  readonly rows: { readonly train: number; readonly validation: number; readonly test: number }
  /** Rows this step removed, all parts together. */
  readonly removedRows: number
  readonly addedColumns: readonly string[]
  readonly removedColumns: readonly string[]
  readonly changedColumns: readonly string[]
  readonly notes: readonly string[]
  readonly ms: number
}

export interface PrepareError {
  /** The step that failed, or null for the split, the balance or the final inputs. */
  readonly stepId: string | null
  readonly message: string
}

export interface PreparedData {
  /** The recipe with every step, the target and the feature list fitted (as given when error). */
  readonly recipe: Recipe
  /** The table after every step: model inputs are its `recipe.features` columns. */
  readonly table: Table
  /** Rows per part after every step; training rows repeated when oversampled. */
  readonly parts: Parts
  /** Class weights for the loss, training rows only; null unless the recipe asks for them. */
  readonly classWeights: readonly number[] | null
  readonly droppedMissingTarget: number
  readonly droppedMissingOrder: number
  readonly reports: readonly StepReport[]
  readonly previews: readonly StepPreview[]
  readonly notes: readonly string[]
  readonly error: PrepareError | null
}

export interface PrepareOptions {
  /** Training rows shown before and after each step (0: no previews). */
  readonly previewRows?: number
  readonly onProgress?: (done: number, total: number, label: string) => void
}

export function needsChronologicalSplit(recipe: Recipe): boolean {
  return recipe.steps.some((s) => s.enabled && s.op === 'windows')
}

/** Why a shuffled split is refused for time series; shown next to the split choice too. */
export const CHRONOLOGICAL_REASON =
  'Time-series windows need a chronological split: a shuffled split would train on days after the ones it tests on, so the test score would flatter the model. Choose Chronological.'

function union(lists: Iterable<readonly string[]>): string[] {
  const out = new Set<string>()
  for (const list of lists) for (const name of list) out.add(name)
  return [...out]
}

/** Raw columns behind every column of the table after a step. */
function traceSources(
  before: Table,
  after: Table,
  sources: ReadonlyMap<string, readonly string[]>,
  reads: readonly string[],
  output: StepOutput,
): Map<string, readonly string[]> {
  const next = new Map<string, readonly string[]>()
  const previous = new Map(before.columns.map((c) => [c.name, c]))
  const fromReads = union(reads.map((r) => sources.get(r) ?? [r]))
  for (const column of after.columns) {
    if (previous.get(column.name) === column) {
      next.set(column.name, sources.get(column.name) ?? [column.name])
      continue
    }
    const inputs = output.derivedFrom?.get(column.name)
    if (inputs) next.set(column.name, union(inputs.map((r) => sources.get(r) ?? [r])))
    // A column changed in place comes from itself; a new one from what the step read.
    else if (previous.has(column.name))
      next.set(column.name, sources.get(column.name) ?? [column.name])
    else next.set(column.name, fromReads.length ? fromReads : [column.name])
  }
  return next
}

function columnChanges(before: Table, after: Table) {
  const previous = new Map(before.columns.map((c) => [c.name, c]))
  const now = new Set(after.columns.map((c) => c.name))
  const added: string[] = []
  const changed: string[] = []
  for (const column of after.columns) {
    const old = previous.get(column.name)
    if (!old) added.push(column.name)
    else if (old !== column) changed.push(column.name)
  }
  const removed = before.columns.filter((c) => !now.has(c.name)).map((c) => c.name)
  return { added, changed, removed }
}

function counts(parts: Parts) {
  return { train: parts.train.length, validation: parts.validation.length, test: parts.test.length }
}

function removeRows(parts: Parts, output: StepOutput): { parts: Parts; removed: number } {
  const mask = output.remove
  if (!mask) return { parts, removed: 0 }
  const from = output.removeFrom ?? 'all'
  const next = {
    train: withoutRows(parts.train, mask),
    validation: from === 'all' ? withoutRows(parts.validation, mask) : parts.validation,
    test: from === 'all' ? withoutRows(parts.test, mask) : parts.test,
  }
  const removed = PART_NAMES.reduce((sum, p) => sum + parts[p].length - next[p].length, 0)
  return { parts: next, removed }
}

function fail(
  recipe: Recipe,
  table: Table,
  parts: Parts,
  rest: Pick<PreparedData, 'reports' | 'previews' | 'droppedMissingTarget' | 'droppedMissingOrder'>,
  error: PrepareError,
): PreparedData {
  return { recipe, table, parts, classWeights: null, notes: [], error, ...rest }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The model's inputs: every column left besides the target, each of which must be numbers. When
 * they are exactly the window of one windows step, they are listed time-major, oldest first
 * (`windowGrid`), so the flat matrix reshapes straight into [time steps, series] for a recurrent
 * or convolutional network, and the features, the matrix, predictions and explanations all share
 * that one order.
 */
function finalFeatures(
  table: Table,
  target: string,
  sources: ReadonlyMap<string, readonly string[]>,
  steps: readonly Step[],
): Feature[] {
  const features: Feature[] = []
  for (const column of table.columns) {
    if (column.name === target) continue
    if (column.kind !== 'numeric') {
      throw new Error(
        `"${column.name}" still holds categories or text: add an encoding step for it (one-hot, ordinal, frequency, or tokens for text) or drop it.`,
      )
    }
    features.push({ name: column.name, sources: [...(sources.get(column.name) ?? [column.name])] })
  }
  if (features.length === 0) {
    throw new Error(
      'No column is left to learn from: every column besides the target was dropped. Keep at least one informative column.',
    )
  }
  return timeMajor(features, target, steps)
}

/** `features` in the order of the one windows step whose inputs they are exactly, if any. */
function timeMajor(features: Feature[], target: string, steps: readonly Step[]): Feature[] {
  const byName = new Map(features.map((f) => [f.name, f]))
  for (const step of steps) {
    if (!step.enabled || step.op !== 'windows') continue
    const grid = windowGrid(step, target)
    if (grid.length !== features.length) continue
    const ordered = grid.map((name) => byName.get(name))
    if (ordered.every((f) => f !== undefined)) return ordered
  }
  return features
}

/** `rows` ascending, so each column is read front to back rather than at random. */
function missingInputsNote(
  table: Table,
  features: readonly Feature[],
  rows: Int32Array,
): string | null {
  let missing = 0
  for (const feature of features) {
    const column = findColumn(table, feature.name)
    if (column.kind !== 'numeric') continue
    const values = column.values
    for (let i = 0; i < rows.length; i++) if (Number.isNaN(values[rows[i] as number])) missing++
  }
  return missing === 0
    ? null
    : `${missing.toLocaleString('en-US')} missing value(s) remain in the training inputs and enter the model as 0. Add a missing-values step to choose how they are filled.`
}

/**
 * The one preparation path for training: split the rows, then fit each enabled step on the
 * training rows of the table the steps before it produced and apply it to every row, then fit
 * the target and list the model's inputs. Nothing from validation or test rows is learned.
 * Never throws for a bad recipe: the failing step and its message come back in `error`.
 */
export function prepareData(
  recipe: Recipe,
  table: Table,
  options: PrepareOptions = {},
): PreparedData {
  const reports: StepReport[] = []
  const previews: StepPreview[] = []
  const emptyParts: Parts = {
    train: new Int32Array(0),
    validation: new Int32Array(0),
    test: new Int32Array(0),
  }
  const base = { reports, previews, droppedMissingTarget: 0, droppedMissingOrder: 0 }
  if (recipe.source.kind !== 'table') {
    return fail(recipe, table, emptyParts, base, {
      stepId: null,
      message: 'This recipe is for an image dataset; load a table to prepare it.',
    })
  }
  if (needsChronologicalSplit(recipe) && recipe.split.method !== 'chronological')
    return fail(recipe, table, emptyParts, base, { stepId: null, message: CHRONOLOGICAL_REASON })

  let split
  try {
    split = splitRows(table, recipe)
  } catch (error) {
    return fail(recipe, table, emptyParts, base, { stepId: null, message: message(error) })
  }
  return fitOnParts(
    recipe,
    table,
    { train: split.train, validation: split.validation, test: split.test },
    options,
    {
      droppedMissingTarget: split.droppedMissingTarget,
      droppedMissingOrder: split.droppedMissingOrder,
    },
  )
}

/**
 * Fits the steps, the target and the inputs on given parts: each enabled step learns from the
 * training rows of the table the steps before it produced, then applies to every live row.
 */
export function fitOnParts(
  recipe: Recipe,
  table: Table,
  initial: Parts,
  options: PrepareOptions = {},
  dropped: Pick<PreparedData, 'droppedMissingTarget' | 'droppedMissingOrder'> = {
    droppedMissingTarget: 0,
    droppedMissingOrder: 0,
  },
): PreparedData {
  const { previewRows = 0, onProgress } = options
  const reports: StepReport[] = []
  const previews: StepPreview[] = []
  const base = { reports, previews, droppedMissingTarget: 0, droppedMissingOrder: 0 }
  let parts = initial
  // Steps learn from the training rows ascending: the same rows, so the same statistics, but
  // read front to back through each column instead of at random (several times faster at 1M
  // rows). The rows every step applies to are kept the same way and only rebuilt when a step
  // removes some.
  let trainAscending = ascendingRows([parts.train])
  let live = liveRows(parts)
  const sample = Array.from(trainAscending.subarray(0, previewRows))
  let current = table
  let sources = new Map<string, readonly string[]>(table.columns.map((c) => [c.name, [c.name]]))
  const ctx: StepContext = { target: recipe.target.column, seed: recipe.seed, mode: 'train' }
  const steps: Step[] = []
  const total = recipe.steps.length

  for (const [index, step] of recipe.steps.entries()) {
    onProgress?.(index, total, step.op)
    if (!step.enabled) {
      steps.push(step)
      continue
    }
    const started = performance.now()
    let fitted: Step
    let output: StepOutput
    let impl
    try {
      impl = tableStepImpl(step)
      fitted = impl.fit(step, current, trainAscending, ctx)
      output = impl.apply(fitted, current, live, ctx)
    } catch (error) {
      return fail(
        { ...recipe, steps: [...steps, ...recipe.steps.slice(index)] },
        current,
        parts,
        { ...base, ...dropped },
        {
          stepId: step.id,
          message: message(error),
        },
      )
    }
    const reads = impl.reads(fitted)
    const removal = removeRows(parts, output)
    let { parts: kept, removed } = removal
    if (fitted.op === 'windows') {
      const gapped = purgeTrainingGap(output.table, fitted, kept)
      removed += kept.train.length - gapped.train.length
      if (gapped !== kept) {
        kept = gapped
        trainAscending = ascendingRows([kept.train])
        live = liveRows(kept)
      }
    }
    const changes = columnChanges(current, output.table)
    if (previewRows > 0) {
      const touched = [...changes.added, ...changes.changed]
      previews.push(
        stepPreview(
          step.id,
          current,
          output.table,
          reads.length ? union([reads, changes.removed]) : current.columns.map((c) => c.name),
          union([reads.filter((r) => !changes.removed.includes(r)), touched]),
          sample,
          output.remove,
        ),
      )
    }
    sources = traceSources(current, output.table, sources, reads, output)
    current = output.table
    if (output.remove && removed > 0) {
      trainAscending = withoutRows(trainAscending, output.remove)
      live =
        (output.removeFrom ?? 'all') === 'all' ? withoutRows(live, output.remove) : liveRows(kept)
    }
    parts = kept
    steps.push(fitted)
    reports.push({
      stepId: step.id,
      enabled: true,
      description: impl.describe(fitted),
      rows: counts(parts),
      removedRows: removed,
      addedColumns: changes.added,
      removedColumns: changes.removed,
      changedColumns: changes.changed,
      notes: output.notes ?? [],
      ms: performance.now() - started,
    })
  }
  onProgress?.(total, total, 'inputs')

  const fittedSteps = { ...recipe, steps }
  try {
    // A window's horizon can leave the last rows without a target: they cannot be learned from.
    const target = findColumn(current, recipe.target.column)
    if (target.kind === 'numeric') {
      const hasTarget = (row: number) => !Number.isNaN(target.values[row])
      parts = {
        train: parts.train.filter(hasTarget),
        validation: parts.validation.filter(hasTarget),
        test: parts.test.filter(hasTarget),
      }
      trainAscending = trainAscending.filter(hasTarget)
    }
    const features = finalFeatures(current, recipe.target.column, sources, steps)
    let fittedTarget = recipe.target
    if (recipe.target.task === 'regression') {
      if (target.kind !== 'numeric')
        throw new Error(`The regression target "${target.name}" must hold numbers.`)
      const { mean, std } = meanStd(target.values, trainAscending)
      fittedTarget = {
        ...recipe.target,
        scale: { mean: Number.isNaN(mean) ? 0 : mean, std: std > 1e-12 ? std : 1 },
      }
    }
    const notes: string[] = []
    const missingNote = missingInputsNote(current, features, trainAscending)
    if (missingNote) notes.push(missingNote)
    let classWeights: number[] | null = null
    if (recipe.target.task !== 'regression') {
      if (recipe.balance.method === 'class-weights')
        classWeights = classWeightsFor(current, recipe.target, parts.train, recipe.balance.weights)
      if (recipe.balance.method === 'oversample') {
        const before = parts.train.length
        parts = {
          ...parts,
          train: oversampleRows(current, recipe.target, parts.train, recipe.seed),
        }
        notes.push(
          `Oversampling added ${(parts.train.length - before).toLocaleString('en-US')} copies of training rows so every class is as large as the largest; validation and test are untouched.`,
        )
      }
    }
    return {
      recipe: { ...fittedSteps, target: fittedTarget, features },
      table: current,
      parts,
      classWeights,
      ...base,
      ...dropped,
      notes,
      error: null,
    }
  } catch (error) {
    return fail(
      fittedSteps,
      current,
      parts,
      { ...base, ...dropped },
      { stepId: null, message: message(error) },
    )
  }
}

/**
 * The recipe fitted on the given training rows (every row live, nothing held out): for tests and
 * for callers that split themselves. Throws the first error.
 */
export function fitRecipe(recipe: Recipe, table: Table, trainRows: Int32Array): Recipe {
  const empty = new Int32Array(0)
  const prepared = fitOnParts(recipe, table, { train: trainRows, validation: empty, test: empty })
  if (prepared.error) throw new Error(prepared.error.message)
  return prepared.recipe
}
