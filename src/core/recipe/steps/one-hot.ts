import { MISSING_CODE, type NumericColumn } from '../../table/table'
import { categoricalInput, refuseTarget, spliceColumn } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'
import type { StepOf } from '../step-schema'
import { trainingCategories, type CategoryCount } from './category-order'

export const OTHER = 'other'

/** "<column>=<category>", the name Evaluate shows and traces back to the column. */
export function oneHotName(column: string, category: string): string {
  return `${column}=${category}`
}

/**
 * The categories that share "other", as scikit-learn 1.2.1's OneHotEncoder picks them with
 * `max_categories` and `handle_unknown='infrequent_if_exist'`: `maxCategories` counts the other
 * input too, so once there are at least that many categories, all but the `maxCategories − 1`
 * most frequent go to "other" (with exactly `maxCategories` categories the rarest one does, and
 * "other" then also catches categories never seen in training). Among equal counts the
 * categories first in sklearn's order go to "other" (a stable sort of the counts over the sorted
 * categories). With `maxCategories` 1 every category shares "other"; sklearn instead gives each
 * its own input, an accident of its slicing (`[:-max_categories + 1]` is empty for 1).
 */
function infrequent(seen: readonly CategoryCount[], maxCategories: number | null): Set<string> {
  if (maxCategories === null || seen.length < maxCategories) return new Set()
  // Array.prototype.sort is stable, as numpy's mergesort: equal counts keep sklearn's order.
  const rarestFirst = [...seen].sort((a, b) => a.count - b.count)
  return new Set(rarestFirst.slice(0, seen.length - maxCategories + 1).map((c) => c.label))
}

function fitted(step: StepOf<'one-hot'>) {
  if (!step.fitted) throw new Error(`The one-hot step on "${step.column}" has not been fitted yet.`)
  return step.fitted
}

/**
 * One 0/1 column per training category, in scikit-learn's category order with "other" last.
 * A missing value turns every input off (sklearn would make it a category of its own; the
 * recipe leaves missing values to the impute step, where the analyst decides what they mean).
 */
export const oneHotStep: StepImpl<'one-hot'> = {
  fit(step, table, trainRows, ctx) {
    refuseTarget([step.column], ctx.target, 'one-hot encoded as an input')
    const seen = trainingCategories(table, step.column, trainRows)
    const rare = infrequent(seen, step.maxCategories)
    const categories = seen.filter((c) => !rare.has(c.label)).map((c) => c.label)
    return {
      ...step,
      fitted: { categories, other: rare.size > 0, infrequent: [...rare].sort() },
    }
  },
  apply(step, table, liveRows) {
    const { categories, other, infrequent: rare } = fitted(step)
    const column = categoricalInput(table, step.column)
    const slot = new Map(categories.map((c, i) => [c, i]))
    const otherSlot = other ? categories.length : -1
    // Rare training categories share "other"; a category never seen in training goes there
    // only with `unseen: 'other'`. A recipe saved without the rare list sends both to "other".
    const rareSet = rare ? new Set(rare) : null
    const unseenSlot = step.unseen === 'other' || !rareSet ? otherSlot : -1
    // This table's dictionary codes to output columns once, not per row.
    const codeSlot = column.categories.map(
      (c) => slot.get(c) ?? (rareSet?.has(c) ? otherSlot : unseenSlot),
    )
    const labels = [...categories, ...(other ? [OTHER] : [])]
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
    const notes: string[] = []
    if (labels.length === 0)
      notes.push(
        `"${step.column}" has no value in the training rows, so it gives the model no input.`,
      )
    let unseen = 0
    for (const row of liveRows) {
      const code = column.codes[row] as number
      if (code !== MISSING_CODE && codeSlot[code] === -1) unseen++
    }
    if (unseen > 0 && labels.length > 0)
      notes.push(
        `${unseen.toLocaleString('en-US')} row(s) of "${step.column}" hold a category not seen in training; every "${step.column}" input is off for them.`,
      )
    return { table: spliceColumn(table, step.column, outputs), notes }
  },
  describe: (step) =>
    `One-hot encoding of ${step.column}${step.maxCategories === null ? '' : ` (at most ${step.maxCategories} inputs)`}`,
  reads: (step) => [step.column],
}
