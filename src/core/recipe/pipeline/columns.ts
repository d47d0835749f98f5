import { numbersAsCategories } from '../../table/numbers-as-categories'
import {
  findColumn,
  MISSING_CODE,
  type CategoricalColumn,
  type Column,
  type NumericColumn,
  type Table,
} from '../../table/table'

/** The named column, which must hold numbers for this step ("scaled", "clipped"…). */
export function numericInput(table: Table, name: string, doing: string): NumericColumn {
  const column = findColumn(table, name)
  // A column with no value at all is read as categories; it is an empty number column too.
  if (column.kind === 'categorical' && column.codes.every((c) => c === MISSING_CODE)) {
    return { name, kind: 'numeric', values: new Float64Array(column.codes.length).fill(Number.NaN) }
  }
  if (column.kind !== 'numeric') {
    throw new Error(
      `"${name}" holds categories, so it cannot be ${doing}. Encode it first (one-hot, ordinal or frequency) or choose a numeric column.`,
    )
  }
  return column
}

export { numbersAsCategories }

/** The named column as categories; numbers (codes such as 1/2/3) are read as their labels. */
export function categoricalInput(table: Table, name: string): CategoricalColumn {
  const column = findColumn(table, name)
  return column.kind === 'categorical' ? column : numbersAsCategories(column)
}

/** The table with `name` replaced, in place, by `replacement` (zero, one or many columns). */
export function spliceColumn(table: Table, name: string, replacement: readonly Column[]): Table {
  const at = table.columns.findIndex((c) => c.name === name)
  if (at < 0) throw new Error(`The data has no column named "${name}".`)
  const clash = replacement.find(
    (c) => c.name !== name && table.columns.some((other) => other.name === c.name),
  )
  if (clash) {
    throw new Error(
      `A column named "${clash.name}" already exists. Rename or drop it before this step.`,
    )
  }
  const columns = [...table.columns]
  columns.splice(at, 1, ...replacement)
  return { columns, rowCount: table.rowCount }
}

/** The table with columns of the same name replaced and new ones appended. */
export function withColumns(table: Table, replacements: readonly Column[]): Table {
  const byName = new Map(replacements.map((c) => [c.name, c]))
  const columns = table.columns.map((c) => byName.get(c.name) ?? c)
  for (const c of replacements) if (!table.columns.some((o) => o.name === c.name)) columns.push(c)
  return { columns, rowCount: table.rowCount }
}

/** The table without the named columns. */
export function withoutColumns(table: Table, names: readonly string[]): Table {
  const drop = new Set(names)
  return { columns: table.columns.filter((c) => !drop.has(c.name)), rowCount: table.rowCount }
}

/** The refusal a step gives when asked to turn the target into an input. */
export function refuseTarget(columns: readonly string[], target: string, doing: string): void {
  if (columns.includes(target)) {
    throw new Error(
      `"${target}" is the target, so it cannot be ${doing}: the model would be given the answer. Remove it from this step.`,
    )
  }
}
