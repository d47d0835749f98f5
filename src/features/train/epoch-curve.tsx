import { memo, useMemo } from 'react'
import type { EpochLog } from '../../core/train/engine'
import { ChartFrame } from './chart-frame'
import { TRAIN_COLOR, VALIDATION_COLOR, type Scale } from './chart-style'
import { valueOf, type Series } from './curve-data'
import { EpochAxisChart } from './epoch-axis-chart'
import { seriesNoun, seriesTitle } from './metric-labels'

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
  const first = data[0]?.epoch ?? 1
  const last = data.at(-1)?.epoch ?? 1
  const values = useMemo(() => data.flatMap((d) => [d.train, d.validation]), [data])
  const points = data.filter((d) => d.train !== null && Number.isFinite(d.train)).length
  const hasValidation = data.some((d) => d.validation !== null)
  const lines = useMemo(
    () => [
      {
        name: `Training ${noun}`,
        points: data.map((d) => ({ x: d.epoch, y: d.train })),
        color: TRAIN_COLOR,
      },
      ...(hasValidation
        ? [
            {
              name: `Validation ${noun}`,
              points: data.map((d) => ({ x: d.epoch, y: d.validation })),
              color: VALIDATION_COLOR,
            },
          ]
        : []),
    ],
    [data, noun, hasValidation],
  )
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
      <EpochAxisChart
        lines={lines}
        from={first}
        to={last}
        values={values}
        scale={scale}
        minTickStep={1}
      />
    </ChartFrame>
  )
})
