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

/** A zero or undefined spread leaves the column centred but unscaled, as scikit-learn does. */
function safeScale(spread: number): number {
  return Number.isFinite(spread) && spread > 1e-12 ? spread : 1
}

function fitColumn(values: Float64Array, rows: Int32Array, method: ScaleStep['method']) {
  if (method === 'standard') {
    const { mean, std } = meanStd(values, rows)
    return { center: Number.isNaN(mean) ? 0 : mean, scale: safeScale(std) }
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

/** (x − center) / scale: StandardScaler, MinMaxScaler and RobustScaler of scikit-learn. */
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
