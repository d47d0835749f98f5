import type { Recipe } from '../../recipe/recipe-schema'
import type { Table } from '../../table/table'

/**
 * Why `table` cannot stand for the data a bundle's model was trained on (to evaluate it or to
 * train on), or null when it can: every raw input column and the target are there, each stored
 * as the recipe reads it.
 */
export function dataMismatch(recipe: Recipe, table: Table): string | null {
  if (recipe.source.kind !== 'table')
    return `This model was trained on pictures (${recipe.source.name}), not a table: load that picture dataset on the Data step, with no table loaded.`
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

/**
 * Why a loaded picture dataset cannot stand for the one a bundle's model was trained on, or null
 * when it can: the same class folders in the same order, since the labels are indices into them.
 * The split is seeded, so the same pictures give the same test pictures.
 */
export function pictureDataMismatch(recipe: Recipe, classes: readonly string[]): string | null {
  if (recipe.source.kind !== 'images')
    return `This model was trained on a table (${recipe.source.name}), not pictures: load that table on the Data step.`
  const wanted = recipe.source.classes
  const same = wanted.length === classes.length && wanted.every((c, i) => classes[i] === c)
  if (same) return null
  const list = (names: readonly string[]) =>
    names.length > 6
      ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more`
      : names.join(', ')
  return `The loaded pictures have the classes ${list(classes)}, but the model knows ${list(wanted)}. Load the picture dataset it was trained on (${recipe.source.name}), one folder per class.`
}
