import { withoutColumns } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'
import type { StepOf } from '../step-schema'

function refuseDroppingTarget(step: StepOf<'drop-columns'>, target: string): void {
  if (step.columns.includes(target)) {
    throw new Error(
      `"${target}" is the target and cannot be dropped. Choose another target on the Data step, or remove it from this step.`,
    )
  }
}

/**
 * Removes columns: identifiers, leaks, or anything the analyst does not want the model to see.
 * While training, a column that is not there is an error (a typo, or an earlier step already
 * removed it); rows sent for scoring may simply leave such a column out, since it is dropped anyway.
 */
export const dropColumnsStep: StepImpl<'drop-columns'> = {
  fit(step, _table, _rows, ctx) {
    refuseDroppingTarget(step, ctx.target)
    return step
  },
  apply(step, table, _rows, ctx) {
    refuseDroppingTarget(step, ctx.target)
    if (ctx.mode === 'train') {
      const absent = step.columns.filter((name) => !table.columns.some((c) => c.name === name))
      if (absent.length > 0) {
        throw new Error(
          `The data has no column named ${absent.map((n) => `"${n}"`).join(', ')} to drop: an earlier step may have removed or renamed it. Remove it from this step.`,
        )
      }
    }
    return { table: withoutColumns(table, step.columns) }
  },
  describe: (step) => `Drop ${step.columns.join(', ')}`,
  reads: (step) => step.columns,
}
