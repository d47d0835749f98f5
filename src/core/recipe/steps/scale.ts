import type { NumericColumn } from '../../table/table'
import { numericInput, refuseTarget, withColumns } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'
import { meanStd, quantileOfSorted, sortedPresent } from '../pipeline/stats'
import type { StepOf } from '../step-schema'

type ScaleStep = StepOf<'scale'>

const NAMES: Record<ScaleStep['method'], string> = {
  standard: 'Standard scaling',
  'min-max': 'Min-max scaling',
  robust: 'Robust scaling',
}

const EPS = 2 ** -52

/**
 * A spread scikit-learn counts as zero becomes 1, leaving the column centred but unscaled
 * (`_handle_zeros_in_scale`): below 10 machine epsilons for min-max and robust scaling.
 */
function safeScale(spread: number, constant = spread < 10 * EPS): number {
  return Number.isFinite(spread) && !constant ? spread : 1
}

/**
 * StandardScaler's test for a constant column (`_is_constant_feature`): a variance no larger
 * than the rounding error of computing it, which grows with the mean and the number of values.
 */
function constantVariance(variance: number, mean: number, n: number): boolean {
  return variance <= n * EPS * variance + (n * mean * EPS) ** 2
}

function fitColumn(values: Float64Array, rows: Int32Array, method: ScaleStep['method']) {
  if (method === 'standard') {
    const { mean, std, n } = meanStd(values, rows)
    if (n === 0) return { center: 0, scale: 1 }
    return { center: mean, scale: safeScale(std, constantVariance(std * std, mean, n)) }
  }
  const sorted = sortedPresent(values, rows)
  if (sorted.length === 0) return { center: 0, scale: 1 }
  if (method === 'min-max') {
    const min = sorted[0] as number
    return { center: min, scale: safeScale((sorted[sorted.length - 1] as number) - min) }
  }
  return {
    center: quantileOfSorted(sorted, 0.5),
    scale: safeScale(quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25)),
  }
}

/**
 * (x − center) / scale in place: StandardScaler, MinMaxScaler and RobustScaler of scikit-learn,
 * fitted on the present training values (missing ones are left out and stay missing).
 */
export const scaleStep: StepImpl<'scale'> = {
  fit(step, table, trainRows, ctx) {
    refuseTarget(step.columns, ctx.target, 'scaled as an input')
    const params = step.columns.map((name) => ({
      column: name,
      ...fitColumn(numericInput(table, name, 'scaled').values, trainRows, step.method),
    }))
    return { ...step, fitted: { params } }
  },
  apply(step, table) {
    const params = step.fitted?.params
    if (!params) throw new Error('The scaling step has not been fitted yet.')
    const scaled = params.map(({ column, center, scale }): NumericColumn => {
      const input = numericInput(table, column, 'scaled').values
      const values = new Float64Array(input.length)
      for (let i = 0; i < input.length; i++) values[i] = ((input[i] as number) - center) / scale
      return { name: column, kind: 'numeric', values }
    })
    return { table: withColumns(table, scaled) }
  },
  describe: (step) => `${NAMES[step.method]} of ${step.columns.join(', ')}`,
  reads: (step) => step.columns,
}
