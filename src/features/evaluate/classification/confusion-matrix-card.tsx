import { Group, Paper, Table, Text, Title, UnstyledButton } from '@mantine/core'
import { CsvDownload } from '../../../ui/download-buttons'
import { formatPercent } from '../../../ui/format'

export interface Cell {
  readonly actual: number
  readonly predicted: number
}

/** Blue for right answers, red for mistakes; stronger as the cell holds more of its row. */
function cellColour(share: number, correct: boolean): string {
  const alpha = (0.06 + 0.64 * share).toFixed(2)
  return correct ? `rgba(34, 139, 230, ${alpha})` : `rgba(250, 82, 82, ${alpha})`
}

/**
 * Counts of actual (rows) against predicted (columns) classes, with each cell's share of its
 * actual row. Every cell is a button that lists its test rows.
 */
export function ConfusionMatrixCard({
  matrix,
  classes,
  basis,
  selected,
  onSelect,
}: {
  matrix: readonly (readonly number[])[]
  classes: readonly string[]
  basis: string
  selected: Cell | null
  onSelect: (cell: Cell) => void
}) {
  const name = (k: number) => classes[k] ?? `Class ${k}`
  const totals = matrix.map((row) => row.reduce((a, b) => a + b, 0))
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Confusion matrix</Title>
        <CsvDownload
          title="Confusion matrix"
          header={['actual \\ predicted', ...classes, 'total']}
          rows={() => matrix.map((row, a) => [name(a), ...row, totals[a]])}
        />
      </Group>
      <Table aria-label="Confusion matrix" withTableBorder withColumnBorders w="auto">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Actual ↓ · Predicted →</Table.Th>
            {classes.map((c) => (
              <Table.Th key={c} ta="center">
                {c}
              </Table.Th>
            ))}
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.map((row, a) => (
            <Table.Tr key={name(a)}>
              <Table.Th>{name(a)}</Table.Th>
              {row.map((count, p) => {
                const share = totals[a] ? count / (totals[a] ?? 1) : 0
                const isSelected = selected?.actual === a && selected.predicted === p
                return (
                  <Table.Td
                    key={name(p)}
                    p={0}
                    bg={cellColour(share, a === p)}
                    style={isSelected ? { outline: '2px solid var(--mantine-color-dark-4)' } : {}}
                  >
                    <UnstyledButton
                      w="100%"
                      px="md"
                      py={8}
                      ta="center"
                      aria-pressed={isSelected}
                      aria-label={`Show rows: actual ${name(a)}, predicted ${name(p)} (${count})`}
                      data-count={count}
                      onClick={() => onSelect({ actual: a, predicted: p })}
                    >
                      <Text fw={700} size="lg" lh={1.2}>
                        {count.toLocaleString('en-US')}
                      </Text>
                      <Text size="xs" c="dark.3">
                        {formatPercent(share)} of {name(a)}
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                )
              })}
              <Table.Td ta="right" c="dimmed">
                {totals[a]?.toLocaleString('en-US')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {basis} Rows are the actual class, columns the prediction; the diagonal (blue) is right, the
        rest (red) are mistakes. Click a cell to see its rows.
      </Text>
    </Paper>
  )
}
