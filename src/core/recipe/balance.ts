import { createRng, shuffleInPlace } from '../random'
import { cellLabel, findColumn, type Table } from '../table/table'
import type { TargetSpec } from './recipe-schema'

/** Training rows of each class, in target class order; rows with an unknown label are left out. */
function rowsByClass(table: Table, target: TargetSpec, rows: Int32Array): number[][] {
  const column = findColumn(table, target.column)
  const classes = target.classes ?? []
  const index = new Map(classes.map((c, i) => [c, i]))
  const groups = classes.map((): number[] => [])
  for (const row of rows) {
    const label = cellLabel(column, row)
    const at = label === null ? undefined : index.get(label)
    if (at !== undefined) groups[at]?.push(row)
  }
  return groups
}

/**
 * scikit-learn's "balanced" class weights, n / (classes × count) over the training rows, as
 * `compute_class_weight('balanced', classes=np.unique(y_train), y=y_train)`: a mistake on a rare
 * class costs as much in total as one on the common class, and the average weight per training
 * row stays 1, so the loss keeps its scale. Only classes present in training count in "classes";
 * a class absent from training gets weight 1 (no training row carries it).
 */
export function balancedClassWeights(
  table: Table,
  target: TargetSpec,
  trainRows: Int32Array,
): number[] {
  const groups = rowsByClass(table, target, trainRows)
  const n = groups.reduce((sum, g) => sum + g.length, 0)
  const present = groups.filter((g) => g.length > 0).length
  return groups.map((g) => (g.length > 0 ? n / (present * g.length) : 1))
}

/**
 * The loss weight per class a run trains with: the analyst's own (`balance.weights`, in
 * `target.classes` order) when given, else the fitted 'balanced' ones. A list that does not give
 * exactly one weight per class is refused rather than guessed at.
 */
export function classWeightsFor(
  table: Table,
  target: TargetSpec,
  trainRows: Int32Array,
  custom: readonly number[] | undefined,
): number[] {
  if (!custom) return balancedClassWeights(table, target, trainRows)
  const classes = target.classes ?? []
  if (custom.length !== classes.length) {
    throw new Error(
      `The custom class weights give ${custom.length} number${custom.length === 1 ? '' : 's'}, but the target "${target.column}" has ${classes.length} classes (${classes.join(', ')}): give one weight per class in that order, or clear them to use balanced weights.`,
    )
  }
  return [...custom]
}

/**
 * Random oversampling of the training rows (seeded): every class is topped up with copies of its
 * own rows until it is as large as the largest. The copies are spread as evenly as they can be
 * (each row copied ⌊extra / size⌋ times, a seeded choice of rows once more), so no single row is
 * repeated far more often than the others and memorised. Only ever given training rows, so
 * validation and test keep the true class mix.
 */
export function oversampleRows(
  table: Table,
  target: TargetSpec,
  trainRows: Int32Array,
  seed: number,
): Int32Array {
  const groups = rowsByClass(table, target, trainRows)
  const largest = Math.max(0, ...groups.map((g) => g.length))
  const rng = createRng(seed ^ 0x0ba1)
  const out = Array.from(trainRows)
  for (const group of groups) {
    if (group.length === 0) continue
    const extra = largest - group.length
    for (let copy = 0; copy < Math.floor(extra / group.length); copy++)
      for (const row of group) out.push(row)
    const chosen = [...group]
    shuffleInPlace(chosen, rng)
    for (const row of chosen.slice(0, extra % group.length)) out.push(row)
  }
  return Int32Array.from(out)
}
