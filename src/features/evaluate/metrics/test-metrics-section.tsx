import { Group, Paper, Table, Text, Title } from '@mantine/core'
import { BACKEND_LABELS } from '../../../core/train/backend-names'
import { formatNumber } from '../../../ui/format'
import type { EvaluateSectionProps } from '../evaluate-section'

/** The headline table: the model beside its baselines. (Its owner extends it.) */
export function TestMetricsSection({ trained }: EvaluateSectionProps) {
  const { recipe, metrics, testRows, epochs } = trained
  const baselineLabel =
    recipe.target.task === 'regression' ? 'Baseline: training mean' : 'Baseline: class frequencies'
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Test metrics</Title>
        <Text size="sm" c="dimmed">
          {testRows.length.toLocaleString('en-US')} held-out test rows · {epochs.length} epochs on{' '}
          {BACKEND_LABELS[trained.backend]}
          {recipe.target.task === 'binary' &&
            ` · positive class "${recipe.target.classes?.[1] ?? ''}", threshold 0.5`}
        </Text>
      </Group>
      <Table aria-label="Test metrics" striped maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Metric</Table.Th>
            <Table.Th ta="right">Model</Table.Th>
            <Table.Th ta="right">{baselineLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {metrics.map((m, i) => (
            <Table.Tr key={m.key} data-metric={m.key}>
              <Table.Td>{m.label}</Table.Td>
              <Table.Td ta="right" fw={600} data-value={m.value}>
                {formatNumber(m.value)}
              </Table.Td>
              <Table.Td ta="right" c="dimmed" data-baseline={trained.baselineMetrics[i]?.value}>
                {formatNumber(trained.baselineMetrics[i]?.value)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        The baseline ignores every input and always predicts{' '}
        {recipe.target.task === 'regression'
          ? 'the mean of the training rows'
          : 'the class frequencies of the training rows, so the most common class'}
        . A model worth using beats it clearly.
      </Text>
    </Paper>
  )
}
