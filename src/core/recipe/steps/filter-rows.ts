import { formatValue } from '../../table/infer-types'
import { cellLabel, findColumn, type Column, type Table } from '../../table/table'
import type { StepImpl } from '../pipeline/step-impl'
import type { FilterCondition, StepOf } from '../step-schema'

type FilterStep = StepOf<'filter-rows'>

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ')

/** The bounds as a person writes them: "18 … 99", "at least 18", "at most 99". */
function rangeText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${formatValue(min)} … ${formatValue(max)}`
  if (min !== null) return `at least ${formatValue(min)}`
  if (max !== null) return `at most ${formatValue(max)}`
  return 'any value'
}

/** The filtered column, checked against the condition so the analyst learns what to change. */
function filteredColumn(step: FilterStep, table: Table): Column {
  const column = findColumn(table, step.column)
  const condition = step.condition
  if (condition.kind !== 'range') return column
  if (column.kind !== 'numeric') {
    throw new Error(
      `"${step.column}" holds categories, so it cannot be filtered by a range. Keep or remove chosen categories with "is one of" instead, or cast it to numbers first.`,
    )
  }
  if (condition.min !== null && condition.max !== null && condition.min > condition.max) {
    throw new Error(
      `The range on "${step.column}" runs from ${formatValue(condition.min)} down to ${formatValue(condition.max)}, so no row could pass. Swap the minimum and the maximum.`,
    )
  }
  return column
}

/** 1 where a row passes the condition, for every row of the table. */
function passes(column: Column, condition: FilterCondition, rowCount: number): Uint8Array {
  const pass = new Uint8Array(rowCount)
  if (condition.kind === 'range') {
    if (column.kind !== 'numeric') return pass
    const min = condition.min ?? Number.NEGATIVE_INFINITY
    const max = condition.max ?? Number.POSITIVE_INFINITY
    // NaN fails both comparisons, so missing values fail the range.
    column.values.forEach((v, row) => {
      pass[row] = v >= min && v <= max ? 1 : 0
    })
    return pass
  }
  if (condition.kind === 'missing') {
    for (let row = 0; row < rowCount; row++) {
      const missing = cellLabel(column, row) === null
      pass[row] = missing === condition.keep ? 1 : 0
    }
    return pass
  }
  const wanted = new Set(condition.values)
  if (column.kind === 'categorical') {
    // Decide once per category, not once per row.
    const inSet = column.categories.map((label) => wanted.has(label))
    column.codes.forEach((code, row) => {
      const found = code >= 0 && inSet[code] === true
      pass[row] = found === condition.keep ? 1 : 0
    })
    return pass
  }
  // Numbers are compared by their printed label, as the analyst picked them from a list.
  const decided = new Map<number, boolean>()
  column.values.forEach((v, row) => {
    let found = decided.get(v)
    if (found === undefined) {
      found = v === v && wanted.has(String(v))
      decided.set(v, found)
    }
    pass[row] = found === condition.keep ? 1 : 0
  })
  return pass
}

/** Why a row did not pass, as the predict page shows it next to the row. */
function failReason(step: FilterStep): string {
  const name = `"${step.column}"`
  const c = step.condition
  if (c.kind === 'range') {
    if (c.min !== null && c.max !== null)
      return `${name} is outside ${formatValue(c.min)} … ${formatValue(c.max)} or missing.`
    if (c.min !== null) return `${name} is below ${formatValue(c.min)} or missing.`
    if (c.max !== null) return `${name} is above ${formatValue(c.max)} or missing.`
    return `${name} is missing.`
  }
  if (c.kind === 'missing') return c.keep ? `${name} has a value.` : `${name} is missing.`
  return c.keep
    ? `${name} is not one of ${quoted(c.values)}.`
    : `${name} is one of ${quoted(c.values)}.`
}

/**
 * Keeps the rows that meet a condition on one column. Which rows belong in the data is a
 * population choice, not a statistic, so rows fail the same way in every part.
 */
export const filterRowsStep: StepImpl<'filter-rows'> = {
  fit(step, table) {
    filteredColumn(step, table)
    return step
  },
  apply(step, table) {
    const pass = passes(filteredColumn(step, table), step.condition, table.rowCount)
    const remove = pass.map((p) => 1 - p)
    return { table, remove, removeFrom: 'all', removeReason: failReason(step) }
  },
  describe(step) {
    const c = step.condition
    if (c.kind === 'range') return `Keep rows with ${step.column} ${rangeText(c.min, c.max)}`
    if (c.kind === 'missing')
      return c.keep
        ? `Keep only rows with ${step.column} missing`
        : `Drop rows with ${step.column} missing`
    return `${c.keep ? 'Keep' : 'Drop'} rows with ${step.column} one of ${c.values.join(', ')}`
  },
  reads: (step) => [step.column],
}
