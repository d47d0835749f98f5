// The split the bench falls back on when the studio's splitRows fails at this size (at 1M rows
// it spreads a 700,000-element array into push(), which overflows the stack). Same idea: seeded,
// stratified by the target, 80/10/10; the printout says when it was used.
import type { Parts } from '../../src/core/recipe/pipeline/parts'
import type { Recipe } from '../../src/core/recipe/recipe-schema'
import { createRng, shuffleInPlace } from '../../src/core/random'
import { findColumn, type Table } from '../../src/core/table/table'

export function benchSplit(table: Table, recipe: Recipe): Parts {
  const column = findColumn(table, recipe.target.column)
  if (column.kind !== 'categorical') throw new Error('The bench target is categorical.')
  const rng = createRng(recipe.seed)
  const parts: number[][] = [[], [], []]
  for (let code = 0; code < column.categories.length; code++) {
    const group: number[] = []
    column.codes.forEach((c, row) => c === code && group.push(row))
    shuffleInPlace(group, rng)
    const nTrain = Math.round(group.length * recipe.split.train)
    const nValid = Math.round(group.length * recipe.split.validation)
    group.forEach((row, i) =>
      (parts[i < nTrain ? 0 : i < nTrain + nValid ? 1 : 2] as number[]).push(row),
    )
  }
  const [train, validation, test] = parts.map((p) => Int32Array.from(p))
  const empty = new Int32Array(0)
  return { train: train ?? empty, validation: validation ?? empty, test: test ?? empty }
}
