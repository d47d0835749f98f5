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
import { formatNumber } from '../../ui/format'
import { ChartFrame } from './chart-frame'
import { valueOf, type Series } from './curve-data'
import { seriesNoun, seriesTitle } from './metric-labels'

export type Scale = 'linear' | 'log'

export const TRAIN_COLOR = 'var(--mantine-color-blue-6)'
export const VALIDATION_COLOR = 'var(--mantine-color-orange-6)'

/** One series per epoch, training and validation rows side by side. */
export const EpochCurve = memo(function EpochCurve({
  epochs,
  series,
  scale,
}: {
  epochs: readonly EpochLog[]
  series: Series
  scale: Scale
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
  const points = data.filter((d) => d.train !== null && Number.isFinite(d.train)).length
  const hasValidation = data.some((d) => d.validation !== null)
  return (
    <ChartFrame
      title={`${title} per epoch`}
      label={`Training and validation ${noun} per epoch`}
      points={points}
      legend={[
        { name: 'Training', color: TRAIN_COLOR },
        ...(hasValidation ? [{ name: 'Validation', color: VALIDATION_COLOR }] : []),
      ]}
    >
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-2)" />
          <XAxis dataKey="epoch" tick={{ fontSize: 11 }} minTickGap={16} />
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
            labelFormatter={(l: unknown) => `Epoch ${typeof l === 'number' ? l : ''}`}
          />
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
