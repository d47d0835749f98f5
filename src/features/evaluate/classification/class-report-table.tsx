import { Group, Paper, Table, Text, Title } from '@mantine/core'
import type { ClassReport } from '../../../core/evaluate/classification/report'
import { CsvDownload } from '../../../ui/download-buttons'
import { formatNumber } from '../../../ui/format'

const HEADER = ['Class', 'Precision', 'Recall', 'F1', 'Support']

/** sklearn's classification_report as a table: one row per class, then the two averages. */
export function ClassReportTable({
  report,
  classes,
  basis,
}: {
  report: ClassReport
  classes: readonly string[]
  basis: string
}) {
  const rows: [string, number, number, number, number][] = [
    ...report.perClass.map((c, k): [string, number, number, number, number] => [
      classes[k] ?? `Class ${k}`,
      c.precision,
      c.recall,
      c.f1,
      c.support,
    ]),
    ['Macro average', report.macro.precision, report.macro.recall, report.macro.f1, report.total],
    [
      'Weighted average',
      report.weighted.precision,
      report.weighted.recall,
      report.weighted.f1,
      report.total,
    ],
  ]
  const classCount = report.perClass.length
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Per-class report</Title>
        <CsvDownload title="Per-class report" header={HEADER} rows={() => rows} />
      </Group>
      <Table aria-label="Per-class report" striped>
        <Table.Thead>
          <Table.Tr>
            {HEADER.map((h, i) => (
              <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([name, ...values], i) => (
            <Table.Tr
              key={name}
              data-row={name}
              style={i === classCount ? { borderTop: '2px solid var(--mantine-color-gray-4)' } : {}}
            >
              <Table.Td fw={i >= classCount ? 600 : 400}>{name}</Table.Td>
              {values.map((v, j) => (
                <Table.Td key={HEADER[j + 1]} ta="right" data-value={v}>
                  {formatNumber(v, 3)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {basis} Precision: of the rows predicted as the class, the share that are. Recall: of the
        rows that are the class, the share found. F1 balances the two. Support: test rows of the
        class. The macro average weighs every class alike; the weighted one by support. Accuracy:{' '}
        {formatNumber(report.accuracy, 3)}.
      </Text>
    </Paper>
  )
}
