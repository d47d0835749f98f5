// The fastest plausible hand-written preparation of the bench recipe, to print beside ours: the
// same statistics fitted on the same training rows (log1p, median/mean fill with a "was missing"
// flag, most frequent category fill, standard scaling, one-hot with an "other" bucket), then one
// pass over each part's rows writing the model inputs straight into a Float32Array.
import type { Recipe } from '../../src/core/recipe/recipe-schema'
import type { StepOf } from '../../src/core/recipe/step-schema'
import { findColumn, type Table } from '../../src/core/table/table'

interface NumericPlan {
  readonly name: string
  readonly values: Float64Array
  readonly log: boolean
  readonly impute: 'median' | 'mean' | null
  readonly indicator: boolean
  fill: number
  center: number
  scale: number
}

interface CategoricalPlan {
  readonly name: string
  readonly codes: Int32Array
  readonly labels: readonly string[]
  readonly maxCategories: number | null
  readonly unseenOther: boolean
  readonly impute: boolean
  fill: number
  /** Output slot of each code (−1: every input off); filled by fit. */
  slots: Int32Array
  width: number
  names: string[]
}

export interface BaselinePlan {
  readonly numeric: NumericPlan[]
  readonly categorical: CategoricalPlan[]
}

const steps = <O extends StepOf<'log1p'>['op'] | 'impute' | 'one-hot' | 'scale'>(
  recipe: Recipe,
  op: O,
): StepOf<O>[] => recipe.steps.filter((s): s is StepOf<O> => s.enabled && s.op === op)

/** Reads the recipe's settings once (which columns get which treatment); learns nothing. */
export function baselinePlan(recipe: Recipe, table: Table): BaselinePlan {
  const logged = new Set(steps(recipe, 'log1p').flatMap((s) => s.columns))
  const imputes = steps(recipe, 'impute')
  const imputeOf = (name: string) => imputes.find((s) => s.columns.includes(name))
  const scaled = steps(recipe, 'scale').flatMap((s) => {
    if (s.method !== 'standard') throw new Error('The baseline only scales by mean and std.')
    return s.columns
  })
  const numeric = scaled.map((name): NumericPlan => {
    const column = findColumn(table, name)
    if (column.kind !== 'numeric') throw new Error(`${name} is not numeric`)
    const impute = imputeOf(name)
    const strategy = impute?.strategy
    if (strategy !== undefined && strategy !== 'median' && strategy !== 'mean')
      throw new Error(`The baseline does not fill ${name} by ${strategy}.`)
    return {
      name,
      values: column.values,
      log: logged.has(name),
      impute: strategy ?? null,
      indicator: impute?.indicator ?? false,
      fill: Number.NaN,
      center: 0,
      scale: 1,
    }
  })
  const categorical = steps(recipe, 'one-hot').map((s): CategoricalPlan => {
    const column = findColumn(table, s.column)
    if (column.kind !== 'categorical') throw new Error(`${s.column} is not categorical`)
    return {
      name: s.column,
      codes: column.codes,
      labels: column.categories,
      maxCategories: s.maxCategories,
      unseenOther: s.unseen === 'other',
      impute: imputeOf(s.column) !== undefined,
      fill: -1,
      slots: new Int32Array(0),
      width: 0,
      names: [],
    }
  })
  return { numeric, categorical }
}

function read(plan: NumericPlan, row: number): number {
  const x = plan.values[row] as number
  return plan.log ? (x > -1 ? Math.log1p(x) : Number.NaN) : x
}

function fitNumeric(plan: NumericPlan, train: Int32Array): void {
  const present = new Float64Array(train.length)
  let n = 0
  let sum = 0
  for (let i = 0; i < train.length; i++) {
    const v = read(plan, train[i] as number)
    if (v === v) {
      present[n++] = v
      sum += v
    }
  }
  if (plan.impute === 'mean') plan.fill = n ? sum / n : 0
  if (plan.impute === 'median') {
    const sorted = present.subarray(0, n).sort()
    const h = (n - 1) * 0.5
    const lo = Math.floor(h)
    plan.fill = n
      ? (sorted[lo] as number) +
        (h - lo) * ((sorted[Math.min(lo + 1, n - 1)] as number) - (sorted[lo] as number))
      : 0
  }
  // Welford over the (filled) training values, as StandardScaler.
  let count = 0
  let mean = 0
  let m2 = 0
  for (let i = 0; i < train.length; i++) {
    let v = read(plan, train[i] as number)
    if (v !== v) {
      if (plan.impute === null) continue
      v = plan.fill
    }
    count++
    const d = v - mean
    mean += d / count
    m2 += d * (v - mean)
  }
  const std = count ? Math.sqrt(m2 / count) : Number.NaN
  plan.center = count ? mean : 0
  plan.scale = Number.isFinite(std) && std > 1e-12 ? std : 1
}

function fitCategorical(plan: CategoricalPlan, train: Int32Array): void {
  const counts = new Int32Array(plan.labels.length)
  let missing = 0
  for (let i = 0; i < train.length; i++) {
    const code = plan.codes[train[i] as number] as number
    if (code < 0) missing++
    else counts[code] = (counts[code] as number) + 1
  }
  if (plan.impute && missing > 0) {
    let best = -1
    counts.forEach((c, code) => {
      const better = best < 0 || c > (counts[best] as number)
      const tie =
        best >= 0 &&
        c === counts[best] &&
        (plan.labels[code] as string) < (plan.labels[best] as string)
      if (c > 0 && (better || tie)) best = code
    })
    plan.fill = best
    if (best >= 0) counts[best] = (counts[best] as number) + missing
  }
  let seen = [...counts.keys()].filter((code) => (counts[code] as number) > 0)
  let other = false
  if (plan.maxCategories !== null && seen.length > plan.maxCategories) {
    const label = (code: number) => plan.labels[code] as string
    seen = seen
      .sort(
        (a, b) => (counts[b] as number) - (counts[a] as number) || (label(a) < label(b) ? -1 : 1),
      )
      .slice(0, Math.max(plan.maxCategories - 1, 0))
    other = true
  }
  const kept = seen.map((code) => plan.labels[code] as string).sort()
  const slotOf = new Map(kept.map((label, i) => [label, i]))
  const unseen = other && plan.unseenOther ? kept.length : -1
  plan.slots = Int32Array.from(plan.labels, (label) => slotOf.get(label) ?? unseen)
  plan.width = kept.length + (other ? 1 : 0)
  plan.names = [...kept, ...(other ? ['other'] : [])].map((l) => `${plan.name}=${l}`)
}

/**
 * Learns every statistic from the training rows (read in table order, front to back through
 * each column); returns the input names in matrix order.
 */
export function fitBaseline(plan: BaselinePlan, train: Int32Array): string[] {
  const ascending = train.slice().sort()
  for (const p of plan.numeric) fitNumeric(p, ascending)
  for (const p of plan.categorical) fitCategorical(p, ascending)
  return [
    ...plan.numeric.map((p) => p.name),
    ...plan.numeric.filter((p) => p.indicator).map((p) => `${p.name} was missing`),
    ...plan.categorical.flatMap((p) => p.names),
  ]
}

/**
 * One pass over the rows in table order (each column read front to back), every input of a
 * row written next to each other at the row's place in `rows`.
 */
export function transformBaseline(
  plan: BaselinePlan,
  rows: Int32Array,
  width: number,
): Float32Array {
  const out = new Float32Array(rows.length * width)
  const { numeric, categorical } = plan
  const n = rows.length
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) keys[i] = (rows[i] as number) * n + i
  keys.sort()
  for (let k = 0; k < n; k++) {
    const i = (keys[k] as number) % n
    const row = rows[i] as number
    let at = i * width
    let flags = at + numeric.length
    for (const p of numeric) {
      let v = read(p, row)
      if (v !== v) {
        if (p.indicator) out[flags] = 1
        v = p.impute === null ? p.center : p.fill
      }
      out[at++] = (v - p.center) / p.scale
      if (p.indicator) flags++
    }
    at = flags
    for (const p of categorical) {
      let code = p.codes[row] as number
      if (code < 0) code = p.fill
      const slot = code < 0 ? -1 : (p.slots[code] as number)
      if (slot >= 0) out[at + slot] = 1
      at += p.width
    }
  }
  return out
}
