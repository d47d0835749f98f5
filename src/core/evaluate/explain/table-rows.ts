import { findColumn, MISSING_CODE, type Column, type Table } from '../../table/table'

/** The rows of `table` at `rows`, in that order: a table of its own. */
export function takeRows(table: Table, rows: ArrayLike<number>): Table {
  return { rowCount: rows.length, columns: table.columns.map((c) => gather(c, rows)) }
}

/** The column's cells at `rows`, in that order. */
export function gather(column: Column, rows: ArrayLike<number>): Column {
  if (column.kind === 'numeric') {
    const values = new Float64Array(rows.length)
    for (let i = 0; i < rows.length; i++) values[i] = column.values[rows[i] as number] as number
    return { ...column, values }
  }
  const codes = new Int32Array(rows.length)
  for (let i = 0; i < rows.length; i++) codes[i] = column.codes[rows[i] as number] as number
  return { ...column, codes }
}

/** The table with one column swapped for another of the same name. */
export function withColumn(table: Table, column: Column): Table {
  return { ...table, columns: table.columns.map((c) => (c.name === column.name ? column : c)) }
}

/** A cell value as a column holds it: a number, a category, or missing (null). */
export type CellValue = number | string | null

/** The column with every cell set to `value` (a category the column lacks is added to it). */
export function filledColumn(column: Column, rowCount: number, value: CellValue): Column {
  if (column.kind === 'numeric') {
    return {
      ...column,
      values: new Float64Array(rowCount).fill(value === null ? NaN : Number(value)),
    }
  }
  if (value === null) return { ...column, codes: new Int32Array(rowCount).fill(MISSING_CODE) }
  const label = String(value)
  const at = column.categories.indexOf(label)
  const categories = at >= 0 ? column.categories : [...column.categories, label]
  return {
    ...column,
    categories,
    codes: new Int32Array(rowCount).fill(at >= 0 ? at : categories.length - 1),
  }
}

/** A column's typical value: the median of a numeric column, the most frequent category. */
export function typicalValue(table: Table, name: string): CellValue {
  const column = findColumn(table, name)
  if (column.kind === 'numeric') {
    const sorted = Float64Array.from(column.values.filter((v) => !Number.isNaN(v))).sort()
    if (sorted.length === 0) return null
    const mid = sorted.length >> 1
    return sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  }
  const counts = new Int32Array(column.categories.length)
  for (const code of column.codes) if (code !== MISSING_CODE) counts[code] = (counts[code] ?? 0) + 1
  let best = -1
  counts.forEach((n, k) => {
    if (best < 0 || n > (counts[best] as number)) best = k
  })
  return best < 0 ? null : (column.categories[best] ?? null)
}
