import { Alert, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core'
import { useDeferredValue, useMemo, useState } from 'react'
import { historyRow, type RunSummary } from '../../core/train/run-history'
import { useStudio } from '../../state/studio-store'
import { RunDeleteDialog } from './run-delete-dialog'
import { RunHistoryRow } from './run-history-row'

/** Long headers take two lines so that the cells stay on one. */
const WRAP = { whiteSpace: 'normal', width: 80 } as const

/** Every finished run, newest first: pick runs to compare, restore one, or delete one. */
export function RunHistoryPanel() {
  // A run that ends adds a row: drawn in slices, not in the task that ends the run.
  const runs = useDeferredValue(useStudio((s) => s.runs))
  const loaded = useStudio((s) => s.runsLoaded)
  const persistent = useStudio((s) => s.runsPersistent)
  const error = useStudio((s) => s.runsError)
  const dismiss = useStudio((s) => s.dismissRunsError)
  const deleteRun = useStudio((s) => s.deleteRun)
  const [deleting, setDeleting] = useState<RunSummary | null>(null)
  const rows = useMemo(() => runs.map((run) => ({ run, row: historyRow(run) })), [runs])
  const datasets = new Set(runs.map((r) => r.datasetName))
  if (!loaded || (runs.length === 0 && !error)) return null
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="run-history-title">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={4} id="run-history-title">
          Run history
        </Title>
        <Text size="xs" c="dimmed">
          {runs.length} run{runs.length === 1 ? '' : 's'}
          {persistent
            ? ' kept in this browser'
            : ' kept until this page closes (this browser offers no storage)'}
          {runs.length > 1 && ' · tick two or more to compare'}
        </Text>
      </Group>
      {error && (
        <Alert color="red" variant="light" mb="sm" withCloseButton onClose={dismiss}>
          {error}
        </Alert>
      )}
      <ScrollArea type="hover" scrollbars="x">
        <Table
          aria-label="Run history"
          fz="xs"
          verticalSpacing={6}
          horizontalSpacing="xs"
          highlightOnHover
          style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32} />
              <Table.Th>Run</Table.Th>
              <Table.Th>When</Table.Th>
              {datasets.size > 1 && <Table.Th>Data</Table.Th>}
              <Table.Th>Model</Table.Th>
              <Table.Th>Optimiser</Table.Th>
              <Table.Th ta="right" style={WRAP}>
                Learning rate
              </Table.Th>
              <Table.Th>Schedule</Table.Th>
              <Table.Th ta="right">Batch</Table.Th>
              <Table.Th ta="right">Epochs</Table.Th>
              <Table.Th>Backend</Table.Th>
              <Table.Th ta="right" style={WRAP}>
                Best val. loss
              </Table.Th>
              <Table.Th>Test</Table.Th>
              <Table.Th ta="right">Duration</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ run, row }) => (
              <RunHistoryRow
                key={run.id}
                run={run}
                row={row}
                showData={datasets.size > 1}
                onDelete={setDeleting}
              />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <RunDeleteDialog
        run={deleting}
        onCancel={() => setDeleting(null)}
        onConfirm={(run) => {
          setDeleting(null)
          void deleteRun(run.id)
        }}
      />
    </Paper>
  )
}
