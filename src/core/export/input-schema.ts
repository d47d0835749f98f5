import { typicalValue } from '../evaluate/explain/table-rows'
import { sourceColumns, type Recipe } from '../recipe/recipe-schema'
import type { ColumnType } from '../table/column-type'
import { findColumn, MISSING_CODE, type Column, type Table } from '../table/table'

/**
 * One raw column a model takes, as the predict form, batch scoring, `serve.mjs` and
 * `predict.html` present and check it. Written into every bundle as `input-schema.json`, so a
 * bundle opened later (with no data loaded) still has its form, ranges and typical row.
 */
export interface InputColumn {
  readonly name: string
  /** How the recipe reads the column: numbers (also dates) or categories. */
  readonly kind: 'numeric' | 'categorical'
  /** The Data step's type; 'datetime' columns take date text such as "2024-03-01". */
  readonly type: ColumnType | null
  /** Numeric: the smallest and largest value seen in the data the model came from. */
  readonly min: number | null
  readonly max: number | null
  /** Categorical: the categories seen, most frequent first (at most 500 kept). */
  readonly categories: readonly string[]
  /** The data had missing values here: a missing value is expected, not an error. */
  readonly missingSeen: boolean
  /** What reason codes compare a row with: the median, or the most frequent category. */
  readonly typical: number | string | null
}

/** A form offers this many categories at most; rarer ones are still accepted when typed. */
export const MAX_CATEGORIES = 500

/**
 * The raw columns a prediction needs: those behind the model's fitted inputs, in upload order.
 * The target is left out (a scored file does not have it) unless the model reads its history,
 * as a time-series model does; a column the recipe drops is not asked for.
 */
export function inputColumnNames(recipe: Recipe): string[] {
  const columns = sourceColumns(recipe)
  const used = recipe.features ? new Set(recipe.features.flatMap((f) => f.sources)) : null
  return columns
    .map((c) => c.name)
    .filter((name) => (used ? used.has(name) : name !== recipe.target.column))
}

/** The input columns of a table recipe, with ranges and categories read from `table`. */
export function inputSchemaOf(recipe: Recipe, table: Table): InputColumn[] {
  const wanted = new Set(inputColumnNames(recipe))
  return sourceColumns(recipe)
    .filter((c) => wanted.has(c.name))
    .map((c) => {
      const column = findColumn(table, c.name)
      const { min, max } = range(column)
      return {
        name: c.name,
        kind: c.kind,
        type: c.type ?? null,
        min,
        max,
        categories: column.kind === 'categorical' ? byFrequency(column) : [],
        missingSeen: hasMissing(column),
        typical: typicalValue(table, c.name),
      }
    })
}

function range(column: Column): { min: number | null; max: number | null } {
  if (column.kind !== 'numeric') return { min: null, max: null }
  let min = Infinity
  let max = -Infinity
  for (const v of column.values) {
    if (v < min) min = v
    if (v > max) max = v
  }
  return min <= max ? { min, max } : { min: null, max: null }
}

/** The categories present, most frequent first (ties in the column's own order). */
function byFrequency(column: Column & { kind: 'categorical' }): string[] {
  const counts = new Int32Array(column.categories.length)
  for (const code of column.codes) if (code !== MISSING_CODE) counts[code] = (counts[code] ?? 0) + 1
  return column.categories
    .map((label, code) => ({ label, count: counts[code] ?? 0, code }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.code - b.code)
    .slice(0, MAX_CATEGORIES)
    .map((c) => c.label)
}

function hasMissing(column: Column): boolean {
  if (column.kind === 'numeric') return column.values.some((v) => Number.isNaN(v))
  return column.codes.some((code) => code === MISSING_CODE)
}
