import { Badge, Group, Table, Text } from '@mantine/core'
import { FOUR_FIFTHS, type GroupOutcome } from '../../../core/evaluate/fairness/fairness-table'
import { CsvDownload } from '../../../ui/download-buttons'
import { formatNumber, formatPercent } from '../../../ui/format'

const HEADER = [
  'Group',
  'Rows',
  'Approved',
  'Approval rate',
  'TPR',
  'FPR',
  'Precision',
  'Disparate-impact ratio',
]
const CSV_HEADER = [...HEADER, 'Reference group']

/** One row per group, with its rates and its approval rate against the reference group's. */
export function FairnessTableView({
  title,
  outcomes,
}: {
  title: string
  outcomes: GroupOutcome[]
}) {
  return (
    <>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <CsvDownload
          title={title}
          header={CSV_HEADER}
          rows={() =>
            outcomes.map((o) => [
              o.group,
              o.rows,
              o.approvals,
              o.approvalRate,
              o.tpr,
              o.fpr,
              o.precision,
              o.ratio,
              o.reference,
            ])
          }
        />
      </Group>
      <Table aria-label={title} striped fz="sm">
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
          {outcomes.map((o) => (
            <Table.Tr key={o.group} data-group={o.group}>
              <Table.Td>{o.group}</Table.Td>
              <Cell value={o.rows} />
              <Cell value={o.approvals} />
              <Cell value={o.approvalRate} percent />
              <Cell value={o.tpr} percent />
              <Cell value={o.fpr} percent />
              <Cell value={o.precision} percent />
              <Table.Td ta="right" data-value={o.ratio ?? ''}>
                {o.ratio !== null && o.ratio < FOUR_FIFTHS ? (
                  <Badge
                    color="red"
                    variant="light"
                    title="Under four fifths of the reference group's rate"
                  >
                    {formatNumber(o.ratio, 3)} · under 0.8
                  </Badge>
                ) : o.reference ? (
                  <Badge
                    color="gray"
                    variant="light"
                    title="The group the others are compared with"
                  >
                    1 · reference
                  </Badge>
                ) : (
                  formatNumber(o.ratio, 3)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}

function Cell({ value, percent }: { value: number | null; percent?: boolean }) {
  return (
    <Table.Td ta="right" data-value={value ?? ''}>
      {value === null ? '—' : percent ? formatPercent(value) : formatNumber(value)}
    </Table.Td>
  )
}
