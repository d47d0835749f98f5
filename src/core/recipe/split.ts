import { createRng, shuffleInPlace } from '../random'
import { cellLabel, findColumn, type Table } from '../table/table'
import type { Recipe } from './recipe-schema'

export interface SplitRows {
  readonly train: Int32Array
  readonly validation: Int32Array
  readonly test: Int32Array
  /** Rows left out because their target is missing. */
  readonly droppedMissingTarget: number
  /** Chronological splits: rows left out because their date is missing. */
  readonly droppedMissingOrder: number
}

/** Rows with a target value, in file order. */
function rowsWithTarget(table: Table, target: string): { rows: number[]; dropped: number } {
  const column = findColumn(table, target)
  const rows: number[] = []
  let dropped = 0
  for (let row = 0; row < table.rowCount; row++) {
    if (cellLabel(column, row) === null) dropped++
    else rows.push(row)
  }
  return { rows, dropped }
}

/** Train, then validation, then test, in time order: the model is tested on the future. */
function chronological(table: Table, recipe: Recipe, rows: number[]) {
  const orderBy = recipe.split.orderBy ?? null
  let ordered = rows
  let missing = 0
  if (orderBy !== null) {
    const column = findColumn(table, orderBy)
    if (column.kind !== 'numeric') {
      throw new Error(
        `A chronological split needs "${orderBy}" to be dates or numbers. Set its type to datetime on the Data step, or choose another column.`,
      )
    }
    const present = rows.filter((row) => !Number.isNaN(column.values[row] as number))
    missing = rows.length - present.length
    // Array sort is stable, so rows of the same date keep file order.
    ordered = present.sort((a, b) => (column.values[a] as number) - (column.values[b] as number))
  }
  const nTrain = Math.round(ordered.length * recipe.split.train)
  const nValid = Math.round(ordered.length * recipe.split.validation)
  return {
    parts: [
      ordered.slice(0, nTrain),
      ordered.slice(nTrain, nTrain + nValid),
      ordered.slice(nTrain + nValid),
    ],
    missing,
  }
}

/** Seeded shuffle, cut per class when stratified so a rare class (defaults, fraud) is in every part. */
function shuffled(table: Table, recipe: Recipe, rows: number[]): number[][] {
  const column = findColumn(table, recipe.target.column)
  const rng = createRng(recipe.seed)
  const groups = new Map<string, number[]>()
  for (const row of rows) {
    const key = recipe.split.method === 'stratified' ? (cellLabel(column, row) ?? '') : ''
    let group = groups.get(key)
    if (!group) groups.set(key, (group = []))
    group.push(row)
  }
  const train: number[] = []
  const validation: number[] = []
  const test: number[] = []
  const { train: fTrain, validation: fValid } = recipe.split
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key) ?? []
    shuffleInPlace(group, rng)
    const nTrain = Math.round(group.length * fTrain)
    const nValid = Math.round(group.length * fValid)
    train.push(...group.slice(0, nTrain))
    validation.push(...group.slice(nTrain, nTrain + nValid))
    test.push(...group.slice(nTrain + nValid))
  }
  const parts = [train, validation, test]
  for (const part of parts) shuffleInPlace(part, rng)
  return parts
}

/** Splits the rows that have a target into train, validation and test as the recipe says. */
export function splitRows(table: Table, recipe: Recipe): SplitRows {
  const { rows, dropped } = rowsWithTarget(table, recipe.target.column)
  let parts: number[][]
  let droppedMissingOrder = 0
  if (recipe.split.method === 'chronological') {
    const result = chronological(table, recipe, rows)
    parts = result.parts
    droppedMissingOrder = result.missing
  } else {
    parts = shuffled(table, recipe, rows)
  }
  return {
    train: Int32Array.from(parts[0] ?? []),
    validation: Int32Array.from(parts[1] ?? []),
    test: Int32Array.from(parts[2] ?? []),
    droppedMissingTarget: dropped,
    droppedMissingOrder,
  }
}
