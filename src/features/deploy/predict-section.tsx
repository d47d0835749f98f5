import { Alert, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useMemo, useState } from 'react'
import type { InputColumn } from '../../core/export/input-schema'
import { validateRecords } from '../../core/export/validate-records'
import { tableRecords } from '../../core/table/table'
import type { PredictedRow } from '../../workers/score-protocol'
import { EmptyState } from '../../ui/empty-state'
import { useThreshold } from '../evaluate/threshold-store'
import type { DeploySectionProps } from './deploy-section'
import { formRecord, rowValues, typicalValues, type FormValues } from './predict/form-values'
import { InputField } from './predict/input-field'
import { PredictionCard } from './predict/prediction-card'
import { PicturePredict } from './pictures/picture-predict'
import { ReasonsView } from './predict/reasons-view'
import { useScoreClient } from './predict/use-score-client'

type Outcome =
  | { readonly status: 'scoring' }
  | { readonly status: 'done'; readonly row: PredictedRow }
  | { readonly status: 'error'; readonly message: string }

/** One row typed in (or taken from the test rows), predicted and explained as it changes. */
export function PredictSection(props: DeploySectionProps) {
  if (props.trained.recipe.source.kind === 'images')
    return <PicturePredict trained={props.trained} />
  if (!props.inputSchema)
    return (
      <EmptyState title="No form for this model">
        The form is built from the training data&apos;s columns: load the data this model was
        trained on on the Data step.
      </EmptyState>
    )
  return <PredictForm {...props} schema={props.inputSchema} />
}

function PredictForm({
  trained,
  dataset,
  schema,
}: DeploySectionProps & { readonly schema: readonly InputColumn[] }) {
  const client = useScoreClient(trained, schema)
  const threshold = useThreshold((s) => s.threshold)
  const [values, setValues] = useState<FormValues>(() => typicalValues(schema))
  const [source, setSource] = useState('the typical row')
  const [outcome, setOutcome] = useState<Outcome>({ status: 'scoring' })
  const [debounced] = useDebouncedValue(values, 250)

  const check = useMemo(
    () => validateRecords(schema, [formRecord(schema, debounced)]),
    [schema, debounced],
  )
  const problems = useMemo(() => {
    const byColumn = new Map<string, { message: string; blocking: boolean }>()
    const list = check.ok ? check.warnings : check.errors
    for (const p of list)
      if (p.column) byColumn.set(p.column, { message: p.message, blocking: !check.ok })
    return { byColumn, general: list.filter((p) => !p.column).map((p) => p.message) }
  }, [check])

  useEffect(() => {
    if (!check.ok) return
    const record = check.records[0]
    if (!record) return
    let current = true
    client.predict(record).then(
      (row) => current && setOutcome({ status: 'done', row }),
      (error: unknown) =>
        current &&
        setOutcome({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    )
    return () => {
      current = false
    }
  }, [client, check])

  const fillTestRow = () => {
    if (!dataset) return
    const rows = trained.testRows
    const index = Math.floor(Math.random() * rows.length)
    const row = rows[index] ?? 0
    const record = tableRecords(dataset.table, [row])[0] ?? {}
    setValues(rowValues(schema, record))
    setSource(`test row ${index + 1} of ${rows.length} (row ${row + 1} of the data)`)
  }
  const change = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    setSource((s) => (s.endsWith(', edited') ? s : `${s}, edited`))
  }

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group justify="space-between" align="start">
              <div>
                <Title order={4}>Predict one row</Title>
                <Text size="sm" c="dimmed">
                  Type a row&apos;s values; the prediction follows as you type. Leave a field empty
                  for a missing value. Ranges under each field are what the training data had.
                </Text>
              </div>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setValues(typicalValues(schema))
                    setSource('the typical row')
                  }}
                >
                  Reset to the typical row
                </Button>
                <Button size="xs" variant="light" onClick={fillTestRow} disabled={!dataset}>
                  Fill with a test row
                </Button>
              </Group>
            </Group>
            <Text size="sm" aria-label="Form row" role="status">
              Showing {source}.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm" verticalSpacing="xs">
              {schema.map((input) => (
                <InputField
                  key={input.name}
                  input={input}
                  value={values[input.name] ?? ''}
                  onChange={(v) => change(input.name, v)}
                  problem={problems.byColumn.get(input.name) ?? null}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md" pos="sticky" top={16}>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="xs">
              Prediction
            </Title>
            {!check.ok ? (
              <Alert color="red" variant="light" title="This row cannot be scored yet">
                {check.errors
                  .map((e) => `${e.column ? `${e.column}: ` : ''}${e.message}`)
                  .join(' ')}
              </Alert>
            ) : outcome.status === 'error' ? (
              <Alert color="red" variant="light" title="Scoring failed">
                {outcome.message}
              </Alert>
            ) : outcome.status === 'scoring' ? (
              <Text size="sm" c="dimmed">
                Scoring…
              </Text>
            ) : (
              <PredictionCard recipe={trained.recipe} row={outcome.row} threshold={threshold} />
            )}
            {problems.general.length > 0 && (
              <Text size="xs" c="orange.8" mt="xs">
                {problems.general.join(' ')}
              </Text>
            )}
          </Paper>
          {check.ok && outcome.status === 'done' && (
            <Paper withBorder p="md" radius="md">
              <Title order={4} mb="xs">
                Why this prediction
              </Title>
              <ReasonsView recipe={trained.recipe} schema={schema} row={outcome.row} />
            </Paper>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  )
}
