import { findColumn } from '../../table/table'
import { withoutColumns } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'

/** Removes columns: identifiers, leaks, or anything the analyst does not want the model to see. */
export const dropColumnsStep: StepImpl<'drop-columns'> = {
  fit: (step) => step,
  apply(step, table, _rows, ctx) {
    if (step.columns.includes(ctx.target)) {
      throw new Error(
        `"${ctx.target}" is the target and cannot be dropped. Choose another target on the Data step, or remove it from this step.`,
      )
    }
    for (const name of step.columns) findColumn(table, name)
    return { table: withoutColumns(table, step.columns) }
  },
  describe: (step) => `Drop ${step.columns.join(', ')}`,
  reads: (step) => step.columns,
}
