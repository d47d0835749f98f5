import { findColumn, type Table } from '../../table/table'
import { categoricalInput } from '../pipeline/columns'
import { codeCounts } from '../pipeline/stats'

/** A category seen in the training rows and how many of them hold it. */
export interface CategoryCount {
  readonly label: string
  readonly count: number
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The categories of the training rows in scikit-learn's order (`categories_`): by value for a
 * column of numbers (codes 1, 2, 10 stay in that order, not "1", "10", "2"), by text otherwise.
 * Encoders list their inputs and break frequency ties in this order, so they match sklearn.
 */
export function trainingCategories(
  table: Table,
  name: string,
  trainRows: Int32Array,
): CategoryCount[] {
  const numeric = findColumn(table, name).kind === 'numeric'
  const column = categoricalInput(table, name)
  const counts = codeCounts(column, trainRows)
  const seen = column.categories
    .map((label, code) => ({ label, count: counts[code] as number }))
    .filter((c) => c.count > 0)
  return seen.sort(
    numeric ? (a, b) => Number(a.label) - Number(b.label) : (a, b) => byText(a.label, b.label),
  )
}

/** "a", "b" and 3 more: category lists inside error messages stay readable. */
export function quotedList(labels: readonly string[], shown = 5): string {
  const quoted = labels.slice(0, shown).map((l) => `"${l}"`)
  return labels.length > shown
    ? `${quoted.join(', ')} and ${labels.length - shown} more`
    : quoted.join(', ')
}
