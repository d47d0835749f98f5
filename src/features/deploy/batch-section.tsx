import { Alert, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import type { InputColumn } from '../../core/export/input-schema'
import { predictionsCsv } from '../../core/export/predictions'
import { downloadBytes } from '../../ui/download'
import { EmptyState } from '../../ui/empty-state'
import { formatNumber } from '../../ui/format'
import { useThreshold } from '../evaluate/threshold-store'
import { BatchPreview } from './batch/batch-preview'
import { BatchSummary } from './batch/batch-summary'
import { useBatchScoring, type BatchState } from './batch/use-batch-scoring'
import type { DeploySectionProps } from './deploy-section'
import { fileStem } from './file-stem'
import { PictureBatch } from './pictures/picture-batch'
import { typicalValues } from './predict/form-values'

const ACCEPT = '.csv,.tsv,.txt,.json,.jsonl,.xlsx,.parquet'

/** A whole file scored in a worker: predictions, probabilities and top reasons per row. */
export function BatchSection(props: DeploySectionProps) {
  if (props.trained.recipe.source.kind === 'images') return <PictureBatch trained={props.trained} />
  if (!props.inputSchema)
    return (
      <EmptyState title="No file scoring for this model">
        Scoring a file needs the training data&apos;s columns: load the data this model was trained
        on on the Data step.
      </EmptyState>
    )
  return <BatchScoring {...props} schema={props.inputSchema} />
}

function BatchScoring({
  trained,
  schema,
}: DeploySectionProps & { readonly schema: readonly InputColumn[] }) {
  const threshold = useThreshold((s) => s.threshold)
  const { state, start, cancel } = useBatchScoring(trained, schema, threshold)
  const { recipe } = trained
  const stem = fileStem(recipe)
  const busy = state.status === 'reading' || state.status === 'scoring'
  const template = () =>
    downloadBytes(predictionsCsv([typicalValues(schema)]), `${stem}-template.csv`, 'text/csv')
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="start">
          <div>
            <Title order={4}>Score a file</Title>
            <Text size="sm" c="dimmed" maw={720}>
              Upload rows to score (CSV, TSV, Excel, JSON or Parquet) with the model&apos;s{' '}
              {schema.length} input columns, named as in the training data; other columns are kept
              as they are. Empty cells count as missing. Each row gets the prediction, the
              probabilities and the three reasons that move it most. Nothing leaves this browser.
            </Text>
          </div>
          <Button size="xs" variant="default" onClick={template}>
            Download a template (CSV)
          </Button>
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={500} component="label" htmlFor="score-file-input">
            Upload a file to score
          </Text>
          <input
            id="score-file-input"
            type="file"
            accept={ACCEPT}
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0]
              // Cleared, so that the same file (fixed and saved again) can be chosen again.
              event.currentTarget.value = ''
              if (file) start(file)
            }}
          />
        </Group>
        <BatchStatus state={state} onCancel={cancel} />
        {state.status === 'done' && (
          <Stack gap="sm">
            <Group justify="space-between">
              <BatchSummary
                summary={state.file.summary}
                seconds={state.seconds}
                target={recipe.target.column}
              />
              <Button
                onClick={() =>
                  downloadBytes(
                    state.file.csv,
                    `${stem}-scored-${state.name.replace(/\.[^.]+$/, '')}.csv`,
                    'text/csv',
                  )
                }
              >
                Download scored file (CSV)
              </Button>
            </Group>
            <BatchPreview file={state.file} />
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}

function BatchStatus({ state, onCancel }: { state: BatchState; onCancel: () => void }) {
  const check = 'check' in state ? state.check : null
  return (
    <>
      {check && (
        <div role="region" aria-label="Column check">
          <Alert
            color={check.columns.missing.length > 0 ? 'red' : 'blue'}
            variant="light"
            title={
              check.columns.missing.length > 0
                ? `“${state.status === 'idle' ? '' : state.name}” cannot be scored: columns are missing`
                : `“${state.status === 'idle' ? '' : state.name}”: ${formatNumber(check.rows)} rows, every input column present`
            }
          >
            <List size="sm" spacing={2}>
              {[...check.columns.messages, ...check.warnings].map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        </div>
      )}
      {state.status === 'reading' && (
        <Text size="sm" role="status">
          Reading {state.name}…
        </Text>
      )}
      {state.status === 'scoring' && (
        <Group gap="sm" align="center">
          <Progress
            value={(state.done / Math.max(1, state.total)) * 100}
            aria-label="Scoring progress"
            style={{ flex: 1 }}
          />
          <Text size="sm" role="status">
            Scored {formatNumber(state.done)} of {formatNumber(state.total)} rows
          </Text>
          <Button size="xs" variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      )}
      {state.status === 'cancelled' && (
        <Text size="sm" role="status">
          Scoring {state.name} was cancelled; nothing was kept. Upload the file again to score it.
        </Text>
      )}
      {state.status === 'error' && (
        <Alert color="red" variant="light" title={`“${state.name}” could not be scored`}>
          {state.message}
        </Alert>
      )}
    </>
  )
}
