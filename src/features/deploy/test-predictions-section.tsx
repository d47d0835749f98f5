import { Button, Paper, ScrollArea, Table, Text, Title, Group } from '@mantine/core'
import { useMemo } from 'react'
import { attachPredictions, predictionColumns, predictionsCsv } from '../../core/export/predictions'
import { tableRecords } from '../../core/table/table'
import { downloadBytes } from '../../ui/download'
import { formatNumber } from '../../ui/format'
import type { DeploySectionProps } from './deploy-section'
import { fileStem } from './file-stem'

const PREVIEW_ROWS = 12

/** The test rows with the model's predictions: a first look, and the CSV the bundle is checked on. */
export function TestPredictionsSection({ trained, dataset }: DeploySectionProps) {
  const predictions = useMemo(() => {
    if (!dataset || trained.recipe.source.kind !== 'table') return []
    return attachPredictions(
      trained.recipe,
      tableRecords(dataset.table, trained.testRows),
      trained.testOutputs,
    )
  }, [trained, dataset])
  if (predictions.length === 0) return null
  const { recipe } = trained
  const shown = [recipe.target.column, ...predictionColumns(recipe)]
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Predictions on the test rows</Title>
        <Button
          variant="light"
          size="xs"
          onClick={() =>
            downloadBytes(
              predictionsCsv(predictions),
              `${fileStem(recipe)}-test-predictions.csv`,
              'text/csv',
            )
          }
        >
          Download test predictions (CSV)
        </Button>
      </Group>
      <ScrollArea>
        <Table aria-label="Test predictions" striped fz="xs">
          <Table.Thead>
            <Table.Tr>
              {shown.map((c) => (
                <Table.Th key={c}>
                  {c === recipe.target.column ? `actual ${c}` : c.replace(/_/g, ' ')}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {predictions.slice(0, PREVIEW_ROWS).map((row, i) => (
              <Table.Tr key={i}>
                {shown.map((c) => {
                  const v = row[c]
                  return (
                    <Table.Td key={c}>
                      {typeof v === 'number' ? formatNumber(v) : (v ?? '—')}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="xs" c="dimmed" mt="xs">
        Showing {Math.min(PREVIEW_ROWS, predictions.length)} of {predictions.length} test rows; the
        CSV has them all with every input column.
      </Text>
    </Paper>
  )
}
