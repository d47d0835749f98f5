import { Paper, ScrollArea, Table, Title } from '@mantine/core'
import { useMemo } from 'react'
import { distinctCount, missingCount, type Table as DataTable } from '../../core/table/table'
import { formatPercent } from '../../ui/format'

export function ColumnSummary({ table }: { table: DataTable }) {
  const rows = useMemo(
    () =>
      table.columns.map((column) => ({
        name: column.name,
        kind: column.kind,
        missing: missingCount(column) / Math.max(1, table.rowCount),
        distinct: distinctCount(column),
      })),
    [table],
  )
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">
        Columns
      </Title>
      <ScrollArea.Autosize mah={320}>
        <Table striped highlightOnHover aria-label="Columns" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th ta="right">Missing</Table.Th>
              <Table.Th ta="right">Distinct values</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.name}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.kind}</Table.Td>
                <Table.Td ta="right">{formatPercent(r.missing)}</Table.Td>
                <Table.Td ta="right">{r.distinct.toLocaleString('en-US')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  )
}
