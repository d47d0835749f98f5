import type { NumericColumn } from '../../table/table'
import { numericInput, refuseTarget, withColumns } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'

/** log(1 + x) as numpy's log1p; x ≤ −1 has no logarithm and becomes missing, with a note. */
export const log1pStep: StepImpl<'log1p'> = {
  fit(step, _table, _rows, ctx) {
    refuseTarget(step.columns, ctx.target, 'log-transformed as an input')
    return step
  },
  apply(step, table, liveRows) {
    const notes: string[] = []
    const columns = step.columns.map((name): NumericColumn => {
      const input = numericInput(table, name, 'log-transformed').values
      const values = new Float64Array(input.length)
      for (let i = 0; i < input.length; i++) {
        const v = input[i] as number
        values[i] = v > -1 ? Math.log1p(v) : Number.NaN
      }
      // Counted on the rows still in the data, so the note matches what the preview shows.
      let invalid = 0
      for (const row of liveRows) if ((input[row] as number) <= -1) invalid++
      if (invalid > 0)
        notes.push(
          `${invalid.toLocaleString('en-US')} value(s) of "${name}" at or below −1 have no logarithm and became missing.`,
        )
      return { name, kind: 'numeric', values }
    })
    return { table: withColumns(table, columns), notes }
  },
  describe: (step) => `log(1 + x) of ${step.columns.join(', ')}`,
  reads: (step) => step.columns,
}
