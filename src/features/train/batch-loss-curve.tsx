import { memo, useMemo } from 'react'
import { useStudio } from '../../state/studio-store'
import { ChartFrame } from './chart-frame'
import { TRAIN_COLOR, type Scale } from './chart-style'
import { batchPoints } from './curve-data'
import { EpochAxisChart } from './epoch-axis-chart'
import { REDRAW_MS, useThrottled } from './use-throttled'

const LEGEND = [
  { name: 'Smoothed', color: TRAIN_COLOR },
  { name: 'Raw', color: TRAIN_COLOR, faint: true },
]

/** The training loss of every batch (merged when there are many), smoothed, raw faint behind. */
export const BatchLossCurve = memo(function BatchLossCurve({
  smoothing,
  scale,
}: {
  smoothing: number
  scale: Scale
}) {
  const curve = useThrottled(
    useStudio((s) => s.batchCurve),
    REDRAW_MS,
  )
  const data = useMemo(() => (curve ? batchPoints(curve, smoothing) : []), [curve, smoothing])
  const from = data[0]?.x ?? 0
  const to = data.at(-1)?.x ?? 1
  const lines = useMemo(
    () => [
      {
        name: 'Raw loss',
        points: data.map((d) => ({ x: d.x, y: d.raw })),
        color: TRAIN_COLOR,
        width: 1,
        opacity: 0.25,
      },
      {
        name: 'Smoothed loss',
        points: data.map((d) => ({ x: d.x, y: d.smooth })),
        color: TRAIN_COLOR,
      },
    ],
    [data],
  )
  const values = useMemo(() => data.map((d) => d.raw), [data])
  const per = curve && curve.stride > 1 ? ` (each point ${curve.stride} batches)` : ''
  return (
    <ChartFrame
      title={`Training loss per batch${per}`}
      label="Training loss per batch"
      points={data.length}
      legend={LEGEND}
    >
      <EpochAxisChart lines={lines} from={from} to={to} values={values} scale={scale} />
    </ChartFrame>
  )
})
