import type { InputColumn } from '../core/export/input-schema'
import { sourceColumns, type Recipe } from '../core/recipe/recipe-schema'

/** The input columns of a bundle made before input-schema.json: kinds only, no ranges. */
export function inputSchemaFromRecipe(recipe: Recipe): InputColumn[] {
  return sourceColumns(recipe).map((c) => ({
    name: c.name,
    kind: c.kind,
    type: c.type ?? null,
    min: null,
    max: null,
    categories: [],
    missingSeen: true,
    typical: null,
  }))
}
