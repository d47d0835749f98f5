import { useMemo } from 'react'
import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { calibrationCurve } from '../../../core/evaluate/classification/calibration'
import { formatNumber, formatPercent } from '../../../ui/format'
import { ChartCard } from './chart-card'

const AXIS = { type: 'number', domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] } as const
const tick = (v: number) => formatNumber(v, 1)

/**
 * Calibration: in 10 equal-width bins of predicted probability, the mean prediction against the
 * share of rows that really are the class (sklearn calibration_curve), each point labelled with
 * its row count. On the diagonal, "30 %" means 30 in 100.
 */
export function CalibrationChart({
  labels,
  scores,
  subject,
}: {
  labels: ArrayLike<number>
  scores: ArrayLike<number>
  subject: string
}) {
  const bins = useMemo(() => calibrationCurve(labels, scores), [labels, scores])
  const points = bins.map((b) => ({ ...b, n: `n=${b.count}` }))
  const header = ['bin_from', 'bin_to', 'rows', 'mean_predicted', 'observed_share']
  const rows = () => bins.map((b) => [b.lower, b.upper, b.count, b.predicted, b.observed])
  return (
    <ChartCard
      title="Calibration plot"
      heading="Calibration plot"
      label={`Calibration of the predicted probability of ${subject}: observed share against mean prediction in ${bins.length} bins`}
      points={bins.length}
      help={`Rows grouped by predicted probability of ${subject} into 10 equal bins (empty bins left out; n = rows in the bin). On the dashed diagonal the probabilities can be read as frequencies; below it the model says ${subject} more often than it happens, above it less often.`}
      csv={{ header, rows }}
    >
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 16, right: 16, bottom: 20, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
          <XAxis
            dataKey="predicted"
            {...AXIS}
            tickFormatter={tick}
            label={{ value: 'Mean predicted probability', position: 'insideBottom', offset: -12 }}
          />
          <YAxis
            {...AXIS}
            tickFormatter={tick}
            width={56}
            label={{
              value: 'Observed share',
              angle: -90,
              position: 'insideLeft',
              offset: 8,
              dy: 56,
            }}
          />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ]}
            stroke="var(--mantine-color-gray-5)"
            strokeDasharray="4 4"
          />
          <Tooltip
            labelFormatter={(_, payload) => {
              const b = payload[0]?.payload as (typeof points)[number] | undefined
              return b
                ? `Predicted ${formatNumber(b.lower, 1)}–${formatNumber(b.upper, 1)} · ${b.count} rows`
                : ''
            }}
            formatter={(v) => [formatPercent(Number(v)), 'Observed share']}
          />
          <Line
            dataKey="observed"
            stroke="var(--mantine-color-orange-6)"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          >
            <LabelList
              dataKey="n"
              position="top"
              fontSize={10}
              fill="var(--mantine-color-dimmed)"
            />
          </Line>
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  )
}
