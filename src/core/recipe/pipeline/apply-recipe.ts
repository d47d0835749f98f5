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
 *
 * One exception keeps time series true to training: a windows step reads its history from the
 * rows before it, and in training the rows that earlier steps removed (another symbol's prices,
 * outside a filter) were not in the series. Here too they are left out of the series, and cannot
 * be scored: with them, a window would mix two series and predict something training never saw.
 */
export function applyRecipe(recipe: Recipe, table: Table): AppliedRows {
  const ctx: StepContext = { target: recipe.target.column, seed: recipe.seed, mode: 'predict' }
  const all = Int32Array.from({ length: table.rowCount }, (_, i) => i)
  const notes: (string[] | null)[] = Array.from({ length: table.rowCount }, () => null)
  const unpredictable = new Uint8Array(table.rowCount)
  // Rows training would still have had at this point (removals from every part, not outliers).
  let live = all
  let current = table
  for (const step of recipe.steps) {
    if (!step.enabled) continue
    const series = step.op === 'windows'
    const output = tableStepImpl(step).apply(step, current, series ? live : all, ctx)
    current = output.table
    if (series && live.length < all.length) {
      const inSeries = new Uint8Array(table.rowCount)
      for (const row of live) inSeries[row] = 1
      for (let row = 0; row < table.rowCount; row++) if (inSeries[row] === 0) unpredictable[row] = 1
    }
    const mask = output.remove
    if (!mask) continue
    for (let row = 0; row < table.rowCount; row++) {
      if (mask[row] !== 1) continue
      if (output.unpredictable) unpredictable[row] = 1
      const note = output.removeReason ?? 'Training would have left this row out.'
      ;(notes[row] ??= []).push(note)
    }
    if (output.removeFrom === 'all' && !output.unpredictable)
      live = live.filter((row) => mask[row] !== 1)
  }
  return { table: current, notes, unpredictable }
}
