import { cellLabel, findColumn, type Table } from '../table/table'
import { applyRecipe, type AppliedRows } from './pipeline/apply-recipe'
import type { Feature, Recipe } from './recipe-schema'

export interface FeatureMatrix {
  /** Row-major rows × width values. */
  readonly values: Float32Array
  readonly rows: number
  readonly width: number
}

function fittedFeatures(recipe: Recipe): readonly Feature[] {
  if (!recipe.features) {
    throw new Error('The recipe has not been fitted yet. Prepare the training data first.')
  }
  return recipe.features
}

/** Names of the model's inputs, each traceable to its raw column ("owner=yes" comes from "owner"). */
export function featureNames(recipe: Recipe): string[] {
  return fittedFeatures(recipe).map((f) => f.name)
}

export function featureWidth(recipe: Recipe): number {
  return fittedFeatures(recipe).length
}

/**
 * The model's input matrix for rows of a prepared table: the fitted feature columns, in order.
 * A value still missing enters as 0 (a scaled column's training mean).
 */
export function featureMatrix(recipe: Recipe, table: Table, rows: Int32Array): FeatureMatrix {
  const features = fittedFeatures(recipe)
  const width = features.length
  const sources = features.map((feature) => {
    const column = findColumn(table, feature.name)
    if (column.kind !== 'numeric')
      throw new Error(`The input "${feature.name}" should hold numbers after preparation.`)
    return column.values
  })
  const values = new Float32Array(rows.length * width)
  // Rows come shuffled: reading each column at random costs a cache miss per cell (a million
  // rows × 100 inputs: seconds). Visiting the rows in table order reads every column front to
  // back and writes each output row, contiguous, once.
  const order = tableOrder(rows)
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number
    const row = rows[i] as number
    let at = i * width
    for (let f = 0; f < width; f++) {
      const v = (sources[f] as Float64Array)[row] as number
      values[at++] = v === v ? v : 0
    }
  }
  return { values, rows: rows.length, width }
}

/** Positions of `rows` sorted by row number (ties by position). */
function tableOrder(rows: Int32Array): Uint32Array {
  const n = rows.length
  const order = new Uint32Array(n)
  let ascending = true
  let max = 0
  for (let i = 0; i < n; i++) {
    const row = rows[i] as number
    order[i] = i
    if (i > 0 && row < (rows[i - 1] as number)) ascending = false
    if (row > max) max = row
  }
  if (ascending) return order
  if (max * n + n >= Number.MAX_SAFE_INTEGER)
    return order.sort((a, b) => (rows[a] as number) - (rows[b] as number) || a - b)
  // row × n + position, exact in a double: one numeric sort instead of a comparator sort.
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) keys[i] = (rows[i] as number) * n + i
  keys.sort()
  for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % n
  return order
}

export interface TransformedRows extends FeatureMatrix, Omit<AppliedRows, 'table'> {}

/**
 * Raw rows (typed-in, a scored file, a bundle's caller) to model inputs through the fitted recipe:
 * the same step code that prepared the training data.
 */
export function transformFeatures(recipe: Recipe, table: Table): TransformedRows {
  const applied = applyRecipe(recipe, table)
  const all = Int32Array.from({ length: table.rowCount }, (_, i) => i)
  return {
    ...featureMatrix(recipe, applied.table, all),
    notes: applied.notes,
    unpredictable: applied.unpredictable,
  }
}

/** Width of the model's output for the recipe's target. */
export function targetWidth(recipe: Recipe): number {
  return recipe.target.task === 'multiclass' ? (recipe.target.classes?.length ?? 0) : 1
}

/**
 * Training labels: 0/1 for binary, one-hot rows for multiclass, the standardised value for
 * regression. Rows must have a target (the split drops those that do not).
 */
export function encodeTarget(recipe: Recipe, table: Table, rows: Int32Array): Float32Array {
  const column = findColumn(table, recipe.target.column)
  const { task, classes = [], scale } = recipe.target
  const width = targetWidth(recipe)
  const out = new Float32Array(rows.length * width)
  if (task === 'regression') {
    if (column.kind !== 'numeric' || !scale)
      throw new Error('A regression target must be numeric and fitted.')
    rows.forEach(
      (row, i) => (out[i] = ((column.values[row] ?? Number.NaN) - scale.mean) / scale.std),
    )
    return out
  }
  const index = new Map(classes.map((c, i) => [c, i]))
  rows.forEach((row, i) => {
    const label = cellLabel(column, row)
    const at = label === null ? undefined : index.get(label)
    if (at === undefined)
      throw new Error(`Row ${row + 1} has a target value the recipe does not know.`)
    if (task === 'binary') out[i] = at
    else out[i * width + at] = 1
  })
  return out
}

/**
 * Model outputs as the analyst reads them: regression back in the target's own units, in double
 * precision (a float32 price of 1e6 would be off by cents); probabilities unchanged.
 */
export function decodeOutputs(recipe: Recipe, outputs: Float32Array): Float64Array {
  const { scale } = recipe.target
  if (recipe.target.task !== 'regression' || !scale) return Float64Array.from(outputs)
  return Float64Array.from(outputs, (v) => v * scale.std + scale.mean)
}
