import { count, formatValue } from '../../table/infer-types'
import type { NumericColumn } from '../../table/table'
import { numericInput, withColumns } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'
import { meanStd, quantileOfSorted, sortedPresent } from '../pipeline/stats'
import type { StepOf } from '../step-schema'

type OutliersStep = StepOf<'outliers'>
type Bounds = NonNullable<OutliersStep['fitted']>['bounds'][number]

/**
 * The bounds of one column from its training values. A column with no training value has no
 * bounds to learn: that is an error naming the column, not a silent pass, so the analyst knows
 * the step did nothing there.
 */
function fitBounds(step: OutliersStep, values: Float64Array, rows: Int32Array, name: string) {
  const t = step.threshold
  if (step.method === 'iqr') {
    const sorted = sortedPresent(values, rows)
    if (sorted.length > 0) {
      const q1 = quantileOfSorted(sorted, 0.25)
      const q3 = quantileOfSorted(sorted, 0.75)
      return { column: name, low: q1 - t * (q3 - q1), high: q3 + t * (q3 - q1) }
    }
  } else {
    const { mean, std, n } = meanStd(values, rows)
    if (n > 0) return { column: name, low: mean - t * std, high: mean + t * std }
  }
  throw new Error(
    `"${name}" has no values in the training rows, so its outlier bounds cannot be learned. Remove it from this outliers step, or fill its missing values first.`,
  )
}

const range = (b: Bounds) => `${formatValue(b.low)} … ${formatValue(b.high)}`

function clipped(bounds: Bounds, input: Float64Array, live: Int32Array, notes: string[]) {
  const values = new Float64Array(input.length)
  for (let i = 0; i < input.length; i++) {
    const v = input[i] as number
    // NaN fails both comparisons and stays missing.
    values[i] = v < bounds.low ? bounds.low : v > bounds.high ? bounds.high : v
  }
  let changed = 0
  for (const row of live) if (values[row] !== input[row] && values[row] === values[row]) changed++
  if (changed > 0)
    notes.push(`${count(changed)} value(s) of "${bounds.column}" capped to ${range(bounds)}.`)
  const column: NumericColumn = { name: bounds.column, kind: 'numeric', values }
  return column
}

/**
 * Outliers by the IQR rule or the z-score, bounds learned from the training rows. `drop` leaves
 * outlying rows out of training only (validation and test describe the world the model meets);
 * `clip` caps every row's values at the bounds.
 */
export const outliersStep: StepImpl<'outliers'> = {
  fit(step, table, trainRows, ctx) {
    if (step.action === 'clip' && step.columns.includes(ctx.target)) {
      throw new Error(
        `"${ctx.target}" is the target, so it cannot be clipped: the model would learn made-up answers, and predictions are not clipped. Use the "drop" action to leave training rows with outlying targets out, or remove it from this step.`,
      )
    }
    const bounds = step.columns.map((name) =>
      fitBounds(step, numericInput(table, name, 'checked for outliers').values, trainRows, name),
    )
    return { ...step, fitted: { bounds } }
  },
  apply(step, table, liveRows) {
    const bounds = step.fitted?.bounds
    if (!bounds) throw new Error('The outliers step has not been fitted yet.')
    const inputs = bounds.map((b) => numericInput(table, b.column, 'checked for outliers').values)
    if (step.action === 'clip') {
      const notes: string[] = []
      const columns = bounds.map((b, i) => clipped(b, inputs[i] as Float64Array, liveRows, notes))
      return { table: withColumns(table, columns), notes }
    }
    const remove = new Uint8Array(table.rowCount)
    bounds.forEach((b, i) => {
      ;(inputs[i] as Float64Array).forEach((v, row) => {
        if (v < b.low || v > b.high) remove[row] = 1
      })
    })
    const outside = bounds.map((b) => `"${b.column}" outside ${range(b)}`).join(', or ')
    return {
      table,
      remove,
      removeFrom: 'train',
      removeReason: `An outlier: ${outside} (the bounds learned from the training rows).`,
    }
  },
  describe(step) {
    const rule =
      step.method === 'iqr' ? `${step.threshold} × IQR` : `${step.threshold} standard deviations`
    const action = step.action === 'clip' ? 'Clip' : 'Drop training rows with'
    return `${action} outliers of ${step.columns.join(', ')} beyond ${rule}`
  },
  reads: (step) => step.columns,
}
