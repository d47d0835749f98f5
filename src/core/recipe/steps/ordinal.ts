import { MISSING_CODE, type NumericColumn } from '../../table/table'
import { categoricalInput, refuseTarget, withColumns } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'
import type { StepOf } from '../step-schema'
import { quotedList, trainingCategories } from './category-order'

type OrdinalStep = StepOf<'ordinal'>

/** The analyst's order, refused when it repeats a category or misses one the training rows hold. */
function checkedOrder(step: OrdinalStep, order: readonly string[], seen: readonly string[]) {
  const repeated = order.filter((label, i) => order.indexOf(label) !== i)
  if (repeated.length > 0) {
    throw new Error(
      `The order for "${step.column}" lists ${quotedList([...new Set(repeated)])} more than once. Give each category one place.`,
    )
  }
  const listed = new Set(order)
  const unlisted = seen.filter((label) => !listed.has(label))
  if (unlisted.length > 0) {
    throw new Error(
      `The training rows of "${step.column}" hold ${quotedList(unlisted)}, which the order does not list. Add ${unlisted.length > 1 ? 'them' : 'it'} to the order, or clear the order to sort the training categories instead.`,
    )
  }
}

/**
 * Categories to 0, 1, 2… in place, as scikit-learn's OrdinalEncoder with
 * `handle_unknown='use_encoded_value'`: the analyst's order (sizes, grades) or, without one, the
 * training categories sorted (numbers by value). A category never seen becomes `unseenValue`;
 * a missing value stays missing, for the impute step (or the model's 0) to deal with.
 */
export const ordinalStep: StepImpl<'ordinal'> = {
  fit(step, table, trainRows, ctx) {
    refuseTarget([step.column], ctx.target, 'ordinal encoded as an input')
    const seen = trainingCategories(table, step.column, trainRows).map((c) => c.label)
    if (step.order === null) return { ...step, fitted: { categories: seen } }
    checkedOrder(step, step.order, seen)
    return { ...step, fitted: { categories: [...step.order] } }
  },
  apply(step, table, liveRows) {
    const categories = step.fitted?.categories
    if (!categories)
      throw new Error(`The ordinal step on "${step.column}" has not been fitted yet.`)
    const column = categoricalInput(table, step.column)
    const rank = new Map(categories.map((label, i) => [label, i]))
    const codeValue = column.categories.map((label) => rank.get(label) ?? step.unseenValue)
    const known = column.categories.map((label) => rank.has(label))
    const values = new Float64Array(table.rowCount)
    column.codes.forEach((code, row) => {
      values[row] = code === MISSING_CODE ? Number.NaN : (codeValue[code] as number)
    })
    let unseen = 0
    for (const row of liveRows) {
      const code = column.codes[row] as number
      if (code !== MISSING_CODE && !known[code]) unseen++
    }
    const notes =
      unseen > 0
        ? [
            `${unseen.toLocaleString('en-US')} row(s) of "${step.column}" hold a category not seen in training; they became ${step.unseenValue}.`,
          ]
        : []
    const encoded: NumericColumn = { name: step.column, kind: 'numeric', values }
    return { table: withColumns(table, [encoded]), notes }
  },
  describe: (step) =>
    `Ordinal encoding of ${step.column}${step.order === null ? ' (sorted categories)' : ` (${step.order.join(' < ')})`}`,
  reads: (step) => [step.column],
}
