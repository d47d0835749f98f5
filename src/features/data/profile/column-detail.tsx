import { Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ColumnProfile } from '../../../core/profile/profile-types'
import { formatCount, formatShare, formatValue } from './profile-values'

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xs" ff="monospace" data-stat={label}>
        {value}
      </Text>
    </Group>
  )
}

/** Everything the profile knows about one column: statistics, quantiles and its distribution. */
export function ColumnDetail({ column, rowCount }: { column: ColumnProfile; rowCount: number }) {
  const s = column.numeric
  const v = (x: number | undefined) => formatValue(x, column.type)
  const present = rowCount - column.missing
  return (
    <Group
      align="flex-start"
      gap="xl"
      wrap="nowrap"
      p="xs"
      aria-label={`Details of ${column.name}`}
      role="region"
    >
      <Stack gap={2} w={260} style={{ flexShrink: 0 }}>
        <Stat label="Present" value={formatCount(present)} />
        <Stat
          label="Missing"
          value={`${formatCount(column.missing)} (${formatShare(column.missing / Math.max(1, rowCount))})`}
        />
        <Stat label="Distinct" value={formatCount(column.distinct)} />
        {s && (
          <>
            <Stat label="Mean" value={v(s.mean)} />
            <Stat
              label="Std (sample)"
              value={
                column.type === 'datetime'
                  ? `${formatCount(Math.round(s.std / 86_400_000))} days`
                  : v(s.std)
              }
            />
            <Stat label="Skewness" value={s.skew.toFixed(2)} />
            <Stat label="Zeros" value={formatCount(s.zeros)} />
          </>
        )}
        {column.meanLength !== undefined && (
          <Stat label="Mean length" value={`${column.meanLength.toFixed(1)} characters`} />
        )}
      </Stack>
      {s && (
        <SimpleGrid cols={1} spacing={2} w={200} style={{ flexShrink: 0 }}>
          <Stat label="Min" value={v(s.min)} />
          <Stat label="1%" value={v(s.quantiles.p1)} />
          <Stat label="5%" value={v(s.quantiles.p5)} />
          <Stat label="25%" value={v(s.quantiles.p25)} />
          <Stat label="Median" value={v(s.quantiles.p50)} />
          <Stat label="75%" value={v(s.quantiles.p75)} />
          <Stat label="95%" value={v(s.quantiles.p95)} />
          <Stat label="99%" value={v(s.quantiles.p99)} />
          <Stat label="Max" value={v(s.max)} />
        </SimpleGrid>
      )}
      <DistributionChart column={column} />
    </Group>
  )
}

function DistributionChart({ column }: { column: ColumnProfile }) {
  const h = column.histogram
  // Numbers read as labels (boolean, categorical) show their values; quantities their bins.
  const useBins = h !== undefined && (h.discrete || !column.categories)
  const data = useBins
    ? h.counts.map((count, i) => ({
        label: formatValue(h.start + i * h.width, column.type),
        range: binRange(h.start + i * h.width, h.width, column),
        count,
      }))
    : [
        ...(column.categories?.top ?? []).map((c) => ({
          label: c.label,
          range: c.label,
          count: c.count,
        })),
        ...(column.categories && column.categories.otherCount > 0
          ? [
              {
                label: `other (${formatCount(column.categories.otherDistinct)})`,
                range: `${formatCount(column.categories.otherDistinct)} other values`,
                count: column.categories.otherCount,
              },
            ]
          : []),
      ]
  if (data.length === 0) return null
  const title = useBins ? `Histogram of ${column.name}` : `Most frequent values of ${column.name}`
  return (
    <div role="img" aria-label={title} style={{ flex: 1, minWidth: 280, height: 200 }}>
      <Text size="xs" c="dimmed" mb={4}>
        {title}
      </Text>
      <ResponsiveContainer height={180}>
        <BarChart
          data={data}
          layout={useBins ? 'horizontal' : 'vertical'}
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-2)" />
          {useBins ? (
            <>
              <XAxis
                dataKey="label"
                tick={{ fontSize: 10 }}
                interval="preserveStartEnd"
                minTickGap={24}
              />
              <YAxis
                tick={{ fontSize: 10 }}
                width={48}
                tickFormatter={(n: number) => formatCount(n)}
              />
            </>
          ) : (
            <>
              <XAxis
                type="number"
                tick={{ fontSize: 10 }}
                tickFormatter={(n: number) => formatCount(n)}
              />
              <YAxis type="category" dataKey="label" tick={{ fontSize: 10 }} width={120} />
            </>
          )}
          <Tooltip
            formatter={(n) => [typeof n === 'number' ? formatCount(n) : String(n), 'rows']}
            labelFormatter={(_l, payload) =>
              (payload[0]?.payload as { range?: string } | undefined)?.range ?? ''
            }
          />
          <Bar
            dataKey="count"
            fill={useBins ? 'var(--mantine-color-blue-5)' : 'var(--mantine-color-violet-5)'}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

/** What one bar covers: a value, a run of whole numbers, or an interval. */
function binRange(from: number, width: number, column: ColumnProfile): string {
  if (column.numeric?.wholeNumbers && column.type !== 'datetime') {
    return width <= 1
      ? formatValue(from, column.type)
      : `${formatValue(from, column.type)} – ${formatValue(from + width - 1, column.type)}`
  }
  return `${formatValue(from, column.type)} – ${formatValue(from + width, column.type)}`
}
