import type { Recipe } from '../../recipe/recipe-schema'
import type { PictureAnswer } from './picture-outputs'

/** One scored file: its answer, or why it could not be scored. */
export interface ScoredPicture {
  readonly path: string
  readonly answer: PictureAnswer | null
  readonly problem: string | null
}

/**
 * The scored files as a table (one row per file, failures included with their message): what
 * the page shows and the CSV holds. Cells are raw values; the CSV writer neutralises text that
 * a spreadsheet would run as a formula (a file may be called "=cmd.png").
 */
export function pictureTable(
  recipe: Recipe,
  scored: readonly ScoredPicture[],
): { header: string[]; rows: (string | number | null)[][] } {
  const classes = recipe.target.classes ?? []
  const target = recipe.target.column
  const header = ['file', `predicted_${target}`, ...classes.map((c) => `probability_${c}`), 'note']
  const rows = scored.map((s) => [
    s.path,
    s.answer ? (classes[s.answer.predicted] ?? null) : null,
    ...classes.map((_, c) => s.answer?.probabilities[c] ?? null),
    s.problem ?? '',
  ])
  return { header, rows }
}
