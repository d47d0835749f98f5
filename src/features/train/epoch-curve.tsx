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
import type { EpochLog } from '../../core/train/engine'
import { ChartFrame } from './chart-frame'
import {
  CHART_MARGIN,
  formatEpochLabel,
  formatTooltipValue,
  formatValueTick,
  GRID_COLOR,
  TICK_STYLE,
  TRAIN_COLOR,
  VALIDATION_COLOR,
  type Scale,
} from './chart-style'
import { roundTicks, valueAxis, valueOf, type Series } from './curve-data'
import { seriesNoun, seriesTitle } from './metric-labels'

/** One series per epoch, training and validation rows side by side. */
export const EpochCurve = memo(function EpochCurve({
  epochs,
  series,
  scale,
  live,
}: {
  epochs: readonly EpochLog[]
  series: Series
  scale: Scale
  /** While a run is under way: no hover tooltip, whose bookkeeping costs every redraw. */
  live: boolean
}) {
  const title = seriesTitle(series)
  const noun = seriesNoun(series)
  const data = useMemo(
    () =>
      epochs.map((e) => ({
        epoch: e.epoch,
        train: valueOf(e, series, false),
        validation: valueOf(e, series, true),
      })),
    [epochs, series],
  )
  const first = data[0]?.epoch ?? 1
  const last = data.at(-1)?.epoch ?? 1
  const domain = useMemo(() => [first, last], [first, last])
  const ticks = useMemo(() => roundTicks(first, last, 6, 1), [first, last])
  const yAxis = useMemo(
    () =>
      valueAxis(
        data.flatMap((d) => [d.train, d.validation]),
        scale,
      ),
    [data, scale],
  )
  const points = data.filter((d) => d.train !== null && Number.isFinite(d.train)).length
  const hasValidation = data.some((d) => d.validation !== null)
  const legend = useMemo(
    () => [
      { name: 'Training', color: TRAIN_COLOR },
      ...(hasValidation ? [{ name: 'Validation', color: VALIDATION_COLOR }] : []),
    ],
    [hasValidation],
  )
  return (
    <ChartFrame
      title={`${title} per epoch`}
      label={`Training and validation ${noun} per epoch`}
      points={points}
      legend={legend}
    >
      <ResponsiveContainer>
        <LineChart data={data} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke={GRID_COLOR} />
          <XAxis
            dataKey="epoch"
            type="number"
            domain={domain}
            ticks={ticks}
            interval={0}
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
            dataKey="train"
            name={`Training ${noun}`}
            stroke={TRAIN_COLOR}
            dot={false}
            isAnimationActive={false}
            strokeWidth={2}
          />
          {hasValidation && (
            <Line
              dataKey="validation"
              name={`Validation ${noun}`}
              stroke={VALIDATION_COLOR}
              dot={false}
              isAnimationActive={false}
              strokeWidth={2}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  )
})
