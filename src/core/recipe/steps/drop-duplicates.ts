import { duplicateRows } from '../../table/duplicate-rows'
import { findColumn } from '../../table/table'
import type { StepImpl } from '../pipeline/step-impl'

/** Removes rows identical to an earlier row (in the given columns, or in all), keeping the first. */
export const dropDuplicatesStep: StepImpl<'drop-duplicates'> = {
  // Nothing is learned: whether a row repeats an earlier one is a fact of the rows themselves.
  fit: (step) => step,
  apply(step, table, liveRows) {
    const columns = step.columns.length
      ? step.columns.map((name) => findColumn(table, name))
      : table.columns
    const remove = duplicateRows(columns, liveRows, table.rowCount)
    const removeReason = step.columns.length
      ? `A duplicate of an earlier row in ${step.columns.map((c) => `"${c}"`).join(', ')}.`
      : 'A duplicate of an earlier row.'
    return { table, remove, removeFrom: 'all', removeReason }
  },
  describe: (step) =>
    step.columns.length
      ? `Drop rows repeating an earlier row in ${step.columns.join(', ')}`
      : 'Drop duplicate rows',
  reads: (step) => step.columns,
}
