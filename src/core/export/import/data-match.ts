import type { Recipe } from '../../recipe/recipe-schema'
import type { Table } from '../../table/table'

/**
 * Why `table` cannot stand for the data a bundle's model was trained on (to evaluate it or to
 * train on), or null when it can: every raw input column and the target are there, each stored
 * as the recipe reads it.
 */
export function dataMismatch(recipe: Recipe, table: Table): string | null {
  if (recipe.source.kind !== 'table') return 'This model was trained on pictures, not a table.'
  const byName = new Map(table.columns.map((c) => [c.name, c]))
  const missing = recipe.source.columns.filter((c) => !byName.has(c.name)).map((c) => c.name)
  if (!byName.has(recipe.target.column)) missing.push(recipe.target.column)
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).map((m) => `"${m}"`)
    return `The loaded data has no column ${shown.join(', ')}${missing.length > 5 ? ` or ${missing.length - 5} more` : ''}. Load the data the model was trained on (${recipe.source.name}).`
  }
  const wrong = recipe.source.columns.find((c) => byName.get(c.name)?.kind !== c.kind)
  if (wrong)
    return `The column "${wrong.name}" holds ${wrong.kind === 'numeric' ? 'text' : 'numbers'} in the loaded data, but the model reads it as ${wrong.kind === 'numeric' ? 'numbers' : 'categories'}. Set its type on the Data step.`
  return null
}
