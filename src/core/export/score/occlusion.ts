import type { ReasonCode } from '../../evaluate/explain/reason-codes'
import { takeRows, type CellValue } from '../../evaluate/explain/table-rows'
import { cellValue, type Column, type Table } from '../../table/table'
import type { InputColumn } from '../input-schema'

/**
 * The occlusion probes for rows `from`..`to` of `table`: for each row and each input column
 * whose value is not already the typical one, the row again with that one column at its typical
 * value. The same probes `reasonCodes` scores one row at a time, built for a whole chunk so that
 * one model call explains hundreds of rows; cells at their typical value add nothing and get no
 * probe (most one-hot cells are 0, as is the typical row), which saves most of the work.
 */
export interface OcclusionProbes {
  readonly table: Table
  /** Per probe: the row of `table` it copies and the schema index of the column it replaces. */
  readonly rows: Int32Array
  readonly columns: Int32Array
}

export function occlusionProbes(
  table: Table,
  from: number,
  to: number,
  schema: readonly InputColumn[],
): OcclusionProbes {
  const sources = schema.map((input) => table.columns.find((c) => c.name === input.name))
  const rows: number[] = []
  const columns: number[] = []
  const cellsOf: number[][] = schema.map(() => [])
  for (let row = from; row < to; row++)
    sources.forEach((column, c) => {
      if (column && cellValue(column, row) !== (schema[c]?.typical ?? null)) {
        cellsOf[c]?.push(rows.length)
        rows.push(row)
        columns.push(c)
      }
    })
  const probes = takeRows(table, rows)
  const at = new Map(schema.map((input, c) => [input.name, c]))
  return {
    rows: Int32Array.from(rows),
    columns: Int32Array.from(columns),
    table: {
      rowCount: probes.rowCount,
      columns: probes.columns.map((column) => {
        const c = at.get(column.name)
        const cells = c === undefined ? undefined : cellsOf[c]
        return c !== undefined && cells && cells.length > 0
          ? withTypical(column, cells, schema[c]?.typical ?? null)
          : column
      }),
    },
  }
}

/** `column` (a fresh copy from `takeRows`) with the cells at `cells` set to `typical`. */
function withTypical(column: Column, cells: readonly number[], typical: CellValue): Column {
  if (column.kind === 'numeric') {
    const value = typical === null ? Number.NaN : Number(typical)
    for (const p of cells) column.values[p] = value
    return column
  }
  const label = typical === null ? null : String(typical)
  const known = label === null ? -1 : column.categories.indexOf(label)
  // A scored file may lack the typical category: it is added, as `filledColumn` adds it.
  const categories =
    label === null || known >= 0 ? column.categories : [...column.categories, label]
  const code = label === null ? -1 : known >= 0 ? known : categories.length - 1
  for (const p of cells) column.codes[p] = code
  return { ...column, categories }
}

/**
 * Reason codes of rows `from`..`to` from their outputs and their probes' outputs, strongest
 * first, at most `keep` per row.
 */
export function reasonsFromProbes(options: {
  readonly table: Table
  readonly from: number
  readonly to: number
  readonly schema: readonly InputColumn[]
  readonly probes: OcclusionProbes
  /** Outputs of every row of the table, `width` per row. */
  readonly outputs: ArrayLike<number>
  readonly probeOutputs: ArrayLike<number>
  readonly width: number
  /** Which output of row `row` is explained. */
  readonly outputOf: (row: number) => number
  readonly keep: number
}): ReasonCode[][] {
  const { table, from, to, schema, probes, outputs, probeOutputs, width, outputOf, keep } = options
  const sources = schema.map((input) => table.columns.find((c) => c.name === input.name))
  const all: ReasonCode[][] = Array.from({ length: to - from }, () => [])
  for (let p = 0; p < probes.rows.length; p++) {
    const row = probes.rows[p] as number
    const c = probes.columns[p] as number
    const input = schema[c]
    const column = sources[c]
    if (!input || !column) continue
    const output = outputOf(row)
    const effect =
      (outputs[row * width + output] as number) - (probeOutputs[p * width + output] as number)
    if (Number.isFinite(effect))
      all[row - from]?.push({
        column: input.name,
        value: cellValue(column, row),
        typical: input.typical,
        effect,
      })
  }
  return all.map((reasons) =>
    reasons.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)).slice(0, keep),
  )
}
