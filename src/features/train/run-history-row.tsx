import { Button, Checkbox, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { memo, useDeferredValue, useId } from 'react'
import { durationLabel, type HistoryRow, type RunSummary } from '../../core/train/run-history'
import { restoreBlockedReason } from '../../state/runs-slice'
import { useStudio } from '../../state/studio-store'
import { formatNumber } from '../../ui/format'
import { runColor } from './run-colors'
import { runWhen } from '../../ui/run-when'

const METRIC_SHORT: Record<string, string> = { auc: 'AUC', accuracy: 'Acc.', rmse: 'RMSE' }

/** Short enough for a table cell; the comparison below names them in full. */
const BACKEND_SHORT = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' } as const

const STOPPED = { completed: null, stopped: 'stopped', 'early-stopping': 'early stop' }

interface RowProps {
  run: RunSummary
  row: HistoryRow
  showData: boolean
  onDelete: (run: RunSummary) => void
}

export const RunHistoryRow = memo(function RunHistoryRow(props: RowProps) {
  const { run } = props
  const pickedAt = useStudio((s) => s.pickedRunIds.indexOf(run.id))
  const current = useStudio((s) => s.currentRunId === run.id)
  const restoring = useStudio((s) => s.restoringRunId === run.id)
  // Changes for every row as a run starts and ends: redrawn in slices, not in the click's task
  // (Restore checks again when pressed, so a moment's stale answer does no harm).
  const blocked = useDeferredValue(useStudio((s) => restoreBlockedReason(s, run)))
  return (
    <RowCells
      {...props}
      pickedAt={pickedAt}
      current={current}
      restoring={restoring}
      blocked={blocked}
    />
  )
})

const RowCells = memo(function RowCells({
  run,
  row,
  showData,
  onDelete,
  pickedAt,
  current,
  restoring,
  blocked,
}: RowProps & { pickedAt: number; current: boolean; restoring: boolean; blocked: string | null }) {
  const toggle = useStudio((s) => s.togglePickedRun)
  const restore = useStudio((s) => s.restoreRun)
  const reasonId = useId()
  const picked = pickedAt >= 0
  const stopped = STOPPED[row.stopReason]
  return (
    <Table.Tr bg={current ? 'var(--mantine-color-blue-0)' : undefined} data-run={run.number}>
      <Table.Td>
        <Checkbox
          size="xs"
          aria-label={`Compare run ${run.number}`}
          checked={picked}
          onChange={() => toggle(run.id)}
          color={picked ? runColor(pickedAt) : undefined}
        />
      </Table.Td>
      <Table.Td>
        <Text size="xs" fw={600}>
          Run {run.number}
        </Text>
        {current && (
          <Text size="xs" c="blue.7">
            current
          </Text>
        )}
      </Table.Td>
      <Table.Td c="dimmed" title={new Date(row.startedAt).toLocaleString('en-GB')}>
        {runWhen(row.startedAt)}
      </Table.Td>
      {showData && <Table.Td>{row.datasetName}</Table.Td>}
      <Table.Td>
        <Text size="xs">{row.model}</Text>
        <Text size="xs" c="dimmed">
          {row.layers} layer{row.layers === 1 ? '' : 's'}
        </Text>
      </Table.Td>
      <Table.Td>{row.optimizer}</Table.Td>
      <Table.Td ta="right" data-value={row.learningRate}>
        {formatNumber(row.learningRate, 6)}
      </Table.Td>
      <Table.Td>{row.schedule}</Table.Td>
      <Table.Td ta="right">{row.batchSize}</Table.Td>
      <Table.Td ta="right">
        <Text size="xs">
          {row.epochsRun} / {row.epochsPlanned}
        </Text>
        {stopped && (
          <Text size="xs" c="dimmed">
            {stopped}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{BACKEND_SHORT[row.backend]}</Table.Td>
      <Table.Td ta="right" data-value={row.bestValLoss ?? ''}>
        {formatNumber(row.bestValLoss)}
      </Table.Td>
      <Table.Td>
        {row.testMetrics.length === 0
          ? '—'
          : row.testMetrics.map((m) => (
              <Text span size="xs" key={m.key} mr={8} data-metric={m.key} data-value={m.value}>
                <Text span size="xs" c="dimmed">
                  {METRIC_SHORT[m.key] ?? m.label}
                </Text>{' '}
                {formatNumber(m.value, 3)}
              </Text>
            ))}
      </Table.Td>
      <Table.Td ta="right">{durationLabel(row.durationMs)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label={blocked ?? ''} disabled={!blocked} withArrow multiline w={260}>
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={`Restore run ${run.number}`}
              aria-disabled={blocked !== null || undefined}
              aria-describedby={blocked ? reasonId : undefined}
              data-disabled={blocked !== null || undefined}
              loading={restoring}
              onClick={() => {
                if (!blocked) void restore(run.id)
              }}
            >
              Restore
            </Button>
          </Tooltip>
          {blocked && <VisuallyHidden id={reasonId}>{blocked}</VisuallyHidden>}
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            aria-label={`Delete run ${run.number}`}
            onClick={() => onDelete(run)}
          >
            Delete
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
})
