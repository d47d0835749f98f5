import { useMemo } from 'react'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { histogram } from '../../../core/evaluate/regression/residuals'
import { formatNumber } from '../../../ui/format'
import { ChartCard, MODEL_COLOR } from './chart-card'

/** How the residuals spread: numpy's automatic bins, one bar each. */
export function ResidualHistogram({ residuals }: { residuals: Float64Array }) {
  const bars = useMemo(() => {
    const { edges, counts } = histogram(residuals)
    return Array.from(counts, (count, i) => {
      const from = edges[i] as number
      const to = edges[i + 1] as number
      return {
        mid: (from + to) / 2,
        count,
        range: `${formatNumber(from, 3)} to ${formatNumber(to, 3)}`,
      }
    })
  }, [residuals])
  return (
    <ChartCard
      title="Residual histogram"
      label={`Histogram of ${residuals.length} residuals in ${bars.length} bins`}
      points={bars.length}
      help="Residuals are actual − predicted. A narrow bell centred on zero is what you want; a shifted peak means the model is biased, a long tail means some rows are badly missed."
    >
      <ResponsiveContainer>
        <BarChart
          data={bars}
          margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
          barCategoryGap={1}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" vertical={false} />
          <XAxis
            dataKey="mid"
            tickFormatter={(v: number) => formatNumber(v, 2)}
            label={{
              value: 'Residual (actual − predicted)',
              position: 'insideBottom',
              offset: -14,
            }}
          />
          <YAxis
            allowDecimals={false}
            width={48}
            label={{ value: 'Test rows', angle: -90, position: 'insideLeft', dy: 30 }}
          />
          <Tooltip
            formatter={(v) => [String(v), 'Rows']}
            labelFormatter={(_, payload) => {
              const first: unknown = payload[0]?.payload
              return first && typeof first === 'object' && 'range' in first
                ? String(first.range)
                : ''
            }}
          />
          <Bar dataKey="count" fill={MODEL_COLOR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  )
}
