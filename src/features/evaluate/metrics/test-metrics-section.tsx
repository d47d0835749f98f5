import { Group, Paper, Table, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import {
  compareMetrics,
  lowerIsBetter,
  type Contender,
} from '../../../core/evaluate/baselines/compare-baselines'
import { BACKEND_LABELS } from '../../../core/train/backend-names'
import { CsvDownload } from '../../../ui/download-buttons'
import { formatNumber } from '../../../ui/format'
import type { EvaluateSectionProps } from '../evaluate-section'
import { metricsVerdict } from './metrics-verdict'

function Cell({
  value,
  best,
  dimmed,
  data,
}: {
  value: number | null
  best: boolean
  dimmed?: boolean
  data: Record<string, number | string | undefined>
}) {
  return (
    <Table.Td
      ta="right"
      fw={best ? 700 : 400}
      c={best ? 'teal.8' : dimmed ? 'dimmed' : undefined}
      bg={best ? 'teal.0' : undefined}
      {...data}
    >
      {formatNumber(value)}
      {best && (
        <Text span size="xs" c="teal.8" ml={4} aria-label="best">
          ★
        </Text>
      )}
    </Table.Td>
  )
}

/** The headline table: the network beside a logistic / linear regression and the prior baseline. */
export function TestMetricsSection({ trained }: EvaluateSectionProps) {
  const { recipe, metrics, testRows, epochs } = trained
  const task = recipe.target.task
  const regression = task === 'regression'
  const linearName = regression ? 'Linear regression' : 'Logistic regression'
  const priorName = regression ? 'Baseline: training mean' : 'Baseline: class frequencies'
  const rows = useMemo(
    () => compareMetrics(metrics, trained.linearBaselineMetrics, trained.baselineMetrics),
    [metrics, trained.linearBaselineMetrics, trained.baselineMetrics],
  )
  const verdict = metricsVerdict(rows, task, linearName)
  const isBest = (best: Contender | null, who: Contender) => best === who
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs" align="flex-start">
        <div>
          <Title order={4}>Test metrics</Title>
          <Text size="sm" c="dimmed">
            {testRows.length.toLocaleString('en-US')} held-out test rows · {epochs.length} epochs on{' '}
            {BACKEND_LABELS[trained.backend]}
            {task === 'binary' &&
              ` · positive class "${recipe.target.classes?.[1] ?? ''}", threshold 0.5`}
          </Text>
        </div>
        <CsvDownload
          title="Test metrics"
          header={['Metric', 'Model', linearName, priorName, 'Best']}
          rows={() => rows.map((r) => [r.label, r.model, r.linear, r.prior, r.best ?? ''])}
        />
      </Group>
      <Table aria-label="Test metrics" striped maw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Metric</Table.Th>
            <Table.Th ta="right">Model</Table.Th>
            <Table.Th ta="right">{linearName}</Table.Th>
            <Table.Th ta="right">{priorName}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-metric={r.key} data-best={r.best ?? undefined}>
              <Table.Td>
                {r.label}
                {lowerIsBetter(r.key) && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (lower is better)
                  </Text>
                )}
              </Table.Td>
              <Cell
                value={r.model}
                best={isBest(r.best, 'model')}
                data={{ 'data-value': r.model }}
              />
              <Cell
                value={r.linear}
                best={isBest(r.best, 'linear')}
                data={{ 'data-linear': r.linear ?? undefined }}
              />
              <Cell
                value={r.prior}
                best={isBest(r.best, 'prior')}
                dimmed
                data={{ 'data-baseline': r.prior ?? undefined }}
              />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="sm" data-testid="metrics-verdict">
        {verdict}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        ★ marks the best score in each row. The {linearName.toLowerCase()} is fitted on the same
        prepared training rows as the network (
        {regression ? 'ordinary least squares' : 'L2-penalised, C = 1, as scikit-learn fits it'}
        ). The prior baseline ignores every input and always predicts{' '}
        {regression
          ? 'the mean of the training rows'
          : 'the class frequencies of the training rows, so the most common class'}
        . A network worth its complexity beats both clearly.
      </Text>
    </Paper>
  )
}
