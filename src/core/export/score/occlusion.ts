import type { ReasonCode } from '../../evaluate/explain/reason-codes'
import { takeRows, type CellValue } from '../../evaluate/explain/table-rows'
import { cellValue, type Column, type Table } from '../../table/table'
import type { InputColumn } from '../input-schema'

/**
 * The occlusion probes for rows `from`..`to` of `table`: for each input column in turn, every
 * row again with that one column at its typical value. Block `c` (rows c × n … (c + 1) × n − 1)
 * has column `c` replaced; the same probes `reasonCodes` scores one row at a time, built for a
 * whole chunk so that one model call explains hundreds of rows.
 */
export function occlusionProbes(
  table: Table,
  from: number,
  to: number,
  schema: readonly InputColumn[],
): Table {
  const n = to - from
  const indices = new Int32Array(n * schema.length)
  for (let c = 0; c < schema.length; c++) for (let i = 0; i < n; i++) indices[c * n + i] = from + i
  const probes = takeRows(table, indices)
  const at = new Map(schema.map((input, c) => [input.name, c]))
  return {
    rowCount: probes.rowCount,
    columns: probes.columns.map((column) => {
      const c = at.get(column.name)
      const input = c === undefined ? undefined : schema[c]
      return input && c !== undefined ? typicalBlock(column, c * n, n, input.typical) : column
    }),
  }
}

/** `column` (a fresh copy) with cells `start`..`start + n` set to `typical`. */
function typicalBlock(column: Column, start: number, n: number, typical: CellValue): Column {
  if (column.kind === 'numeric') {
    const value = typical === null ? Number.NaN : Number(typical)
    column.values.fill(value, start, start + n)
    return column
  }
  if (typical === null) {
    column.codes.fill(-1, start, start + n)
    return column
  }
  const label = String(typical)
  const known = column.categories.indexOf(label)
  // A scored file may lack the typical category: it is added, as `filledColumn` adds it.
  const categories = known >= 0 ? column.categories : [...column.categories, label]
  column.codes.fill(known >= 0 ? known : categories.length - 1, start, start + n)
  return { ...column, categories }
}

/**
 * Reason codes of rows `from`..`to` from their outputs and their probes' outputs, strongest
 * first, at most `keep` per row; a column whose value is already the typical one adds nothing
 * and is left out, as in `reasonCodes`.
 */
export function reasonsFromProbes(options: {
  readonly table: Table
  readonly from: number
  readonly to: number
  readonly schema: readonly InputColumn[]
  /** Outputs of every row of the table, `width` per row. */
  readonly outputs: ArrayLike<number>
  readonly probeOutputs: ArrayLike<number>
  readonly width: number
  /** Which output of row `row` is explained. */
  readonly outputOf: (row: number) => number
  readonly keep: number
}): ReasonCode[][] {
  const { table, from, to, schema, outputs, probeOutputs, width, outputOf, keep } = options
  const n = to - from
  const columns = schema.map((input) => table.columns.find((c) => c.name === input.name))
  const all: ReasonCode[][] = []
  for (let i = 0; i < n; i++) {
    const row = from + i
    const output = outputOf(row)
    const prediction = outputs[row * width + output] as number
    const reasons: ReasonCode[] = []
    if (Number.isFinite(prediction)) {
      schema.forEach((input, c) => {
        const column = columns[c]
        const value = column ? cellValue(column, row) : null
        if (value === input.typical) return
        const effect = prediction - (probeOutputs[(c * n + i) * width + output] as number)
        if (Number.isFinite(effect))
          reasons.push({ column: input.name, value, typical: input.typical, effect })
      })
    }
    reasons.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    all.push(reasons.slice(0, keep))
  }
  return all
}
