import { pictureTable, type ScoredPicture } from '../../../core/export/pictures/picture-table'
import type { Recipe } from '../../../core/recipe/recipe-schema'
import { toCsv } from '../../../ui/table-csv'

/** The scored files as CSV: text cells that a spreadsheet would run as a formula neutralised. */
export function pictureCsv(recipe: Recipe, scored: readonly ScoredPicture[]): string {
  const { header, rows } = pictureTable(recipe, scored)
  return toCsv(header, rows)
}
