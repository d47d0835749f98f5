import { findColumn, MISSING_CODE, type Table } from '../../table/table'
import type { Predictor } from './predictor'
import { filledColumn, withColumn, type CellValue } from './table-rows'

export interface DependencePoint {
  readonly value: CellValue
  /** The mean output over the rows with the column set to `value`. */
  readonly mean: number
  /** The output of each of the first `iceRows` rows at this value (individual curves). */
  readonly ice: readonly number[]
}

/** Grid points: up to `count` distinct quantiles of a numeric column, or every category seen. */
export function dependenceGrid(rows: Table, name: string, count = 20): CellValue[] {
  const column = findColumn(rows, name)
  if (column.kind === 'categorical') {
    const seen = new Set<number>()
    for (const code of column.codes) if (code !== MISSING_CODE) seen.add(code)
    return [...seen].sort((a, b) => a - b).map((code) => column.categories[code] ?? null)
  }
  const sorted = Float64Array.from(column.values.filter((v) => !Number.isNaN(v))).sort()
  if (sorted.length === 0) return []
  const grid = new Set<number>()
  // From the 5th to the 95th percentile, as scikit-learn's partial_dependence does by default:
  // the extremes have too few rows to say anything.
  for (let i = 0; i < count; i++) {
    const q = 0.05 + (0.9 * i) / Math.max(1, count - 1)
    grid.add(sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] as number)
  }
  return [...grid].sort((a, b) => a - b)
}

/**
 * Partial dependence of output `output` on one raw column: for each grid value, every row gets
 * that value and the outputs are averaged (scikit-learn's "brute" method). The first `iceRows`
 * rows' own curves come with it.
 */
export async function partialDependence(options: {
  readonly rows: Table
  readonly column: string
  readonly grid: readonly CellValue[]
  readonly predict: Predictor
  readonly width: number
  readonly output: number
  readonly iceRows?: number
  readonly onProgress?: (done: number, total: number) => void
  readonly shouldStop?: () => boolean
}): Promise<DependencePoint[] | null> {
  const { rows, grid, predict, width, output, iceRows = 10 } = options
  const column = findColumn(rows, options.column)
  const points: DependencePoint[] = []
  for (const [g, value] of grid.entries()) {
    if (options.shouldStop?.()) return null
    const outputs = await predict(withColumn(rows, filledColumn(column, rows.rowCount, value)))
    let sum = 0
    let n = 0
    const ice: number[] = []
    for (let i = 0; i < rows.rowCount; i++) {
      const v = outputs[i * width + output] as number
      if (i < iceRows) ice.push(v)
      if (Number.isFinite(v)) {
        sum += v
        n++
      }
    }
    points.push({ value, mean: n > 0 ? sum / n : Number.NaN, ice })
    options.onProgress?.(g + 1, grid.length)
  }
  return points
}
