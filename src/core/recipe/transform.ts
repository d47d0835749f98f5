import { cellLabel, findColumn, MISSING_CODE, type Table } from '../table/table'
import type { FeatureStep, Recipe } from './recipe-schema'

export interface FeatureMatrix {
  /** Row-major rows × width values. */
  readonly values: Float32Array
  readonly rows: number
  readonly width: number
}

function unfitted(step: FeatureStep): never {
  throw new Error(
    `The step on "${step.column}" has not been fitted yet. Fit the recipe on the training rows first.`,
  )
}

/** Names of the model's inputs, each traceable to its raw column ("owner=yes" comes from "owner"). */
export function featureNames(recipe: Recipe): string[] {
  return recipe.features.flatMap((step) => {
    if (step.op === 'standardize') return [step.column]
    return (step.fitted ?? unfitted(step)).categories.map((c) => `${step.column}=${c}`)
  })
}

export function featureWidth(recipe: Recipe): number {
  return featureNames(recipe).length
}

function allRows(table: Table): Int32Array {
  return Int32Array.from({ length: table.rowCount }, (_, i) => i)
}

/**
 * The one implementation that turns raw rows into model inputs: training rows, typed-in rows,
 * scored files and the exported bundle all go through here.
 */
export function transformFeatures(
  recipe: Recipe,
  table: Table,
  rows: Int32Array = allRows(table),
): FeatureMatrix {
  const width = featureWidth(recipe)
  const values = new Float32Array(rows.length * width)
  let offset = 0
  for (const step of recipe.features) {
    const column = findColumn(table, step.column)
    if (step.op === 'standardize') {
      const { mean, std } = step.fitted ?? unfitted(step)
      if (column.kind !== 'numeric')
        throw new Error(`"${column.name}" must be numeric to be scaled.`)
      rows.forEach((row, i) => {
        const v = column.values[row] ?? Number.NaN
        values[i * width + offset] = Number.isNaN(v) ? 0 : (v - mean) / std
      })
      offset += 1
      continue
    }
    const { categories } = step.fitted ?? unfitted(step)
    const slot = new Map(categories.map((c, i) => [c, i]))
    if (column.kind === 'categorical') {
      // Map this table's dictionary codes to fitted slots once, not per row.
      const codeSlot = column.categories.map((c) => slot.get(c) ?? -1)
      rows.forEach((row, i) => {
        const code = column.codes[row] ?? MISSING_CODE
        const at = code === MISSING_CODE ? -1 : (codeSlot[code] ?? -1)
        if (at >= 0) values[i * width + offset + at] = 1
      })
    } else {
      rows.forEach((row, i) => {
        const label = cellLabel(column, row)
        const at = label === null ? -1 : (slot.get(label) ?? -1)
        if (at >= 0) values[i * width + offset + at] = 1
      })
    }
    offset += categories.length
  }
  return { values, rows: rows.length, width }
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
