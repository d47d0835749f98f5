import { Group, Paper, Table, Text } from '@mantine/core'
import type { ResidualSummary } from '../../../core/evaluate/regression/residuals'
import { CsvDownload } from '../../../ui/download-buttons'
import { formatNumber } from '../../../ui/format'

/** The residuals in a few numbers, each with what it means. */
export function ResidualSummaryTable({
  summary,
  target,
}: {
  summary: ResidualSummary
  target: string
}) {
  const rows: [string, number | string, string][] = [
    [
      'Mean residual (bias)',
      summary.mean,
      summary.mean > 0 ? 'on average predicted too low' : 'on average predicted too high',
    ],
    ['Median residual', summary.median, 'half the rows above, half below'],
    ['Standard deviation', summary.std, 'typical size of an error'],
    [
      '5th to 95th percentile',
      `${formatNumber(summary.p5)} to ${formatNumber(summary.p95)}`,
      'nine rows in ten fall in this range',
    ],
    ['Largest under-prediction', summary.max, 'actual far above the prediction'],
    ['Largest over-prediction', summary.min, 'actual far below the prediction'],
  ]
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          Residual summary ({target}, actual − predicted)
        </Text>
        <CsvDownload
          title="Residual summary"
          header={['Statistic', 'Value', 'Meaning']}
          rows={() => [
            ...rows.filter((r) => typeof r[1] === 'number'),
            ['5th percentile', summary.p5, ''],
            ['95th percentile', summary.p95, ''],
          ]}
        />
      </Group>
      <Table aria-label="Residual summary" striped>
        <Table.Tbody>
          {rows.map(([name, value, meaning]) => (
            <Table.Tr key={name}>
              <Table.Td>{name}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {typeof value === 'number' ? formatNumber(value) : value}
              </Table.Td>
              <Table.Td c="dimmed" fz="xs">
                {meaning}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {summary.count.toLocaleString('en-US')} test rows.
      </Text>
    </Paper>
  )
}
