import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { costCurve, costOf, type CostSettings } from '../../../core/evaluate/scoring/cost'
import { thinIndices } from '../../../core/evaluate/scoring/thin'
import { confusionAt, type ThresholdSweep } from '../../../core/evaluate/scoring/threshold-sweep'
import type { TestSet } from '../../../core/evaluate/test-set'
import { CsvDownload } from '../../../ui/download-buttons'
import { formatNumber } from '../../../ui/format'
import { useThreshold } from '../threshold-store'
import { ChartCard } from './chart-card'
import { Figure } from './threshold-panel'

const MAX_POINTS = 600

/** What the mistakes cost at each threshold, and the threshold that costs least. */
export function CostPanel({
  testSet,
  sweep,
  costs,
  onCosts,
}: {
  testSet: TestSet
  sweep: ThresholdSweep
  costs: CostSettings
  onCosts: (costs: CostSettings) => void
}) {
  const threshold = useThreshold((s) => s.threshold)
  const setThreshold = useThreshold((s) => s.setThreshold)
  const n = testSet.actual.length
  const curve = useMemo(() => costCurve(sweep, costs), [sweep, costs])
  const points = useMemo(
    () =>
      thinIndices(curve.thresholds.length, MAX_POINTS, [curve.cheapest.index])
        .map((i) => ({
          threshold: curve.thresholds[i] ?? 0,
          total: curve.totals[i] ?? 0,
          perRow: (curve.totals[i] ?? 0) / n,
        }))
        .reverse(),
    [curve, n],
  )
  const current = costOf(confusionAt(testSet.actual, testSet.outputs, threshold), costs)
  const [negative = 'negative', positive = 'positive'] = testSet.classes
  const approved = costs.approveClass === 1 ? positive : negative
  const other = costs.approveClass === 1 ? negative : positive
  const cheapest = curve.cheapest
  const setCost = (key: 'wrongApproval' | 'wrongRejection') => (v: string | number) => {
    const value = typeof v === 'number' ? v : Number(v)
    if (v !== '' && Number.isFinite(value) && value >= 0) onCosts({ ...costs, [key]: value })
  }
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4}>Cost of mistakes</Title>
      <Text size="sm" c="dimmed" mb="sm">
        A <b>wrong approval</b> approves an applicant who is really “{other}” (for a lender, a loan
        that defaults). A <b>wrong rejection</b> turns away one who is really “{approved}” (a good
        customer lost). Put both in the same unit, such as the money each one loses; German credit
        is often scored with 5 for a wrong approval and 1 for a wrong rejection.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Stack gap="sm">
          <NumberInput
            label="Cost of a wrong approval"
            min={0}
            value={costs.wrongApproval}
            onChange={setCost('wrongApproval')}
          />
          <NumberInput
            label="Cost of a wrong rejection"
            min={0}
            value={costs.wrongRejection}
            onChange={setCost('wrongRejection')}
          />
          <SimpleGrid cols={2} spacing="xs">
            <Figure
              label="Cost at this threshold"
              value={current}
              detail={`${formatNumber(current / n, 3)} per row`}
            />
            <Figure
              label="Cheapest cost"
              value={cheapest.cost}
              detail={`${formatNumber(cheapest.cost / n, 3)} per row`}
            />
          </SimpleGrid>
          <Text size="sm" data-cheapest-threshold={cheapest.threshold}>
            Cheapest threshold: <b>{formatNumber(cheapest.threshold, 6)}</b>, found by trying every
            distinct score of the {formatNumber(n)} test rows.
          </Text>
          <Group>
            <Button
              onClick={() => setThreshold(cheapest.threshold)}
              disabled={cheapest.threshold === threshold}
            >
              Use cheapest threshold
            </Button>
          </Group>
        </Stack>
        <div style={{ gridColumn: 'span 2' }}>
          <ChartCard
            title="Cost by threshold"
            label={`Total cost of mistakes on the test rows for each threshold; the cheapest is ${formatNumber(cheapest.cost)} at ${formatNumber(cheapest.threshold, 4)}`}
            points={points.length}
            legend={[
              { name: 'Total cost', color: 'var(--mantine-color-blue-6)' },
              { name: 'Threshold in use', color: 'var(--mantine-color-gray-6)', dashed: true },
            ]}
            note={
              <>
                The cost only changes where the threshold passes a row's score. Dot: cheapest;
                dashed line: the threshold in use.{' '}
                <CsvDownload
                  title="Cost by threshold"
                  header={['threshold', 'total cost', 'cost per row']}
                  rows={() =>
                    Array.from(curve.thresholds, (t, i) => [
                      t,
                      curve.totals[i],
                      (curve.totals[i] ?? 0) / n,
                    ])
                  }
                />
              </>
            }
          >
            <LineChart data={points} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
              <XAxis
                type="number"
                dataKey="threshold"
                domain={[0, 1]}
                tickCount={6}
                label={{ value: 'Threshold', position: 'insideBottom', offset: -8 }}
              />
              <YAxis
                yAxisId="total"
                width={64}
                tickFormatter={(v: number) => formatNumber(v, 1)}
                label={{ value: 'Total cost', angle: -90, position: 'insideLeft' }}
              />
              <YAxis
                yAxisId="perRow"
                orientation="right"
                width={56}
                tickFormatter={(v: number) => formatNumber(v, 2)}
                label={{ value: 'Per row', angle: 90, position: 'insideRight' }}
              />
              <Tooltip
                formatter={(v) => (typeof v === 'number' ? formatNumber(v, 3) : String(v))}
                labelFormatter={(l: unknown) =>
                  `Threshold ${typeof l === 'number' ? formatNumber(l, 4) : ''}`
                }
              />
              {/* A threshold's cost holds from just above the next lower score up to it. */}
              <Line
                yAxisId="total"
                type="stepBefore"
                dataKey="total"
                name="Total cost"
                stroke="var(--mantine-color-blue-6)"
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
              />
              {/* Same curve over n: drawn invisibly so the right axis reads cost per row. */}
              <Line
                yAxisId="perRow"
                type="stepBefore"
                dataKey="perRow"
                name="Cost per row"
                stroke="transparent"
                dot={false}
                isAnimationActive={false}
                legendType="none"
              />
              <ReferenceLine
                yAxisId="total"
                x={threshold}
                stroke="var(--mantine-color-gray-6)"
                strokeDasharray="4 4"
              />
              <ReferenceDot
                yAxisId="total"
                x={cheapest.threshold}
                y={cheapest.cost}
                r={5}
                fill="var(--mantine-color-green-6)"
                stroke="white"
              />
            </LineChart>
          </ChartCard>
        </div>
      </SimpleGrid>
    </Paper>
  )
}
