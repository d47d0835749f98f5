import { createRng, shuffleInPlace } from '../random'
import { cellLabel, findColumn, type Table } from '../table/table'
import type { Recipe } from './recipe-schema'

export interface SplitRows {
  readonly train: Int32Array
  readonly validation: Int32Array
  readonly test: Int32Array
  /** Rows left out because their target is missing. */
  readonly droppedMissingTarget: number
}

/**
 * Seeded train/validation/test split. Stratified splits cut each class in the same proportions,
 * so a rare class (defaults, fraud) is present in every part.
 */
export function splitRows(table: Table, recipe: Recipe): SplitRows {
  const column = findColumn(table, recipe.target.column)
  const rng = createRng(recipe.seed)
  const groups = new Map<string, number[]>()
  let dropped = 0
  for (let row = 0; row < table.rowCount; row++) {
    const label = cellLabel(column, row)
    if (label === null) {
      dropped++
      continue
    }
    const key = recipe.split.method === 'stratified' ? label : ''
    let group = groups.get(key)
    if (!group) groups.set(key, (group = []))
    group.push(row)
  }
  const train: number[] = []
  const validation: number[] = []
  const test: number[] = []
  const { train: fTrain, validation: fValid } = recipe.split
  for (const key of [...groups.keys()].sort()) {
    const rows = groups.get(key) ?? []
    shuffleInPlace(rows, rng)
    const nTrain = Math.round(rows.length * fTrain)
    const nValid = Math.round(rows.length * fValid)
    train.push(...rows.slice(0, nTrain))
    validation.push(...rows.slice(nTrain, nTrain + nValid))
    test.push(...rows.slice(nTrain + nValid))
  }
  const parts = [train, validation, test].map((rows) => {
    shuffleInPlace(rows, rng)
    return Int32Array.from(rows)
  })
  return {
    train: parts[0] as Int32Array,
    validation: parts[1] as Int32Array,
    test: parts[2] as Int32Array,
    droppedMissingTarget: dropped,
  }
}
