import { MISSING_CODE, type NumericColumn } from '../../table/table'
import { categoricalInput, refuseTarget, withColumns } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'
import { trainingCategories } from './category-order'

/**
 * Each category becomes its share of the training values, in place: pandas'
 * `value_counts(normalize=True)` on the training rows, so the shares of the categories sum to 1
 * and a missing training value counts in no share. A category never seen in training, or a
 * missing value, becomes 0: as rare as can be.
 */
export const frequencyStep: StepImpl<'frequency'> = {
  fit(step, table, trainRows, ctx) {
    refuseTarget([step.column], ctx.target, 'frequency encoded as an input')
    const seen = trainingCategories(table, step.column, trainRows)
    const total = seen.reduce((sum, c) => sum + c.count, 0)
    return {
      ...step,
      fitted: {
        categories: seen.map((c) => c.label),
        frequencies: seen.map((c) => c.count / total),
      },
    }
  },
  apply(step, table) {
    const fitted = step.fitted
    if (!fitted) throw new Error(`The frequency step on "${step.column}" has not been fitted yet.`)
    const share = new Map(fitted.categories.map((label, i) => [label, fitted.frequencies[i] ?? 0]))
    const column = categoricalInput(table, step.column)
    const codeShare = column.categories.map((label) => share.get(label) ?? 0)
    const values = new Float64Array(table.rowCount)
    column.codes.forEach((code, row) => {
      values[row] = code === MISSING_CODE ? 0 : (codeShare[code] as number)
    })
    const encoded: NumericColumn = { name: step.column, kind: 'numeric', values }
    return { table: withColumns(table, [encoded]) }
  },
  describe: (step) => `Frequency encoding of ${step.column}`,
  reads: (step) => [step.column],
}
