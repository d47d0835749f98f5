import { cellLabel, findColumn, MISSING_CODE, type Column, type Table } from '../table/table'
import type { FeatureStep, Recipe } from './recipe-schema'

function numericColumn(column: Column, step: string) {
  if (column.kind !== 'numeric')
    throw new Error(`"${column.name}" is not numeric, so it cannot be ${step}.`)
  return column
}

/** Mean and standard deviation over the given rows (population std, as scikit-learn's StandardScaler). */
export function meanStd(
  values: Float64Array,
  rows: ArrayLike<number>,
): { mean: number; std: number } {
  let n = 0
  let mean = 0
  let m2 = 0
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i] as number] ?? Number.NaN
    if (Number.isNaN(v)) continue
    n++
    const delta = v - mean
    mean += delta / n
    m2 += delta * (v - mean)
  }
  const std = n > 0 ? Math.sqrt(m2 / n) : 0
  // A constant column would divide by zero; scaling by 1 leaves it a harmless constant 0.
  return { mean: n > 0 ? mean : 0, std: std > 1e-12 ? std : 1 }
}

function fitStep(step: FeatureStep, table: Table, rows: Int32Array): FeatureStep {
  const column = findColumn(table, step.column)
  if (step.op === 'standardize') {
    return { ...step, fitted: meanStd(numericColumn(column, 'scaled').values, rows) }
  }
  if (column.kind !== 'categorical')
    return { ...step, fitted: { categories: numericCategories(column, rows) } }
  const seen = new Uint8Array(column.categories.length)
  for (const row of rows) {
    const code = column.codes[row] ?? MISSING_CODE
    if (code !== MISSING_CODE) seen[code] = 1
  }
  const categories = column.categories.filter((_, code) => seen[code] === 1).sort()
  return { ...step, fitted: { categories } }
}

/** A numeric column one-hot encoded (e.g. codes 1/2/3) uses its training values as categories. */
function numericCategories(column: Column, rows: Int32Array): string[] {
  const seen = new Set<string>()
  for (const row of rows) {
    const label = cellLabel(column, row)
    if (label !== null) seen.add(label)
  }
  return [...seen].sort()
}

/**
 * Fits every step on the training rows alone: no statistic of validation or test rows reaches the
 * recipe, so the test metrics are an honest estimate.
 */
export function fitRecipe(recipe: Recipe, table: Table, trainRows: Int32Array): Recipe {
  const features = recipe.features.map((step) => fitStep(step, table, trainRows))
  if (recipe.target.task !== 'regression') return { ...recipe, features }
  const column = numericColumn(findColumn(table, recipe.target.column), 'a regression target')
  return {
    ...recipe,
    features,
    target: { ...recipe.target, scale: meanStd(column.values, trainRows) },
  }
}
