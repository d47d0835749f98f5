import type { StepOf } from '../../../core/recipe/step-schema'
import type { ColumnAtStep } from '../columns-at-step'
import type { TableOp } from '../step-catalogue'

export interface StepFormProps<O extends TableOp> {
  readonly step: StepOf<O>
  /** The table's columns where this step runs, target included. */
  readonly columns: readonly ColumnAtStep[]
  readonly target: string
  /** The edited step; the editor checks it against the schema before it reaches the recipe. */
  readonly onChange: (step: StepOf<O>) => void
}

export function inputColumns(columns: readonly ColumnAtStep[], target: string): ColumnAtStep[] {
  return columns.filter((c) => c.name !== target)
}

/** Numbers that are not dates: what scaling, logs and outlier bounds make sense on. */
export function numericColumns(columns: readonly ColumnAtStep[], target: string): ColumnAtStep[] {
  return inputColumns(columns, target).filter((c) => c.kind === 'numeric' && c.type !== 'datetime')
}

export function categoricalColumns(
  columns: readonly ColumnAtStep[],
  target: string,
): ColumnAtStep[] {
  return inputColumns(columns, target).filter((c) => c.kind === 'categorical')
}

/** Options for a NativeSelect from value → label pairs. */
export function options<T extends string>(labels: Record<T, string>) {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }))
}
