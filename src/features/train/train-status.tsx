import { Alert, Group, Paper, Progress, Table, Text } from '@mantine/core'
import { BACKEND_LABELS } from '../../core/train/backend-names'
import type { EpochLog } from '../../core/train/engine'
import { modelCheckOf } from '../../state/model-slice'
import type { EpochProgress, TrainingStatus } from '../../state/training-slice'
import { useStudio } from '../../state/studio-store'
import { formatBytes, formatDuration, formatNumber, formatRate } from '../../ui/format'
import { earlyStopText } from './stop-reason-text'
import { TrainFigures } from './train-figures'

const STATUS_TEXT = {
  idle: 'Ready to train',
  starting: 'Choosing the backend…',
  training: 'Training',
  paused: 'Paused',
  stopping: 'Stopping after this epoch…',
  done: 'Finished',
  error: 'Stopped by an error',
} as const

/** Epochs trained so far, counting the share of the epoch under way (12.4: 40% into epoch 13). */
function epochsTrained(done: number, progress: EpochProgress | null): number {
  if (!progress || progress.epoch !== done + 1) return done
  return done + progress.batchesDone / progress.batchesPerEpoch
}

/**
 * Seconds left: from the engine's own timing once an epoch has ended, else by extrapolating the
 * first epoch's batches from when the backend was chosen.
 */
function secondsLeft(
  last: EpochLog | undefined,
  trained: number,
  total: number,
  progress: EpochProgress | null,
  startedAt: number | null,
): number | null {
  if (trained <= 0 || trained >= total) return null
  if (last) return (last.elapsedMs / 1000 / last.epoch) * (total - trained)
  if (!progress || startedAt === null) return null
  return ((progress.at - startedAt) / 1000 / trained) * (total - trained)
}

function statusLine(status: TrainingStatus, byHand: boolean, broken: boolean, done: number) {
  if (byHand) return `Stopped by hand after ${done} epoch${done === 1 ? '' : 's'}`
  if (status === 'idle' && broken) return 'The model needs a fix first'
  if (status === 'done') return `Finished after ${done} epoch${done === 1 ? '' : 's'}`
  return STATUS_TEXT[status]
}

export function TrainStatus() {
  const status = useStudio((s) => s.trainingStatus)
  const choice = useStudio((s) => s.backendChoice)
  const epochs = useStudio((s) => s.epochs)
  const total = useStudio((s) => s.recipe?.training.epochs ?? 0)
  const configRate = useStudio((s) => s.recipe?.training.learningRate ?? null)
  const tensors = useStudio((s) => s.tensorsInUse)
  const bytes = useStudio((s) => s.memoryBytes)
  const progress = useStudio((s) => s.epochProgress)
  const startedAt = useStudio((s) => s.trainingStartedAt)
  const runEnd = useStudio((s) => s.runEnd)
  const stoppedEarly = useStudio((s) => s.trained?.stoppedEarly ?? false)
  const leaked = useStudio((s) => s.trained?.leakedTensors ?? null)
  const broken = useStudio((s) => Boolean(modelCheckOf(s.recipe, s.plan)?.firstError))
  const last = epochs.at(-1)
  const done = epochs.length
  const byHand = runEnd ? runEnd.stopReason === 'stopped' : stoppedEarly
  const trained = epochsTrained(done, progress)
  // Paused, the time left stands still, as the training does.
  const left =
    status === 'training' || status === 'paused'
      ? secondsLeft(last, trained, total, progress, startedAt)
      : null
  const stoppedByEarly = status === 'done' && runEnd?.stopReason === 'early-stopping'
  const figures = [
    {
      label: 'Progress',
      value:
        progress && progress.epoch === done + 1 && status !== 'done'
          ? `epoch ${progress.epoch} of ${total} · batch ${progress.batchesDone} of ${progress.batchesPerEpoch}`
          : `epoch ${done} of ${total}`,
    },
    ...(left !== null ? [{ label: 'Time left', value: `about ${formatDuration(left)}` }] : []),
    ...(last ? [{ label: 'Speed', value: formatRate(last.samplesPerSecond) }] : []),
    ...(last || configRate !== null
      ? [{ label: 'Learning rate', value: formatNumber(last?.learningRate ?? configRate, 6) }]
      : []),
    ...(leaked !== null
      ? [
          {
            label: 'Memory',
            value: leaked === 0 ? 'all tensors released' : `${leaked} tensors not released`,
          },
        ]
      : tensors !== null
        ? [
            {
              label: 'Memory',
              value: `${tensors} tensors${bytes !== null ? ` · ${formatBytes(bytes)}` : ''}`,
            },
          ]
        : []),
  ]
  return (
    <Paper withBorder p="md" radius="md">
      <div role="status" aria-live="polite">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>
            {choice ? `Backend: ${choice.backend}` : 'Backend: not chosen yet'}
            <Text span c="dimmed" fw={400}>
              {' · '}
              {statusLine(status, byHand, broken, done)}
            </Text>
          </Text>
        </Group>
        {stoppedByEarly && (
          <Text size="sm" mb="xs">
            {earlyStopText(runEnd, done, last?.valLoss !== null && last !== undefined)}
          </Text>
        )}
      </div>
      <Progress
        value={stoppedByEarly ? 100 : total > 0 ? Math.min(100, (trained / total) * 100) : 0}
        aria-label="Training progress"
        // Stripes only while nothing can be measured yet: once batches report, the bar itself moves.
        animated={status === 'starting'}
        size="md"
        radius="xl"
      />
      {(last || progress) && <TrainFigures figures={figures} />}
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
