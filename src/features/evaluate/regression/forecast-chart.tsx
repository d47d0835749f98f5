import { Group, Paper, Table, Text } from '@mantine/core'
import { useMemo } from 'react'
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { ForecastSeries } from '../../../core/evaluate/regression/naive-forecast'
import { CsvDownload } from '../../../ui/download-buttons'
import { formatNumber } from '../../../ui/format'
import { ACTUAL_COLOR, ChartCard, MODEL_COLOR, NAIVE_COLOR } from './chart-card'

function timeFormat(isDate: boolean): (v: number) => string {
  return isDate ? (v) => new Date(v).toISOString().slice(0, 10) : (v) => formatNumber(v, 0)
}

/** Forecast, actual and the naive last value over the test period, in time order. */
export function ForecastChart({
  series,
  target,
  isDate,
}: {
  series: ForecastSeries
  target: string
  isDate: boolean
}) {
  const format = timeFormat(isDate)
  const data = useMemo(
    () =>
      series.points.map((p) => ({
        time: p.time,
        actual: p.actual,
        forecast: p.forecast,
        naive: p.naive,
      })),
    [series],
  )
  const steps = `${series.horizon} step${series.horizon === 1 ? '' : 's'}`
  return (
    <ChartCard
      title="Forecast against actual"
      label={`Forecast, actual and naive ${target} over ${data.length} test periods`}
      points={data.length}
      height={300}
      help={`Each point is a forecast ${steps} ahead, placed at the time it forecasts. The naive forecast repeats the last value known when the forecast was made (${target} ${steps} earlier): a forecaster worth using should beat it.`}
    >
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
          <XAxis
            dataKey="time"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={format}
            label={{
              value: series.orderBy ?? 'Test period (file order)',
              position: 'insideBottom',
              offset: -14,
            }}
          />
          <YAxis
            domain={['auto', 'auto']}
            tickFormatter={(v: number) => formatNumber(v, 2)}
            width={64}
            label={{ value: target, angle: -90, position: 'insideLeft', dy: 20 }}
          />
          <Tooltip
            labelFormatter={(l: unknown) => (typeof l === 'number' ? format(l) : String(l))}
            formatter={(v) => (typeof v === 'number' ? formatNumber(v) : String(v))}
          />
          <Legend wrapperStyle={{ paddingTop: 16 }} />
          <Line
            dataKey="actual"
            name="Actual"
            stroke={ACTUAL_COLOR}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            dataKey="forecast"
            name="Model forecast"
            stroke={MODEL_COLOR}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            dataKey="naive"
            name="Naive (last value)"
            stroke={NAIVE_COLOR}
            dot={false}
            strokeDasharray="5 4"
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  )
}

/** MAE and RMSE of the model and of the naive forecast on the same test periods. */
export function ForecastErrorTable({ series }: { series: ForecastSeries }) {
  const keys = ['mae', 'rmse'] as const
  const rows = keys.map((key) => {
    const model = series.model.find((m) => m.key === key)
    const naive = series.naive.find((m) => m.key === key)
    return {
      key,
      label: model?.label ?? key,
      model: model?.value ?? Number.NaN,
      naive: naive?.value ?? Number.NaN,
    }
  })
  const rmse = rows[1]
  const beats = rmse ? rmse.model < rmse.naive : false
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          Forecast errors
        </Text>
        <CsvDownload
          title="Forecast errors"
          header={['Metric', 'Model', 'Naive (last value)']}
          rows={() => rows.map((r) => [r.label, r.model, r.naive])}
        />
      </Group>
      <Table aria-label="Forecast errors" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Metric</Table.Th>
            <Table.Th ta="right">Model</Table.Th>
            <Table.Th ta="right">Naive</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-metric={r.key}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right" fw={r.model < r.naive ? 700 : 400} data-value={r.model}>
                {formatNumber(r.model)}
              </Table.Td>
              <Table.Td ta="right" fw={r.naive <= r.model ? 700 : 400} data-naive={r.naive}>
                {formatNumber(r.naive)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        Lower is better. Naive: the last known value, repeated.
      </Text>
      <Text size="sm" mt="xs" data-testid="forecast-verdict">
        {beats
          ? `The model beats the naive forecast: its RMSE is ${formatNumber((((rmse?.naive ?? 0) - (rmse?.model ?? 0)) / (rmse?.naive ?? 1)) * 100, 1)}% lower.`
          : 'The model does not beat repeating the last known value: it has not learned more than the last value tells.'}
      </Text>
    </Paper>
  )
}
