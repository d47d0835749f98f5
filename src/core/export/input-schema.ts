import { sourceColumns, type Recipe } from '../recipe/recipe-schema'
import type { ColumnType } from '../table/column-type'
import type { Table } from '../table/table'

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

/** The input columns of a table recipe, with ranges and categories read from `table`. */
export function inputSchemaOf(recipe: Recipe, table: Table): InputColumn[] {
  // Placeholder until the predict helper lands ranges, categories and typical values.
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void table
  return sourceColumns(recipe).map((c) => ({
    name: c.name,
    kind: c.kind,
    type: c.type ?? null,
    min: null,
    max: null,
    categories: [],
    missingSeen: false,
    typical: null,
  }))
}
