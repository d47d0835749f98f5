import type { Column, Table } from '../core/table/table'

/**
 * Categories cross the thread boundary as one joined string when there are many: structured
 * cloning a million short strings one by one (an id column) costs seconds on each side, while one
 * long string is a copy and a split. A category holding the separator keeps the plain list.
 */
const PACK_FROM = 10_000
const SEPARATOR = '\u0000'

export interface PackedColumn {
  readonly name: string
  readonly kind: 'categorical'
  readonly codes: Int32Array
  readonly packed: { readonly joined: string; readonly count: number }
}

export type WireColumn = Column | PackedColumn
export interface WireTable {
  readonly columns: readonly WireColumn[]
  readonly rowCount: number
}

export function packTable(table: Table): WireTable {
  const columns = table.columns.map((column): WireColumn => {
    if (column.kind !== 'categorical' || column.categories.length < PACK_FROM) return column
    const joined = column.categories.join(SEPARATOR)
    const count = column.categories.length
    // a separator inside a category would split it: count the pieces before trusting the join
    if (joined.split(SEPARATOR, count + 1).length !== count) return column
    return {
      name: column.name,
      kind: 'categorical',
      codes: column.codes,
      packed: { joined, count },
    }
  })
  return { columns, rowCount: table.rowCount }
}

export function unpackTable(wire: WireTable): Table {
  const columns = wire.columns.map((column): Column =>
    'packed' in column
      ? {
          name: column.name,
          kind: 'categorical',
          codes: column.codes,
          categories: column.packed.joined.split(SEPARATOR),
        }
      : column,
  )
  return { columns, rowCount: wire.rowCount }
}
