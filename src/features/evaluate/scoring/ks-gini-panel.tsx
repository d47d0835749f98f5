import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { classCdfs, ksStatistic } from '../../../core/evaluate/scoring/ks-gini'
import { thinIndices } from '../../../core/evaluate/scoring/thin'
import type { ThresholdSweep } from '../../../core/evaluate/scoring/threshold-sweep'
import type { TestSet } from '../../../core/evaluate/test-set'
import { rocAuc } from '../../../core/evaluate/metrics'
import { formatNumber } from '../../../ui/format'
import { ChartCard, percentTick } from './chart-card'
import { Figure } from './threshold-panel'

const MAX_POINTS = 600

/** KS and Gini, the two separation figures a credit-scoring team reports first. */
export function KsGiniPanel({ testSet, sweep }: { testSet: TestSet; sweep: ThresholdSweep }) {
  const ks = useMemo(() => ksStatistic(sweep), [sweep])
  const auc = useMemo(() => rocAuc(testSet.actual, testSet.outputs), [testSet])
  const cdfs = useMemo(() => {
    const all = classCdfs(sweep)
    const at = all.findIndex((p) => p.score === ks.threshold)
    return thinIndices(all.length, MAX_POINTS, [at]).flatMap((i) => all[i] ?? [])
  }, [sweep, ks])
  const [negative = 'negative', positive = 'positive'] = testSet.classes
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4}>KS and Gini</Title>
      <Text size="sm" c="dimmed" mb="sm">
        How well the score separates “{positive}” from “{negative}”, whatever the threshold. KS is
        the widest gap between the two classes' cumulative score distributions; Gini is 2 × ROC AUC
        − 1. Both run from 0 (no better than chance) to 1 (perfect separation).
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Stack gap="sm" aria-label="Separation figures" role="group">
          <Figure label="KS statistic" value={ks.ks} />
          <Text
            size="sm"
            data-ks-threshold={ks.threshold}
            data-ks-tpr={ks.tpr}
            data-ks-fpr={ks.fpr}
          >
            Widest at threshold <b>{formatNumber(ks.threshold, 4)}</b>:{' '}
            {formatNumber(ks.tpr * 100, 1)}% of “{positive}” rows score at or above it, against{' '}
            {formatNumber(ks.fpr * 100, 1)}% of “{negative}” rows.
          </Text>
          <Figure label="Gini" value={2 * auc - 1} />
          <Figure label="ROC AUC" value={auc} />
        </Stack>
        <div style={{ gridColumn: 'span 2' }}>
          <ChartCard
            title="KS chart"
            label={`Cumulative score distributions of ${positive} and ${negative}; the widest gap, KS ${formatNumber(ks.ks, 3)}, is at threshold ${formatNumber(ks.threshold, 3)}`}
            points={cdfs.length}
            legend={[
              { name: negative, color: 'var(--mantine-color-indigo-6)' },
              { name: positive, color: 'var(--mantine-color-orange-6)' },
            ]}
            note="Each line: the share of that class's test rows scoring below the threshold. The dashed line marks the widest gap."
          >
            <LineChart data={cdfs} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
              <XAxis
                type="number"
                dataKey="score"
                domain={[0, 1]}
                tickCount={6}
                label={{
                  value: `Score (probability of ${positive})`,
                  position: 'insideBottom',
                  offset: -8,
                }}
              />
              <YAxis
                width={56}
                domain={[0, 1]}
                tickFormatter={percentTick}
                label={{ value: 'Share below', angle: -90, position: 'insideLeft' }}
              />
              <Tooltip
                formatter={(v) => (typeof v === 'number' ? percentTick(v) : String(v))}
                labelFormatter={(l: unknown) =>
                  `Threshold ${typeof l === 'number' ? formatNumber(l, 4) : ''}`
                }
              />
              <Line
                type="stepBefore"
                dataKey="negativeBelow"
                name={negative}
                stroke="var(--mantine-color-indigo-6)"
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
              />
              <Line
                type="stepBefore"
                dataKey="positiveBelow"
                name={positive}
                stroke="var(--mantine-color-orange-6)"
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
              />
              <ReferenceLine
                x={ks.threshold}
                stroke="var(--mantine-color-gray-7)"
                strokeDasharray="4 4"
                label={{ value: `KS ${formatNumber(ks.ks, 3)}`, position: 'insideTopLeft' }}
              />
            </LineChart>
          </ChartCard>
        </div>
      </SimpleGrid>
    </Paper>
  )
}
