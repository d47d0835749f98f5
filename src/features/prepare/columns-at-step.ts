import type { StepReport } from '../../core/recipe/pipeline/prepare-data'
import type { Step } from '../../core/recipe/step-schema'
import type { ColumnType } from '../../core/table/column-type'
import type { ColumnKind, Table } from '../../core/table/table'

/** A column as a step's editor offers it: what the steps before it left in the table. */
export interface ColumnAtStep {
  readonly name: string
  readonly kind: ColumnKind
  /** The Data step's type for raw columns; null for columns a step made. */
  readonly type: ColumnType | null
  /** Categories of a raw categorical column (for value pickers); empty otherwise. */
  readonly categories: readonly string[]
}

export function rawColumns(table: Table, types: readonly { type: ColumnType }[]): ColumnAtStep[] {
  return table.columns.map((c, i) => ({
    name: c.name,
    kind: c.kind,
    type: types[i]?.type ?? null,
    categories: c.kind === 'categorical' ? c.categories : [],
  }))
}

function castKind(to: 'numeric' | 'categorical' | 'datetime'): ColumnKind {
  return to === 'categorical' ? 'categorical' : 'numeric'
}

/**
 * The columns each step sees, in recipe order, replayed from what the plan reports each step
 * did. A step that did not run (switched off, failed, or after a failure) changes nothing, so
 * the steps after it are offered the last columns known.
 */
export function columnsBeforeSteps(
  raw: readonly ColumnAtStep[],
  steps: readonly Step[],
  reports: readonly StepReport[],
): ColumnAtStep[][] {
  const byId = new Map(reports.map((r) => [r.stepId, r]))
  const out: ColumnAtStep[][] = []
  let current = [...raw]
  for (const step of steps) {
    out.push(current)
    const report = step.enabled ? byId.get(step.id) : undefined
    if (!report) continue
    const removed = new Set(report.removedColumns)
    const changed = new Set(report.changedColumns)
    const added: ColumnAtStep[] = report.addedColumns.map((name) => ({
      name,
      kind: 'numeric',
      type: null,
      categories: [],
    }))
    // New columns take the place of the first removed one, as encoders splice them in.
    const at = current.findIndex((c) => removed.has(c.name))
    const next: ColumnAtStep[] = []
    current.forEach((column, i) => {
      if (i === at) next.push(...added)
      if (removed.has(column.name)) return
      if (step.op === 'cast' && step.column === column.name && changed.has(column.name)) {
        next.push({ ...column, kind: castKind(step.to), type: step.to, categories: [] })
      } else next.push(column)
    })
    if (at < 0) next.push(...added)
    current = next
  }
  return out
}
