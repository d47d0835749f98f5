import { Paper, ScrollArea, Table, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { tableRecords, type Table as DataTable } from '../../core/table/table'
import { formatNumber } from '../../ui/format'

const PREVIEW_ROWS = 10

export function DataPreview({ table }: { table: DataTable }) {
  const records = useMemo(
    () =>
      tableRecords(
        table,
        Int32Array.from({ length: Math.min(PREVIEW_ROWS, table.rowCount) }, (_, i) => i),
      ),
    [table],
  )
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">
        First rows
      </Title>
      <ScrollArea>
        <Table striped aria-label="Data preview" fz="xs">
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c) => (
                <Table.Th key={c.name} style={{ whiteSpace: 'nowrap' }}>
                  {c.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((record, i) => (
              <Table.Tr key={i}>
                {table.columns.map((c) => {
                  const v = record[c.name]
                  return (
                    <Table.Td key={c.name} style={{ whiteSpace: 'nowrap' }}>
                      {v === null || v === undefined ? (
                        <Text span c="dimmed">
                          missing
                        </Text>
                      ) : typeof v === 'number' ? (
                        formatNumber(v)
                      ) : (
                        v
                      )}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  )
}
