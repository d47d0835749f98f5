import { useMemo } from 'react'
import { LiveLineChart, type LiveSeries } from '../../ui/live-line-chart'
import { formatEpochTick, formatValueTick, type Scale } from './chart-style'
import { roundTicks, valueAxis } from './curve-data'

/**
 * A live chart with epochs along x (from `from` to `to`) and a value axis fitted to `values`:
 * what the batch curve and the per-epoch curves share.
 */
export function EpochAxisChart({
  lines,
  from,
  to,
  values,
  scale,
  minTickStep,
}: {
  lines: readonly LiveSeries[]
  from: number
  to: number
  /** Memoised by the caller: the axis is refitted whenever it changes. */
  values: readonly (number | null)[]
  scale: Scale
  /** 1 for whole epochs only; absent: fractions of an epoch too. */
  minTickStep?: number
}) {
  const domain = useMemo(() => [from, to] as const, [from, to])
  const ticks = useMemo(() => roundTicks(from, to, 6, minTickStep), [from, to, minTickStep])
  const yAxis = useMemo(() => valueAxis(values, scale), [values, scale])
  return (
    <LiveLineChart
      series={lines}
      xDomain={domain}
      xTicks={ticks}
      yDomain={yAxis.domain}
      yTicks={yAxis.ticks}
      scale={scale}
      formatX={formatEpochTick}
      formatY={formatValueTick}
      xLabel="Epoch"
    />
  )
}
