import { Paper, ScrollArea, Table, Title } from '@mantine/core'
import type { EpochLog } from '../../core/train/engine'
import { formatNumber } from '../../ui/format'

export function EpochTable({ epochs }: { epochs: EpochLog[] }) {
  const hasAccuracy = epochs.some((e) => e.accuracy !== null)
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">
        Training history
      </Title>
      <ScrollArea.Autosize mah={240}>
        <Table aria-label="Training history" striped fz="xs" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Epoch</Table.Th>
              <Table.Th ta="right">Loss</Table.Th>
              <Table.Th ta="right">Validation loss</Table.Th>
              {hasAccuracy && <Table.Th ta="right">Accuracy</Table.Th>}
              {hasAccuracy && <Table.Th ta="right">Validation accuracy</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {epochs.map((e) => (
              <Table.Tr key={e.epoch}>
                <Table.Td>{e.epoch}</Table.Td>
                <Table.Td ta="right" data-value={e.loss}>
                  {formatNumber(e.loss)}
                </Table.Td>
                <Table.Td ta="right" data-value={e.valLoss ?? ''}>
                  {formatNumber(e.valLoss)}
                </Table.Td>
                {hasAccuracy && <Table.Td ta="right">{formatNumber(e.accuracy)}</Table.Td>}
                {hasAccuracy && <Table.Td ta="right">{formatNumber(e.valAccuracy)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  )
}
