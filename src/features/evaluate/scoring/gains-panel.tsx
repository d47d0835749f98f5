import { Group, NativeSelect, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { CartesianGrid, ComposedChart, Line, Scatter, Tooltip, XAxis, YAxis } from 'recharts'
import { decileTable, gainsCurve } from '../../../core/evaluate/scoring/gains'
import { thinIndices } from '../../../core/evaluate/scoring/thin'
import type { TestSet } from '../../../core/evaluate/test-set'
import { CsvDownload } from '../../../ui/download-buttons'
import { formatNumber, formatPercent } from '../../../ui/format'
import { ChartCard, percentTick } from './chart-card'
import { classesKey, useScoringChoices } from './scoring-choices'

const MAX_POINTS = 500

const LEGEND = [
  { name: 'Model', color: 'var(--mantine-color-blue-6)' },
  { name: 'Random', color: 'var(--mantine-color-gray-6)', dashed: true },
  { name: 'Perfect', color: 'var(--mantine-color-gray-5)', dashed: true },
]

/** Lift and cumulative gains by decile and as continuous curves, with the decile table. */
export function GainsPanel({ testSet }: { testSet: TestSet }) {
  const key = classesKey(testSet.classes)
  const eventClass = useScoringChoices((s) => s.eventClass[key] ?? 1)
  const setChoices = useScoringChoices((s) => s.set)
  const setEventClass = (c: 0 | 1) =>
    setChoices({ eventClass: { ...useScoringChoices.getState().eventClass, [key]: c } })
  const event = testSet.classes[eventClass] ?? String(eventClass)
  const deciles = useMemo(
    () => decileTable(testSet.actual, testSet.outputs, eventClass),
    [testSet, eventClass],
  )
  const curve = useMemo(
    () => gainsCurve(testSet.actual, testSet.outputs, eventClass),
    [testSet, eventClass],
  )
  const { gains, lift } = useMemo(() => {
    const rate = curve.eventRate
    const gains = thinIndices(curve.share.length, MAX_POINTS).map((i) => {
      const x = curve.share[i] ?? 0
      return {
        x,
        model: curve.gain[i] ?? 0,
        random: x,
        perfect: rate > 0 ? Math.min(1, x / rate) : 0,
      }
    })
    const lift = gains
      .filter((p) => p.x > 0)
      .map((p) => ({ x: p.x, model: p.model / p.x, random: 1, perfect: p.perfect / p.x }))
    return { gains, lift }
  }, [curve])
  const decilePoints = deciles.map((d, i) => ({
    x: deciles.slice(0, i + 1).reduce((s, r) => s + r.count, 0) / testSet.actual.length,
    gain: d.cumulativeEventShare,
    lift: d.cumulativeLift,
  }))
  const header = [
    'Decile',
    'Rows',
    'Lowest score',
    'Highest score',
    'Events',
    'Event rate',
    'Cumulative share of events',
    'Lift',
    'Cumulative lift',
  ]
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="end" mb="xs">
        <Title order={4}>Lift and gains</Title>
        <NativeSelect
          label="Event class"
          value={String(eventClass)}
          onChange={(e) => setEventClass(e.currentTarget.value === '0' ? 0 : 1)}
          data={testSet.classes.map((c, i) => ({ value: String(i), label: c }))}
          w={200}
        />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Test rows ranked by their probability of “{event}”, highest first. Gains: the share of all “
        {event}” rows found in the top part of the ranking. Lift: how many times the random rate (“
        {event}” in {formatPercent(curve.eventRate)} of the rows) the top part holds. Dots mark the
        ten deciles.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ChartCard
          title="Cumulative gains"
          label={`Cumulative gains for ${event}: share of ${event} rows found against share of rows targeted`}
          points={gains.length}
          legend={LEGEND}
        >
          <ComposedChart data={gains} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
            <XAxis
              type="number"
              dataKey="x"
              domain={[0, 1]}
              tickFormatter={percentTick}
              label={{ value: 'Rows targeted', position: 'insideBottom', offset: -8 }}
            />
            <YAxis
              width={56}
              domain={[0, 1]}
              tickFormatter={percentTick}
              label={{ value: `${event} found`, angle: -90, position: 'insideLeft' }}
            />
            <Tooltip
              formatter={(v) => (typeof v === 'number' ? percentTick(v) : String(v))}
              labelFormatter={(l: unknown) =>
                `${typeof l === 'number' ? percentTick(l) : ''} of rows`
              }
            />
            <Line
              dataKey="perfect"
              name="Perfect"
              stroke="var(--mantine-color-gray-5)"
              strokeDasharray="2 3"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="random"
              name="Random"
              stroke="var(--mantine-color-gray-6)"
              strokeDasharray="5 5"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="model"
              name="Model"
              stroke="var(--mantine-color-blue-6)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Scatter
              data={decilePoints}
              dataKey="gain"
              name="Deciles"
              fill="var(--mantine-color-blue-8)"
              isAnimationActive={false}
              legendType="none"
            />
          </ComposedChart>
        </ChartCard>
        <ChartCard
          title="Lift"
          label={`Cumulative lift for ${event} against share of rows targeted`}
          points={lift.length}
          legend={LEGEND}
        >
          <ComposedChart data={lift} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
            <XAxis
              type="number"
              dataKey="x"
              domain={[0, 1]}
              tickFormatter={percentTick}
              label={{ value: 'Rows targeted', position: 'insideBottom', offset: -8 }}
            />
            <YAxis
              width={56}
              domain={[0, (max: number) => Math.ceil(max)]}
              allowDecimals={false}
              tickFormatter={(v: number) => formatNumber(v, 1)}
              label={{ value: 'Lift', angle: -90, position: 'insideLeft' }}
            />
            <Tooltip
              formatter={(v) => (typeof v === 'number' ? formatNumber(v, 2) : String(v))}
              labelFormatter={(l: unknown) =>
                `${typeof l === 'number' ? percentTick(l) : ''} of rows`
              }
            />
            <Line
              dataKey="perfect"
              name="Perfect"
              stroke="var(--mantine-color-gray-5)"
              strokeDasharray="2 3"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="random"
              name="Random"
              stroke="var(--mantine-color-gray-6)"
              strokeDasharray="5 5"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="model"
              name="Model"
              stroke="var(--mantine-color-blue-6)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Scatter
              data={decilePoints}
              dataKey="lift"
              name="Deciles"
              fill="var(--mantine-color-blue-8)"
              isAnimationActive={false}
              legendType="none"
            />
          </ComposedChart>
        </ChartCard>
      </SimpleGrid>
      <Group justify="space-between" mt="md" mb={4}>
        <Text size="sm" fw={600}>
          Deciles
        </Text>
        <CsvDownload
          title="Deciles"
          header={header}
          rows={() =>
            deciles.map((d) => [
              d.decile + 1,
              d.count,
              d.minScore,
              d.maxScore,
              d.events,
              d.eventRate,
              d.cumulativeEventShare,
              d.lift,
              d.cumulativeLift,
            ])
          }
        />
      </Group>
      <Table aria-label="Deciles" striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            {header.map((h, i) => (
              <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
                {h.replace('score', `P(${event})`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deciles.map((d) => (
            <Table.Tr key={d.decile}>
              <Table.Td>{d.decile + 1}</Table.Td>
              <Num value={d.count} />
              <Num value={d.minScore} digits={3} />
              <Num value={d.maxScore} digits={3} />
              <Num value={d.events} />
              <Num value={d.eventRate} percent />
              <Num value={d.cumulativeEventShare} percent />
              <Num value={d.lift} digits={2} />
              <Num value={d.cumulativeLift} digits={2} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

function Num({
  value,
  digits = 4,
  percent,
}: {
  value: number
  digits?: number
  percent?: boolean
}) {
  return (
    <Table.Td ta="right" data-value={value}>
      {percent ? formatPercent(value) : formatNumber(value, digits)}
    </Table.Td>
  )
}
