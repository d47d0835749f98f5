import type { Table } from '../../table/table'
import type { Predictor } from './predictor'
import { filledColumn, takeRows, withColumn, type CellValue } from './table-rows'

export interface ReasonCode {
  readonly column: string
  /** The row's own value of the column. */
  readonly value: CellValue
  /** The typical value it was compared with. */
  readonly typical: CellValue
  /** The row's output minus its output with this column at the typical value. */
  readonly effect: number
}

/**
 * Why one row got its prediction, by occlusion: each raw column in turn is set to its typical
 * value (median or most frequent category) and the row is scored again; the difference is what
 * the row's own value of that column adds. One batch of 1 + columns rows, so it is exact for the
 * model and cheap. Columns whose value is already the typical one add nothing and are left out.
 * `output` picks the output read (the positive class's probability, a class's probability, or
 * the predicted value).
 */
export async function reasonCodes(options: {
  readonly table: Table
  readonly row: number
  readonly columns: readonly string[]
  readonly typical: ReadonlyMap<string, CellValue>
  readonly predict: Predictor
  readonly width: number
  readonly output: number
}): Promise<{ prediction: number; reasons: ReasonCode[] }> {
  const { table, row, columns, typical, predict, width, output } = options
  const one = takeRows(table, [row])
  const copies = takeRows(table, new Int32Array(columns.length + 1).fill(row))
  let probe = copies
  const values: CellValue[] = []
  for (const [i, name] of columns.entries()) {
    const column = one.columns.find((c) => c.name === name)
    if (!column) throw new Error(`The column "${name}" is not in the data.`)
    const own =
      column.kind === 'numeric'
        ? (column.values[0] ?? null)
        : (column.categories[column.codes[0] ?? -1] ?? null)
    values.push(own === null || (typeof own === 'number' && Number.isNaN(own)) ? null : own)
    // Row i + 1 of the batch has this one column at its typical value.
    const current = probe.columns.find((c) => c.name === name) ?? column
    const typicalColumn = filledColumn(current, 1, typical.get(name) ?? null)
    const merged = mergeCell(current, typicalColumn, i + 1)
    probe = withColumn(probe, merged)
  }
  const outputs = await predict(probe)
  const prediction = outputs[output] as number
  const reasons: ReasonCode[] = []
  for (const [i, name] of columns.entries()) {
    const value = values[i] ?? null
    const usual = typical.get(name) ?? null
    if (value === usual) continue
    const effect = prediction - (outputs[(i + 1) * width + output] as number)
    if (Number.isFinite(effect)) reasons.push({ column: name, value, typical: usual, effect })
  }
  reasons.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
  return { prediction, reasons }
}

/** `column` with the cell at `row` taken from the one-cell `cell` (same name, maybe more categories). */
function mergeCell(
  column: ReturnType<typeof filledColumn>,
  cell: ReturnType<typeof filledColumn>,
  row: number,
): ReturnType<typeof filledColumn> {
  if (column.kind === 'numeric' && cell.kind === 'numeric') {
    const values = Float64Array.from(column.values)
    values[row] = cell.values[0] as number
    return { ...column, values }
  }
  if (column.kind === 'categorical' && cell.kind === 'categorical') {
    const codes = Int32Array.from(column.codes)
    codes[row] = cell.codes[0] as number
    return { ...column, categories: cell.categories, codes }
  }
  throw new Error(`The column "${column.name}" changed kind.`)
}
