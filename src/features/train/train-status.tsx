import { Alert, Group, Paper, Progress, Table, Text } from '@mantine/core'
import { BACKEND_LABELS } from '../../core/train/backend-names'
import { modelCheckOf } from '../../state/model-slice'
import { useStudio } from '../../state/studio-store'
import { formatRate } from '../../ui/format'

const STATUS_TEXT = {
  idle: 'Ready to train',
  starting: 'Choosing the backend…',
  training: 'Training',
  paused: 'Paused',
  stopping: 'Stopping after this epoch…',
  done: 'Finished',
  error: 'Stopped by an error',
} as const

function eta(secondsPerEpoch: number, remaining: number): string {
  const seconds = Math.round(secondsPerEpoch * remaining)
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`
}

export function TrainStatus() {
  const status = useStudio((s) => s.trainingStatus)
  const choice = useStudio((s) => s.backendChoice)
  const epochs = useStudio((s) => s.epochs)
  const total = useStudio((s) => s.recipe?.training.epochs ?? 0)
  const tensors = useStudio((s) => s.tensorsInUse)
  const stoppedEarly = useStudio((s) => s.trained?.stoppedEarly ?? false)
  const leaked = useStudio((s) => s.trained?.leakedTensors ?? null)
  const broken = useStudio((s) => Boolean(modelCheckOf(s.recipe, s.plan)?.firstError))
  const last = epochs.at(-1)
  const done = epochs.length
  const secondsPerEpoch = last ? last.elapsedMs / 1000 / last.epoch : 0
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <div role="status" aria-live="polite">
          <Text fw={600}>
            {choice ? `Backend: ${choice.backend}` : 'Backend: not chosen yet'}
            <Text span c="dimmed" fw={400}>
              {' '}
              ·{' '}
              {stoppedEarly
                ? 'Stopped by hand'
                : status === 'idle' && broken
                  ? 'The model needs a fix first'
                  : STATUS_TEXT[status]}
              {status === 'done' && ` after ${done} epoch${done === 1 ? '' : 's'}`}
            </Text>
          </Text>
        </div>
        {last && (
          <Text size="sm" c="dimmed">
            Epoch {done} of {total} · {formatRate(last.samplesPerSecond)}
            {status === 'training' &&
              done < total &&
              ` · about ${eta(secondsPerEpoch, total - done)} left`}
            {leaked === null
              ? tensors !== null && ` · ${tensors} tensors in use`
              : leaked === 0
                ? ' · all tensors released'
                : ` · ${leaked} tensors not released`}
          </Text>
        )}
      </Group>
      <Progress
        value={total > 0 ? (done / total) * 100 : 0}
        aria-label="Training progress"
        animated={status === 'training' || status === 'starting'}
        size="lg"
      />
      {choice?.notes.map((note) => (
        <Alert key={note} color="yellow" mt="sm" title="Backend fallback">
          {note}
        </Alert>
      ))}
      {choice && choice.probes.length > 0 && (
        <Table aria-label="Backend speed probe" mt="sm" fz="xs" withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Backend</Table.Th>
              <Table.Th>Measured training speed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {choice.probes.map((probe) => (
              <Table.Tr key={probe.backend} fw={probe.backend === choice.backend ? 700 : undefined}>
                <Table.Td>
                  {BACKEND_LABELS[probe.backend]}
                  {probe.backend === choice.backend && ' (chosen)'}
                </Table.Td>
                <Table.Td>
                  {probe.samplesPerSecond === null
                    ? `unavailable: ${probe.error ?? ''}`
                    : formatRate(probe.samplesPerSecond)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
