import type { Recipe } from '../../core/recipe/recipe-schema'

/** "GermanCredit-Class": the start of every file name Deploy offers for this model. */
export function fileStem(recipe: Recipe): string {
  const data = recipe.source.name.replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '-')
  const target = recipe.target.column.replace(/[^\w-]+/g, '-')
  return `${data}-${target}`
}
