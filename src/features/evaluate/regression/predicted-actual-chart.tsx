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

/** The most points a scatter draws; beyond it an even sample shows the same shape. */
export const MAX_SCATTER_POINTS = 2_000

const tick = (v: number) => formatNumber(v, 2)

/** Predicted against actual on equal axes, with the y = x line a perfect model would sit on. */
export function PredictedActualChart({
  actual,
  predicted,
  target,
}: {
  actual: Float64Array
  predicted: Float64Array
  target: string
}) {
  const { points, ticks, lo, hi } = useMemo(() => {
    const shown = evenlySpaced(actual.length, MAX_SCATTER_POINTS)
    let lo = Number.POSITIVE_INFINITY
    let hi = Number.NEGATIVE_INFINITY
    for (let i = 0; i < actual.length; i++) {
      lo = Math.min(lo, actual[i] as number, predicted[i] as number)
      hi = Math.max(hi, actual[i] as number, predicted[i] as number)
    }
    const ticks = niceTicks(lo, hi)
    return {
      ticks,
      points: Array.from(shown, (i) => ({
        predicted: predicted[i] as number,
        actual: actual[i] as number,
      })),
      lo: ticks[0] ?? lo,
      hi: ticks[ticks.length - 1] ?? hi,
    }
  }, [actual, predicted])
  const sampled = points.length < actual.length
  return (
    <ChartCard
      title="Predicted against actual"
      label={`Predicted against actual ${target}, ${points.length} test rows`}
      points={points.length}
      help={
        <>
          Each dot is a test row. Dots on the dashed line are predicted exactly; dots above it were
          predicted too low, below it too high.
          {sampled &&
            ` Showing an even sample of ${points.length.toLocaleString('en-US')} of ${actual.length.toLocaleString('en-US')} rows.`}
        </>
      }
    >
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
          <XAxis
            type="number"
            dataKey="predicted"
            name="Predicted"
            domain={[lo, hi]}
            ticks={ticks}
            tickFormatter={tick}
            label={{ value: `Predicted ${target}`, position: 'insideBottom', offset: -14 }}
          />
          <YAxis
            type="number"
            dataKey="actual"
            name="Actual"
            domain={[lo, hi]}
            ticks={ticks}
            tickFormatter={tick}
            width={64}
            label={{
              value: `Actual ${target}`,
              angle: -90,
              position: 'insideLeft',
              offset: 0,
              dy: 40,
            }}
          />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatNumber(v) : String(v))} />
          <ReferenceLine
            segment={[
              { x: lo, y: lo },
              { x: hi, y: hi },
            ]}
            stroke={GUIDE_COLOR}
            strokeDasharray="5 4"
            ifOverflow="hidden"
          />
          <Scatter data={points} fill={MODEL_COLOR} fillOpacity={0.6} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartCard>
  )
}
