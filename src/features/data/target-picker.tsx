import { Alert, Badge, Group, NativeSelect, Paper, Text } from '@mantine/core'
import { useStudio } from '../../state/studio-store'

const TASK_LABELS = {
  binary: 'Binary classification',
  multiclass: 'Multiclass classification',
  regression: 'Regression',
}

export function TargetPicker() {
  const dataset = useStudio((s) => s.dataset)
  const target = useStudio((s) => s.targetColumn)
  const detection = useStudio((s) => s.detection)
  const chooseTarget = useStudio((s) => s.chooseTarget)
  if (!dataset) return null
  const { table } = dataset
  return (
    <Paper withBorder p="md" radius="md">
      <Group align="end" gap="md">
        <NativeSelect
          label="Target column"
          description="The column the model learns to predict"
          value={target ?? ''}
          onChange={(e) => chooseTarget(e.currentTarget.value || null)}
          data={[
            { value: '', label: 'Choose the column to predict…' },
            ...table.columns.map((c) => c.name),
          ]}
          w={320}
        />
        <Text size="sm" c="dimmed">
          {dataset.name}: {table.rowCount.toLocaleString('en-US')} rows × {table.columns.length}{' '}
          columns
        </Text>
        {detection?.task && (
          <Badge
            size="lg"
            variant="light"
            aria-label={`Detected task: ${TASK_LABELS[detection.task]}`}
          >
            {TASK_LABELS[detection.task]}
          </Badge>
        )}
      </Group>
      {detection && (
        <Text size="sm" mt="xs" c={detection.task ? 'dimmed' : undefined}>
          {detection.task ? detection.reason : null}
        </Text>
      )}
      {detection && !detection.task && (
        <Alert color="orange" mt="xs" title="This column cannot be the target">
          {detection.reason}
        </Alert>
      )}
    </Paper>
  )
}
