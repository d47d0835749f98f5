import { memo, useMemo } from 'react'
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { useStudio } from '../../state/studio-store'
import { formatNumber } from '../../ui/format'
import { ChartFrame } from './chart-frame'
import { batchPoints } from './curve-data'
import { TRAIN_COLOR, type Scale } from './epoch-curve'

/** The training loss of every batch (merged when there are many), smoothed, raw faint behind. */
export const BatchLossCurve = memo(function BatchLossCurve({
  smoothing,
  scale,
}: {
  smoothing: number
  scale: Scale
}) {
  const curve = useStudio((s) => s.batchCurve)
  const data = useMemo(() => (curve ? batchPoints(curve, smoothing) : []), [curve, smoothing])
  const per = curve && curve.stride > 1 ? ` (each point ${curve.stride} batches)` : ''
  return (
    <ChartFrame
      title={`Training loss per batch${per}`}
      label="Training loss per batch"
      points={data.length}
      legend={[
        { name: 'Smoothed', color: TRAIN_COLOR },
        { name: 'Raw', color: TRAIN_COLOR, faint: true },
      ]}
    >
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-2)" />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => formatNumber(v, 1)}
            tick={{ fontSize: 11 }}
            minTickGap={16}
          />
          <YAxis
            scale={scale}
            domain={['auto', 'auto']}
            tickFormatter={(v: number) => formatNumber(v, 3)}
            tick={{ fontSize: 11 }}
            width={52}
            allowDataOverflow
          />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? formatNumber(v) : String(v))}
            labelFormatter={(l: unknown) =>
              `Epoch ${typeof l === 'number' ? formatNumber(l, 2) : ''}`
            }
          />
          <Line
            dataKey="raw"
            name="Raw loss"
            stroke={TRAIN_COLOR}
            strokeOpacity={0.25}
            strokeWidth={1}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="smooth"
            name="Smoothed loss"
            stroke={TRAIN_COLOR}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  )
})
