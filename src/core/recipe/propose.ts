import { defaultMlpSpec } from '../model/model-spec'
import type { ColumnTypeInfo } from '../table/column-type'
import { inferColumnTypes } from '../table/infer-types'
import { defaultTrainConfig } from '../train/train-config'
import {
  cellLabel,
  distinctCount,
  findColumn,
  missingCount,
  type Column,
  type Table,
} from '../table/table'
import { RECIPE_VERSION, type Recipe, type TableSource, type TargetSpec } from './recipe-schema'
import type { Step } from './step-schema'
import { detectTask } from './task'

/** Labels that name the event of interest; otherwise the rarer class is the positive one. */
const POSITIVE_LABELS = new Set(['yes', 'y', 'true', '1', 'positive', 'default', 'fraud', 'bad'])

/** Omit over each member of a union, so a step without its id is still a step of one op. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

function classLabels(column: Column): string[] {
  if (column.kind === 'categorical') return [...column.categories].sort()
  const seen = new Set<number>()
  for (const v of column.values) if (!Number.isNaN(v)) seen.add(v)
  return [...seen].sort((a, b) => a - b).map(String)
}

function classCounts(column: Column, labels: readonly string[]): number[] {
  const counts = labels.map(() => 0)
  const index = new Map(labels.map((label, i) => [label, i]))
  const n = column.kind === 'numeric' ? column.values.length : column.codes.length
  for (let row = 0; row < n; row++) {
    const label = cellLabel(column, row)
    const at = label === null ? undefined : index.get(label)
    if (at !== undefined) counts[at] = (counts[at] ?? 0) + 1
  }
  return counts
}

function proposeTarget(column: Column): TargetSpec {
  const { task, reason } = detectTask(column)
  if (task === null) throw new Error(reason)
  if (task === 'regression') return { column: column.name, task }
  const labels = classLabels(column)
  if (task === 'binary') {
    const named = labels.find((l) => POSITIVE_LABELS.has(l.toLowerCase()))
    const counts = classCounts(column, labels)
    const rarer = (counts[0] ?? 0) <= (counts[1] ?? 0) ? labels[0] : labels[1]
    const positive = named ?? rarer ?? labels[1] ?? ''
    return {
      column: column.name,
      task,
      classes: [labels.find((l) => l !== positive) ?? '', positive],
    }
  }
  return { column: column.name, task, classes: labels }
}

export interface LeftOutColumn {
  readonly column: string
  readonly why: string
}

/** Categories beyond this many, covering most rows, read as identifiers or free text. */
const MAX_ONE_HOT_CATEGORIES = 50

function presentAndDistinct(column: Column): { present: number; distinct: number } {
  const n = column.kind === 'numeric' ? column.values.length : column.codes.length
  return { present: n - missingCount(column), distinct: distinctCount(column) }
}

/** Why a column of this type stays out of the default recipe; null when the type is usable. */
function leftOutBecause(name: string, info: ColumnTypeInfo): string | null {
  switch (info.type) {
    case 'constant':
      return `"${name}" is constant, so it cannot tell rows apart. ${info.reason}`
    case 'identifier':
      return `"${name}" is an identifier: the network would memorise rows instead of learning. ${info.reason}`
    case 'text':
      return `"${name}" is free text, which the recipe cannot encode yet. ${info.reason}`
    case 'datetime':
      return `"${name}" holds dates, which the recipe cannot use yet. ${info.reason}`
    default:
      return null
  }
}

/**
 * Columns the default recipe leaves out, each with the reason: constants carry no signal,
 * identifiers would only let the network memorise rows, and free text and dates need encodings
 * the recipe does not have yet. A categorical column with a category for most rows is left out
 * too (one-hot would give an input per row), unless the analyst chose its type.
 */
export function leftOutColumns(
  table: Table,
  target: string,
  types: readonly ColumnTypeInfo[] = inferColumnTypes(table),
): LeftOutColumn[] {
  const out: LeftOutColumn[] = []
  table.columns.forEach((column, i) => {
    if (column.name === target) return
    const info = types[i]
    const byType = info ? leftOutBecause(column.name, info) : null
    if (byType) {
      out.push({ column: column.name, why: byType })
      return
    }
    const { present, distinct } = presentAndDistinct(column)
    if (distinct <= 1) {
      out.push({
        column: column.name,
        why: `"${column.name}" has ${distinct === 0 ? 'no values' : 'a single value'}, so it cannot tell rows apart.`,
      })
    } else if (
      column.kind === 'categorical' &&
      !info?.overridden &&
      distinct > MAX_ONE_HOT_CATEGORIES &&
      distinct > present / 2
    ) {
      out.push({
        column: column.name,
        why: `"${column.name}" has ${distinct.toLocaleString('en-US')} different values in ${present.toLocaleString('en-US')} rows: one-hot encoding would give the network an input per row to memorise.`,
      })
    }
  })
  return out
}

/** Categories beyond this many share an "other" input in the proposed one-hot encoding. */
const MAX_PROPOSED_ONE_HOT = 20

function plural(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ')
}

/**
 * The proposed preparation: drop what cannot help, fill missing values, encode categories and
 * scale numbers. Each step says why, so the analyst can judge and edit it.
 */
export function proposeSteps(
  table: Table,
  target: string,
  types: readonly ColumnTypeInfo[] = inferColumnTypes(table),
): Step[] {
  const steps: Step[] = []
  const add = (step: DistributiveOmit<Step, 'id' | 'enabled'>) =>
    steps.push({ ...step, id: `s${steps.length + 1}`, enabled: true })
  const leftOut = leftOutColumns(table, target, types)
  if (leftOut.length > 0) {
    add({
      op: 'drop-columns',
      columns: leftOut.map((c) => c.column),
      why: leftOut.map((c) => c.why).join(' '),
    })
  }
  const dropped = new Set(leftOut.map((c) => c.column))
  const used = table.columns.filter((c) => c.name !== target && !dropped.has(c.name))
  const numeric = used.filter((c) => c.kind === 'numeric')
  const categorical = used.filter((c) => c.kind === 'categorical')
  const numericMissing = numeric.filter((c) => missingCount(c) > 0).map((c) => c.name)
  if (numericMissing.length > 0) {
    add({
      op: 'impute',
      columns: numericMissing,
      strategy: 'median',
      indicator: true,
      why: `${plural(numericMissing)} ha${numericMissing.length > 1 ? 've' : 's'} missing values: filled with the training median (robust to outliers), with a "was missing" input so the model can learn whether missingness itself matters.`,
    })
  }
  const categoricalMissing = categorical.filter((c) => missingCount(c) > 0).map((c) => c.name)
  if (categoricalMissing.length > 0) {
    add({
      op: 'impute',
      columns: categoricalMissing,
      strategy: 'mode',
      indicator: false,
      why: `${plural(categoricalMissing)} ha${categoricalMissing.length > 1 ? 've' : 's'} missing categories: filled with the most frequent training category.`,
    })
  }
  for (const column of categorical) {
    const many = distinctCount(column) > MAX_PROPOSED_ONE_HOT
    add({
      op: 'one-hot',
      column: column.name,
      maxCategories: many ? MAX_PROPOSED_ONE_HOT : null,
      unseen: many ? 'other' : 'zeros',
      why: many
        ? `"${column.name}" is categorical with ${distinctCount(column)} values: the ${MAX_PROPOSED_ONE_HOT - 1} most frequent in training get an input each and the rest share "other", as does a category never seen in training.`
        : `"${column.name}" is categorical: one 0/1 input per category seen in training; a category never seen before turns every input off.`,
    })
  }
  if (numeric.length > 0) {
    add({
      op: 'scale',
      columns: numeric.map((c) => c.name),
      method: 'standard',
      why: `${plural(numeric.map((c) => c.name))} ${numeric.length > 1 ? 'are' : 'is'} numeric: scaled to mean 0 and standard deviation 1 on the training rows, so every input moves the network on a similar scale.`,
    })
  }
  return steps
}

/** The source schema a recipe records: what typed-in rows and scored files must look like. */
function sourceSpec(table: Table, name: string, types?: readonly ColumnTypeInfo[]): TableSource {
  return {
    kind: 'table',
    name,
    columns: table.columns.map((c, i) => {
      const type = types?.[i]?.type
      return { name: c.name, kind: c.kind, ...(type && { type }) }
    }),
  }
}

/** The default recipe for a table and target: ready to fit, nothing fitted yet. */
export function proposeRecipe(
  table: Table,
  sourceName: string,
  targetColumn: string,
  seed = 42,
  types?: readonly ColumnTypeInfo[],
): Recipe {
  const target = proposeTarget(findColumn(table, targetColumn))
  return {
    version: RECIPE_VERSION,
    seed,
    source: sourceSpec(table, sourceName, types),
    target,
    steps: proposeSteps(table, targetColumn, types),
    split: {
      method: target.task === 'regression' ? 'random' : 'stratified',
      train: 0.8,
      validation: 0.1,
      test: 0.1,
    },
    balance: { method: 'none' },
    model: defaultMlpSpec(),
    training: defaultTrainConfig(),
  }
}
