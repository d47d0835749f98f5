import type { Table } from '../../table/table'
import type { Recipe } from '../recipe-schema'
import { tableStepImpl } from './registry'
import type { StepContext } from './step-impl'

/** Rows someone wants scored, after the fitted recipe's steps. */
export interface AppliedRows {
  readonly table: Table
  /** Per row: what training would have done with it ("outside the filter on age"), or null. */
  readonly notes: readonly (readonly string[] | null)[]
  /** 1 for rows that cannot be scored (a time-series row without enough history before it). */
  readonly unpredictable: Uint8Array
}

/**
 * The fitted steps applied to rows to score: the same `apply` code that prepared the training
 * data, with nothing learned and no row removed. A step that would have removed a row in
 * training leaves a note on it instead, so a person sees why a prediction may be less reliable.
 */
export function applyRecipe(recipe: Recipe, table: Table): AppliedRows {
  const ctx: StepContext = { target: recipe.target.column, seed: recipe.seed, mode: 'predict' }
  const all = Int32Array.from({ length: table.rowCount }, (_, i) => i)
  const notes: (string[] | null)[] = Array.from({ length: table.rowCount }, () => null)
  const unpredictable = new Uint8Array(table.rowCount)
  let current = table
  for (const step of recipe.steps) {
    if (!step.enabled) continue
    const output = tableStepImpl(step).apply(step, current, all, ctx)
    current = output.table
    const mask = output.remove
    if (!mask) continue
    for (let row = 0; row < table.rowCount; row++) {
      if (mask[row] !== 1) continue
      if (output.unpredictable) unpredictable[row] = 1
      const note = output.removeReason ?? 'Training would have left this row out.'
      ;(notes[row] ??= []).push(note)
    }
  }
  return { table: current, notes, unpredictable }
}
