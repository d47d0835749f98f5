import { predictedClasses } from '../classification/report'
import type { TestSet } from '../test-set'
import type { Grouping } from './group-rows'

/**
 * Outcomes per group at the model's decisions: how often each group gets the favourable outcome
 * (an approval) and how the model's errors fall on it.
 */
export interface GroupOutcome {
  readonly group: string
  readonly rows: number
  readonly approvals: number
  readonly approvalRate: number
  /** Of the group's rows that truly are the favourable class, the share approved (null: none). */
  readonly tpr: number | null
  /** Of the group's rows that are not, the share approved anyway (null: none). */
  readonly fpr: number | null
  /** Of the group's approvals, the share that truly are the favourable class (null: none). */
  readonly precision: number | null
  /** Approval rate over the reference group's: under 0.8 fails the four-fifths rule. */
  readonly ratio: number | null
  /** The group whose approval rate the others are divided by. */
  readonly reference: boolean
}

/** Under this disparate-impact ratio a group is flagged (the US EEOC's four-fifths rule). */
export const FOUR_FIFTHS = 0.8

/**
 * Which rows the model gives the favourable class. Binary: the positive class when score ≥
 * threshold, so the negative class when below it. Multiclass: the most probable class (no
 * threshold), read as that class against all the others.
 */
export function favourableDecisions(
  testSet: TestSet,
  favourableClass: number,
  threshold: number,
): { predicted: Uint8Array; actual: Uint8Array } {
  const n = testSet.actual.length
  const predicted = new Uint8Array(n)
  const actual = new Uint8Array(n)
  const classes = predictedClasses(
    testSet.task === 'binary' ? 'binary' : 'multiclass',
    testSet.outputs,
    testSet.classes.length,
    threshold,
  )
  for (let i = 0; i < n; i++) {
    actual[i] = testSet.actual[i] === favourableClass ? 1 : 0
    predicted[i] = classes[i] === favourableClass ? 1 : 0
  }
  return { predicted, actual }
}

/**
 * Each group's rates. The reference group is the one approved most often among groups of at
 * least `minReferenceRows` rows (among all groups when none is that large): one applicant in a
 * group of one approved would otherwise set a 100 % bar that flags every other group.
 */
export function groupOutcomes(
  grouping: Grouping,
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  minReferenceRows = 0,
): GroupOutcome[] {
  const g = grouping.labels.length
  const tp = new Int32Array(g)
  const fp = new Int32Array(g)
  const fn = new Int32Array(g)
  const tn = new Int32Array(g)
  for (let i = 0; i < grouping.group.length; i++) {
    const b = grouping.group[i] as number
    const cell = actual[i] === 1 ? (predicted[i] === 1 ? tp : fn) : predicted[i] === 1 ? fp : tn
    cell[b] = (cell[b] ?? 0) + 1
  }
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b)
  const outcomes = grouping.labels.map((group, b) => {
    const [t, f, n, m] = [tp[b] ?? 0, fp[b] ?? 0, fn[b] ?? 0, tn[b] ?? 0]
    const rows = t + f + n + m
    return {
      group,
      rows,
      approvals: t + f,
      approvalRate: rows === 0 ? 0 : (t + f) / rows,
      tpr: ratio(t, t + n),
      fpr: ratio(f, f + m),
      precision: ratio(t, t + f),
    }
  })
  const present = outcomes.filter((o) => o.rows > 0)
  const large = present.filter((o) => o.rows >= minReferenceRows)
  const candidates = large.length > 0 ? large : present
  const reference = candidates.reduce<(typeof present)[number] | undefined>(
    (best, o) => (!best || o.approvalRate > best.approvalRate ? o : best),
    undefined,
  )
  const top = reference?.approvalRate ?? 0
  return present.map((o) => ({
    ...o,
    ratio: top === 0 ? null : o.approvalRate / top,
    reference: o === reference,
  }))
}
