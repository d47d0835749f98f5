import { MISSING_CODE, type NumericColumn } from '../../table/table'
import { categoricalInput, refuseTarget, spliceColumn } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'
import { codeCounts } from '../pipeline/stats'

export const OTHER = 'other'

/** "<column>=<category>", the name Evaluate shows and traces back to the column. */
export function oneHotName(column: string, category: string): string {
  return `${column}=${category}`
}

/**
 * One 0/1 column per training category, like scikit-learn's OneHotEncoder with
 * `max_categories` and `handle_unknown='infrequent_if_exist'`: beyond the most frequent
 * `maxCategories − 1` categories, the rest share an "other" column. Missing turns every input off.
 */
export const oneHotStep: StepImpl<'one-hot'> = {
  fit(step, table, trainRows, ctx) {
    refuseTarget([step.column], ctx.target, 'one-hot encoded as an input')
    const column = categoricalInput(table, step.column)
    const counts = codeCounts(column, trainRows)
    const seen = column.categories
      .map((label, code) => ({ label, count: counts[code] as number }))
      .filter((c) => c.count > 0)
    let kept = seen
    let other = false
    if (step.maxCategories !== null && seen.length > step.maxCategories) {
      // Most frequent first; ties by label so the choice does not depend on file order.
      const ranked = [...seen].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1))
      kept = ranked.slice(0, Math.max(step.maxCategories - 1, 0))
      other = true
    }
    const categories = kept.map((c) => c.label).sort()
    return { ...step, fitted: { categories, other } }
  },
  apply(step, table) {
    const fitted = step.fitted
    if (!fitted) throw new Error(`The one-hot step on "${step.column}" has not been fitted yet.`)
    const column = categoricalInput(table, step.column)
    const slot = new Map(fitted.categories.map((c, i) => [c, i]))
    const otherSlot = fitted.other ? fitted.categories.length : -1
    const unseenSlot = step.unseen === 'other' ? otherSlot : -1
    // This table's dictionary codes to output columns once, not per row.
    const codeSlot = column.categories.map((c) => slot.get(c) ?? unseenSlot)
    const labels = [...fitted.categories, ...(fitted.other ? [OTHER] : [])]
    const outputs = labels.map((label): NumericColumn => ({
      name: oneHotName(step.column, label),
      kind: 'numeric',
      values: new Float64Array(table.rowCount),
    }))
    column.codes.forEach((code, row) => {
      if (code === MISSING_CODE) return
      const at = codeSlot[code] ?? -1
      if (at >= 0) (outputs[at] as NumericColumn).values[row] = 1
    })
    return { table: spliceColumn(table, step.column, outputs) }
  },
  describe: (step) =>
    `One-hot encoding of ${step.column}${step.maxCategories === null ? '' : ` (at most ${step.maxCategories} inputs)`}`,
  reads: (step) => [step.column],
}
