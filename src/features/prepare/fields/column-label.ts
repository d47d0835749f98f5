import type { ColumnAtStep } from '../columns-at-step'

/** "Amount · numeric": the name with what the steps before have made of it. */
export function columnLabel(column: ColumnAtStep): string {
  return `${column.name} · ${column.type ?? (column.kind === 'numeric' ? 'number' : 'category')}`
}
