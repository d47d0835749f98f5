import type { Recipe } from '../../recipe/recipe-schema'
import type { StepOf } from '../../recipe/step-schema'
import { findColumn, type Table } from '../../table/table'
import { regressionMetrics, type Metric } from '../metrics'
import type { TestSet } from '../test-set'

/** One forecast of the test period. */
export interface ForecastPoint {
  /** Row of the loaded table the forecast was made from (its inputs end there). */
  readonly row: number
  /**
   * Where the forecast value falls in time: the `orderBy` value (epoch ms for dates) of the row
   * `horizon` steps ahead, or the forecast's position in the test period without an `orderBy`.
   */
  readonly time: number
  readonly actual: number
  readonly forecast: number
  /** The last value known when the forecast was made: the target `horizon` steps earlier. */
  readonly naive: number
}

export interface ForecastSeries {
  readonly points: readonly ForecastPoint[]
  readonly horizon: number
  /** The column time is read from, or null (file order: `time` is 1, 2, 3…). */
  readonly orderBy: string | null
  readonly model: readonly Metric[]
  readonly naive: readonly Metric[]
}

/** The recipe's windows step, if it forecasts the target. */
export function windowsStepOf(recipe: Recipe): StepOf<'windows'> | null {
  if (recipe.target.task !== 'regression' || recipe.source.kind !== 'table') return null
  const step = recipe.steps.find((s): s is StepOf<'windows'> => s.enabled && s.op === 'windows')
  return step ?? null
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/**
 * The test period of a windows (forecasting) run in time order, beside the naive forecast every
 * forecaster must beat: "tomorrow is like today", the target's last known value when the forecast
 * was made. A windows row's inputs end at its own row and its target lies `horizon` rows ahead, so
 * that value is the raw target in the row itself.
 *
 * Time: a row's forecast falls where the test row `horizon` places later starts (the test rows of
 * a chronological split follow each other). For the last `horizon` forecasts, whose target rows
 * were held back for lack of their own future, the median step between test rows is added.
 *
 * Null when the run has no windows step or the target is not a number column of `table`.
 */
export function naiveForecast(
  recipe: Recipe,
  table: Table | null,
  testSet: TestSet,
): ForecastSeries | null {
  const step = windowsStepOf(recipe)
  if (!step || !table || testSet.task !== 'regression') return null
  const target = table.columns.find((c) => c.name === recipe.target.column)
  if (target?.kind !== 'numeric') return null
  const orderColumn = step.orderBy === null ? null : findColumn(table, step.orderBy)
  const orderValues = orderColumn?.kind === 'numeric' ? orderColumn.values : null
  const n = testSet.rows.length
  const origin = (i: number) => {
    const row = testSet.rows[i] as number
    return orderValues ? (orderValues[row] as number) : row
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => origin(a) - origin(b) || a - b,
  )
  const gaps: number[] = []
  for (let j = 1; j < n; j++) gaps.push(origin(order[j] as number) - origin(order[j - 1] as number))
  const step1 = median(gaps)
  const h = step.horizon
  const points = order.map((i, j): ForecastPoint => {
    const row = testSet.rows[i] as number
    const later = order[j + h]
    const at =
      later === undefined ? origin(order[n - 1] as number) + (j + h - n + 1) * step1 : origin(later)
    return {
      row,
      time: orderValues ? at : j + 1,
      actual: testSet.actual[i] as number,
      forecast: testSet.outputs[i] as number,
      naive: target.values[row] as number,
    }
  })
  const usable = points.filter((p) => Number.isFinite(p.naive))
  return {
    points,
    horizon: h,
    orderBy: orderValues ? step.orderBy : null,
    model: regressionMetrics(
      usable.map((p) => p.actual),
      usable.map((p) => p.forecast),
    ),
    naive: regressionMetrics(
      usable.map((p) => p.actual),
      usable.map((p) => p.naive),
    ),
  }
}
