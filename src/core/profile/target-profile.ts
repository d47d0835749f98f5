import { detectTask } from '../recipe/task'
import type { ColumnTypeInfo } from '../table/column-type'
import type { Column, Table } from '../table/table'
import { formatShare } from './profile-format'
import type {
  ClassShare,
  ColumnProfile,
  ProfileWarning,
  TableProfile,
  TargetProfile,
} from './profile-types'

/** |r| (or correlation ratio η) at or above this and a column nearly equals the target. */
export const LEAKAGE_CORRELATION = 0.95
/** Share of rows whose class a column's value alone gets right. */
export const LEAKAGE_PURITY = 0.98
/** Columns with more values than this are not judged by purity (an id is pure by accident). */
const MAX_LEAK_CATEGORIES = 50
/** A class below this share of rows is worth a warning. */
const MINORITY_SHARE = 0.1

/**
 * The target's balance and the columns that give it away. Light (one pass per column), so it
 * runs on the main thread whenever the analyst picks a target.
 */
export function targetProfile(
  table: Table,
  types: readonly ColumnTypeInfo[],
  profile: TableProfile,
  target: string,
): TargetProfile | null {
  const index = table.columns.findIndex((c) => c.name === target)
  const column = table.columns[index]
  const columnProfile = profile.columns[index]
  if (!column || !columnProfile) return null
  const task = detectTask(column).task
  const labels = task === 'binary' || task === 'multiclass' ? classLabels(column) : null
  const classes = labels ? classShares(labels) : undefined
  const warnings: ProfileWarning[] = []
  if (classes) warnings.push(...imbalanceWarnings(target, classes))
  table.columns.forEach((feature, i) => {
    const featureProfile = profile.columns[i]
    if (i === index || !featureProfile || types[i]?.type === 'constant') return
    const leak = labels
      ? classLeak(feature, featureProfile, labels)
      : column.kind === 'numeric' && task === 'regression'
        ? valueLeak(feature, featureProfile, column.values)
        : null
    if (leak) warnings.push(leakageWarning(feature.name, target, leak))
  })
  return { target, task, column: columnProfile, warnings, ...(classes && { classes }) }
}

interface Labels {
  readonly codes: Int32Array
  readonly names: readonly string[]
}

/** The target as class codes per row (−1 missing), whatever its storage. */
function classLabels(column: Column): Labels {
  if (column.kind === 'categorical') return { codes: column.codes, names: column.categories }
  const codes = new Int32Array(column.values.length)
  const index = new Map<number, number>()
  const names: string[] = []
  column.values.forEach((v, i) => {
    if (Number.isNaN(v)) {
      codes[i] = -1
      return
    }
    let code = index.get(v)
    if (code === undefined) {
      code = names.length
      index.set(v, code)
      names.push(String(v))
    }
    codes[i] = code
  })
  return { codes, names }
}

function classShares({ codes, names }: Labels): ClassShare[] {
  const counts = new Array<number>(names.length).fill(0)
  let present = 0
  for (const code of codes) {
    if (code < 0) continue
    counts[code] = (counts[code] as number) + 1
    present++
  }
  return names
    .map((label, i) => ({
      label,
      count: counts[i] as number,
      share: (counts[i] as number) / present,
    }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
}

function imbalanceWarnings(target: string, classes: readonly ClassShare[]): ProfileWarning[] {
  const rare = classes.filter((c) => c.share < MINORITY_SHARE)
  if (rare.length === 0) return []
  return [
    {
      kind: 'imbalance',
      columns: [target],
      message: `Imbalanced target: ${rare.map((c) => `"${c.label}" is ${formatShare(c.share)} of rows`).join(', ')}.`,
      advice:
        'Accuracy can look good while the model ignores the rare class: keep the split stratified and judge by recall, precision or AUC.',
      severity: 'warning',
    },
  ]
}

type Leak =
  | { readonly measure: 'r' | 'eta'; readonly value: number }
  | {
      readonly measure: 'purity'
      readonly value: number
      readonly majority: number
    }

function leakageWarning(feature: string, target: string, leak: Leak): ProfileWarning {
  const finding =
    leak.measure === 'purity'
      ? `its value alone gives the right "${target}" for ${formatShare(leak.value)} of rows (the most frequent class alone: ${formatShare(leak.majority)})`
      : leak.measure === 'r'
        ? `r = ${leak.value.toFixed(3)} with "${target}"`
        : `its values and "${target}" move together almost exactly (correlation ratio ${leak.value.toFixed(3)})`
  return {
    kind: 'leakage',
    columns: [feature, target],
    message: `Possible leakage: "${feature}" nearly equals the target — ${finding}.`,
    advice:
      'Check that it is known before the outcome. If it is recorded later or derived from the target, leave it out: the model would look perfect in testing and fail in use.',
    severity: 'warning',
  }
}

/** A feature against class labels: purity for few-valued columns, η for quantities. */
function classLeak(feature: Column, profile: ColumnProfile, labels: Labels): Leak | null {
  const groups = featureGroups(feature, profile)
  if (groups) {
    const { purity, majority } = groupPurity(groups, labels)
    const gain = majority < 1 ? (purity - majority) / (1 - majority) : 0
    return purity >= LEAKAGE_PURITY && gain >= 0.9
      ? { measure: 'purity', value: purity, majority }
      : null
  }
  if (feature.kind !== 'numeric') return null
  const eta = correlationRatio(feature.values, labels.codes, labels.names.length)
  return eta >= LEAKAGE_CORRELATION ? { measure: 'eta', value: eta } : null
}

/** A feature against a numeric target: Pearson r for numbers, η for few-valued columns. */
function valueLeak(feature: Column, profile: ColumnProfile, target: Float64Array): Leak | null {
  const groups = featureGroups(feature, profile)
  if (groups) {
    const eta = correlationRatio(target, groups.codes, groups.count)
    return eta >= LEAKAGE_CORRELATION ? { measure: 'eta', value: eta } : null
  }
  if (feature.kind !== 'numeric') return null
  const r = pearson(feature.values, target)
  return Math.abs(r) >= LEAKAGE_CORRELATION ? { measure: 'r', value: r } : null
}

interface Groups {
  readonly codes: ArrayLike<number>
  readonly count: number
}

/** Few-valued columns as group codes per row; null when the column has too many values. */
function featureGroups(feature: Column, profile: ColumnProfile): Groups | null {
  const present = feature.kind === 'numeric' ? feature.values.length : feature.codes.length
  if (profile.distinct > MAX_LEAK_CATEGORIES || profile.distinct > (present - profile.missing) / 5)
    return null
  if (feature.kind === 'categorical')
    return { codes: feature.codes, count: feature.categories.length }
  const min = profile.numeric?.min ?? 0
  const codes = new Int32Array(feature.values.length)
  if (profile.histogram?.discrete) {
    feature.values.forEach((v, i) => (codes[i] = Number.isNaN(v) ? -1 : v - min))
    return { codes, count: profile.histogram.counts.length }
  }
  const index = new Map<number, number>()
  feature.values.forEach((v, i) => {
    if (Number.isNaN(v)) {
      codes[i] = -1
      return
    }
    let code = index.get(v)
    if (code === undefined) index.set(v, (code = index.size))
    codes[i] = code
  })
  return { codes, count: index.size }
}

/** Share of rows a group's most frequent class gets right, against the overall majority. */
function groupPurity(groups: Groups, labels: Labels): { purity: number; majority: number } {
  const k = labels.names.length
  const table = new Int32Array(groups.count * k)
  const classTotals = new Int32Array(k)
  let n = 0
  for (let i = 0; i < labels.codes.length; i++) {
    const g = groups.codes[i] as number
    const c = labels.codes[i] as number
    if (g < 0 || c < 0) continue
    table[g * k + c] = (table[g * k + c] as number) + 1
    classTotals[c] = (classTotals[c] as number) + 1
    n++
  }
  if (n === 0) return { purity: 0, majority: 1 }
  let right = 0
  for (let g = 0; g < groups.count; g++) right += Math.max(...table.subarray(g * k, g * k + k))
  return { purity: right / n, majority: Math.max(...classTotals) / n }
}

/** η = √(between-group / total sum of squares) of `values` grouped by `codes`. */
function correlationRatio(values: Float64Array, codes: ArrayLike<number>, groups: number): number {
  const sums = new Float64Array(groups)
  const counts = new Float64Array(groups)
  let n = 0
  let total = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    const g = codes[i] as number
    if (v !== v || g < 0) continue
    sums[g] = (sums[g] as number) + v
    counts[g] = (counts[g] as number) + 1
    total += v
    n++
  }
  if (n < 2) return 0
  const mean = total / n
  let ssTotal = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    if (v === v && (codes[i] as number) >= 0) ssTotal += (v - mean) * (v - mean)
  }
  let ssBetween = 0
  for (let g = 0; g < groups; g++) {
    const c = counts[g] as number
    if (c > 0) ssBetween += c * ((sums[g] as number) / c - mean) ** 2
  }
  return ssTotal > 0 ? Math.sqrt(Math.min(1, ssBetween / ssTotal)) : 0
}

function pearson(xs: Float64Array, ys: Float64Array): number {
  let n = 0
  let sx = 0
  let sy = 0
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number
    const y = ys[i] as number
    if (x !== x || y !== y) continue
    n++
    sx += x
    sy += y
  }
  if (n < 2) return 0
  const mx = sx / n
  const my = sy / n
  let cxy = 0
  let cxx = 0
  let cyy = 0
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx
    const dy = (ys[i] as number) - my
    if (dx !== dx || dy !== dy) continue
    cxy += dx * dy
    cxx += dx * dx
    cyy += dy * dy
  }
  return cxx > 0 && cyy > 0 ? cxy / Math.sqrt(cxx * cyy) : 0
}
