import { cellLabel, MISSING_CODE, type Column } from '../../table/table'
import type { TargetSpec } from '../recipe-schema'
import { detectTask } from '../task'

/** Labels that name the event of interest; otherwise the rarer class is the positive one. */
const POSITIVE_LABELS = new Set(['yes', 'y', 'true', '1', 'positive', 'default', 'fraud', 'bad'])

export function classLabels(column: Column): string[] {
  if (column.kind === 'categorical') return [...column.categories].sort()
  const seen = new Set<number>()
  for (const v of column.values) if (!Number.isNaN(v)) seen.add(v)
  return [...seen].sort((a, b) => a - b).map(String)
}

/** Rows of each label, in the order given; labels not in the list are not counted. */
export function classCounts(column: Column, labels: readonly string[]): number[] {
  const index = new Map(labels.map((label, i) => [label, i]))
  const counts = labels.map(() => 0)
  if (column.kind === 'categorical') {
    // Count codes, then name them: no label string per row.
    const byCode = new Float64Array(column.categories.length)
    for (const code of column.codes)
      if (code !== MISSING_CODE) byCode[code] = (byCode[code] ?? 0) + 1
    column.categories.forEach((category, code) => {
      const at = index.get(category)
      if (at !== undefined) counts[at] = (counts[at] ?? 0) + (byCode[code] ?? 0)
    })
    return counts
  }
  for (let row = 0; row < column.values.length; row++) {
    const label = cellLabel(column, row)
    const at = label === null ? undefined : index.get(label)
    if (at !== undefined) counts[at] = (counts[at] ?? 0) + 1
  }
  return counts
}

/** The task and, for classification, the classes in output order (binary: negative, positive). */
export function proposeTarget(column: Column): TargetSpec {
  const { task, reason } = detectTask(column)
  if (task === null) throw new Error(reason)
  if (task === 'regression') return { column: column.name, task }
  const labels = classLabels(column)
  if (task === 'binary') {
    const named = labels.find((l) => POSITIVE_LABELS.has(l.toLowerCase()))
    const counts = classCounts(column, labels)
    const rarer = (counts[0] ?? 0) <= (counts[1] ?? 0) ? labels[0] : labels[1]
    const positive = named ?? rarer ?? labels[1] ?? ''
    return {
      column: column.name,
      task,
      classes: [labels.find((l) => l !== positive) ?? '', positive],
    }
  }
  return { column: column.name, task, classes: labels }
}
