import { useMemo } from 'react'
import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { evenlySpaced, niceTicks } from '../../../core/evaluate/regression/residuals'
import { formatNumber } from '../../../ui/format'
import { ChartCard, GUIDE_COLOR, MODEL_COLOR } from './chart-card'
import { MAX_SCATTER_POINTS } from './predicted-actual-chart'

const tick = (v: number) => formatNumber(v, 2)

/** Residual (actual − predicted) against the prediction, around a zero line. */
export function ResidualPlot({
  residuals,
  predicted,
  target,
}: {
  residuals: Float64Array
  predicted: Float64Array
  target: string
}) {
  const { points, xTicks, yTicks } = useMemo(() => {
    const points = Array.from(evenlySpaced(residuals.length, MAX_SCATTER_POINTS), (i) => ({
      predicted: predicted[i] as number,
      residual: residuals[i] as number,
    }))
    const xs = points.map((p) => p.predicted)
    // Residual axis symmetric about zero, so over- and under-prediction look alike.
    const reach = Math.max(...points.map((p) => Math.abs(p.residual)))
    return {
      points,
      xTicks: niceTicks(Math.min(...xs), Math.max(...xs)),
      yTicks: niceTicks(-reach, reach),
    }
  }, [residuals, predicted])
  return (
    <ChartCard
      title="Residuals against predicted"
      label={`Residuals against predicted ${target}, ${points.length} test rows`}
      points={points.length}
      help="A good model leaves a shapeless band around zero. A funnel means errors grow with the value; a curve means the model misses a pattern."
    >
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
          <XAxis
            type="number"
            dataKey="predicted"
            name="Predicted"
            domain={[xTicks[0] ?? 'auto', xTicks[xTicks.length - 1] ?? 'auto']}
            ticks={xTicks}
            tickFormatter={tick}
            label={{ value: `Predicted ${target}`, position: 'insideBottom', offset: -14 }}
          />
          <YAxis
            type="number"
            dataKey="residual"
            name="Residual"
            domain={[yTicks[0] ?? 'auto', yTicks[yTicks.length - 1] ?? 'auto']}
            ticks={yTicks}
            tickFormatter={tick}
            width={64}
            label={{ value: 'Actual − predicted', angle: -90, position: 'insideLeft', dy: 50 }}
          />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatNumber(v) : String(v))} />
          <ReferenceLine y={0} stroke={GUIDE_COLOR} strokeDasharray="5 4" />
          <Scatter data={points} fill={MODEL_COLOR} fillOpacity={0.6} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartCard>
  )
}
