import { Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { createBundle } from '../../core/export/bundle'
import { attachPredictions, predictionColumns, predictionsCsv } from '../../core/export/predictions'
import { tableRecords } from '../../core/table/table'
import { useStudio } from '../../state/studio-store'
import { downloadBytes } from '../../ui/download'
import { EmptyState } from '../../ui/empty-state'
import { formatNumber } from '../../ui/format'

const PREVIEW_ROWS = 12

function baseName(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '-')
}

export function DeployStep() {
  const trained = useStudio((s) => s.trained)
  const dataset = useStudio((s) => s.dataset)
  const predictions = useMemo(() => {
    if (!trained || !dataset) return []
    return attachPredictions(
      trained.recipe,
      tableRecords(dataset.table, trained.testRows),
      trained.testOutputs,
    )
  }, [trained, dataset])
  if (!trained || !dataset) {
    return (
      <EmptyState title="Nothing to deploy yet">
        Train a model first: its bundle and predictions are offered here.
      </EmptyState>
    )
  }
  const { recipe } = trained
  const stem = `${baseName(recipe.source.name)}-${recipe.target.column}`
  const added = predictionColumns(recipe)
  const shown = [recipe.target.column, ...added]
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Title order={4}>Model bundle</Title>
        <Text size="sm" c="dimmed" mb="sm">
          A .zip with the TensorFlow.js model (model.json + weights.bin), the fitted preparation
          (recipe.json) and a README. Load it with <code>tf.loadLayersModel</code> and apply the
          recipe to raw rows to get the same predictions as this page.
        </Text>
        <Group>
          <Button
            onClick={() =>
              downloadBytes(
                createBundle({ model: trained.model, recipe }),
                `${stem}-model.zip`,
                'application/zip',
              )
            }
          >
            Download model bundle
          </Button>
          <Button
            variant="light"
            onClick={() =>
              downloadBytes(predictionsCsv(predictions), `${stem}-test-predictions.csv`, 'text/csv')
            }
          >
            Download test predictions (CSV)
          </Button>
        </Group>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="xs">
          Predictions on the test rows
        </Title>
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
          Showing {Math.min(PREVIEW_ROWS, predictions.length)} of {predictions.length} test rows;
          the CSV has them all with every input column.
        </Text>
      </Paper>
    </Stack>
  )
}
