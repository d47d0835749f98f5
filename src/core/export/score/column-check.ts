import type { Recipe } from '../../recipe/recipe-schema'
import type { InputColumn } from '../input-schema'

export interface ColumnCheck {
  /** Input columns the file lacks: scoring cannot start without them. */
  readonly missing: readonly string[]
  /** The file's columns the model does not read: kept in the scored file, not used. */
  readonly extra: readonly string[]
  /** Each finding as a sentence that says what to do, missing columns first. */
  readonly messages: readonly string[]
}

const loose = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '')

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ')

/** Edits (insert, delete, replace) between two short names. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    previous = current
  }
  return previous[b.length] ?? 0
}

/** The file's column that is most likely `name` misspelt or recased, if one is close enough. */
function nearMiss(name: string, candidates: readonly string[]): string | undefined {
  const wanted = loose(name)
  const allowed = wanted.length > 5 ? 2 : wanted.length > 3 ? 1 : 0
  let best: string | undefined
  let bestDistance = allowed + 1
  for (const candidate of candidates) {
    const d = distance(loose(candidate), wanted)
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return best
}

/**
 * The file's header against the model's input columns, before any row is scored: a missing
 * column stops scoring (a typo would otherwise score every row as if the value were missing);
 * extra columns are fine and said so.
 */
export function checkColumns(
  schema: readonly InputColumn[],
  recipe: Recipe,
  fileColumns: readonly string[],
): ColumnCheck {
  const inFile = new Set(fileColumns)
  const wanted = new Set(schema.map((c) => c.name))
  const missing = schema.map((c) => c.name).filter((name) => !inFile.has(name))
  const extra = fileColumns.filter((name) => !wanted.has(name))
  const messages: string[] = []
  for (const name of missing) {
    const near = nearMiss(name, extra)
    messages.push(
      near
        ? `The file has no column “${name}”, which the model needs; it has “${near}”: rename that column to “${name}” and upload the file again.`
        : `The file has no column “${name}”, which the model needs. Add it (leave its cells empty where the value is unknown) and upload the file again.`,
    )
  }
  const target = recipe.target.column
  const others = extra.filter((name) => name !== target)
  if (extra.includes(target))
    messages.push(
      `“${target}” is what the model predicts: it is kept in the scored file beside the prediction, not used for it.`,
    )
  if (others.length > 0)
    messages.push(
      `${quoted(others)} ${others.length === 1 ? 'is' : 'are'} not used by the model: kept in the scored file as ${others.length === 1 ? 'it is' : 'they are'}.`,
    )
  return { missing, extra, messages }
}
