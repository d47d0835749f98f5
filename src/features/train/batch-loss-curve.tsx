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
import { ChartFrame } from './chart-frame'
import {
  CHART_MARGIN,
  formatEpochLabel,
  formatEpochTick,
  formatTooltipValue,
  formatValueTick,
  GRID_COLOR,
  TICK_STYLE,
  TRAIN_COLOR,
  type Scale,
} from './chart-style'
import { batchPoints, roundTicks, valueAxis } from './curve-data'
import { REDRAW_MS, useThrottled } from './use-throttled'

const LEGEND = [
  { name: 'Smoothed', color: TRAIN_COLOR },
  { name: 'Raw', color: TRAIN_COLOR, faint: true },
]

/** The training loss of every batch (merged when there are many), smoothed, raw faint behind. */
export const BatchLossCurve = memo(function BatchLossCurve({
  smoothing,
  scale,
  live,
}: {
  smoothing: number
  scale: Scale
  /** While a run is under way: no hover tooltip, whose bookkeeping costs every redraw. */
  live: boolean
}) {
  const curve = useThrottled(
    useStudio((s) => s.batchCurve),
    REDRAW_MS,
  )
  const data = useMemo(() => (curve ? batchPoints(curve, smoothing) : []), [curve, smoothing])
  const from = data[0]?.x ?? 0
  const to = data.at(-1)?.x ?? 1
  const domain = useMemo(() => [from, to], [from, to])
  const ticks = useMemo(() => roundTicks(from, to, 6), [from, to])
  const yAxis = useMemo(
    () =>
      valueAxis(
        data.map((d) => d.raw),
        scale,
      ),
    [data, scale],
  )
  const per = curve && curve.stride > 1 ? ` (each point ${curve.stride} batches)` : ''
  return (
    <ChartFrame
      title={`Training loss per batch${per}`}
      label="Training loss per batch"
      points={data.length}
      legend={LEGEND}
    >
      <ResponsiveContainer>
        <LineChart data={data} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke={GRID_COLOR} />
          <XAxis
            dataKey="x"
            type="number"
            domain={domain}
            ticks={ticks}
            interval={0}
            tickFormatter={formatEpochTick}
            tick={TICK_STYLE}
          />
          <YAxis
            interval={0}
            scale={scale}
            domain={yAxis.domain}
            ticks={yAxis.ticks}
            tickFormatter={formatValueTick}
            tick={TICK_STYLE}
            width={52}
            allowDataOverflow
          />
          {!live && <Tooltip formatter={formatTooltipValue} labelFormatter={formatEpochLabel} />}
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
