/**
 * The columnar table every step works on. Numbers live in Float64Arrays (NaN = missing) and
 * categories are dictionary-encoded into Int32Arrays (-1 = missing), so a table moves between
 * threads as a handful of transferable buffers instead of millions of row objects.
 */
export interface NumericColumn {
  readonly name: string
  readonly kind: 'numeric'
  readonly values: Float64Array
}

export interface CategoricalColumn {
  readonly name: string
  readonly kind: 'categorical'
  readonly codes: Int32Array
  readonly categories: readonly string[]
}

export type Column = NumericColumn | CategoricalColumn
export type ColumnKind = Column['kind']

export interface Table {
  readonly columns: readonly Column[]
  readonly rowCount: number
}

export const MISSING_CODE = -1

export function findColumn(table: Table, name: string): Column {
  const column = table.columns.find((c) => c.name === name)
  if (!column) throw new Error(`The data has no column named "${name}".`)
  return column
}

/** The raw cell as a person would read it: a number, a category, or null when missing. */
export function cellValue(column: Column, row: number): number | string | null {
  if (column.kind === 'numeric') {
    const v = column.values[row] ?? Number.NaN
    return Number.isNaN(v) ? null : v
  }
  const code = column.codes[row] ?? MISSING_CODE
  return code === MISSING_CODE ? null : (column.categories[code] ?? null)
}

/** The cell as text (class labels, categories), or null when missing: 1 and "1" read alike. */
export function cellLabel(column: Column, row: number): string | null {
  const value = cellValue(column, row)
  return value === null ? null : String(value)
}

/** Rows of the table as plain records, for previews and for scoring raw rows elsewhere. */
export function tableRecords(
  table: Table,
  rows: ArrayLike<number>,
): Record<string, number | string | null>[] {
  const records: Record<string, number | string | null>[] = []
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number
    // fromEntries defines own properties, so a column named __proto__ stays a column.
    records.push(Object.fromEntries(table.columns.map((c) => [c.name, cellValue(c, row)])))
  }
  return records
}

/** Counts of each category (categorical) or distinct value (numeric), missing cells left out. */
export function distinctCount(column: Column): number {
  if (column.kind === 'categorical') {
    const seen = new Uint8Array(column.categories.length)
    let count = 0
    for (const code of column.codes) {
      if (code !== MISSING_CODE && seen[code] === 0) {
        seen[code] = 1
        count++
      }
    }
    return count
  }
  const seen = new Set<number>()
  for (const v of column.values) if (!Number.isNaN(v)) seen.add(v)
  return seen.size
}

export function missingCount(column: Column): number {
  let count = 0
  if (column.kind === 'numeric') {
    for (const v of column.values) if (Number.isNaN(v)) count++
  } else {
    for (const code of column.codes) if (code === MISSING_CODE) count++
  }
  return count
}
