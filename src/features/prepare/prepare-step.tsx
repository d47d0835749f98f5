import { Badge, List, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core'
import { useStudio } from '../../state/studio-store'
import { EmptyState } from '../../ui/empty-state'
import { ImagePreparePanel } from './images/image-prepare-panel'

export function PrepareStep() {
  const dataset = useStudio((s) => s.dataset)
  const recipe = useStudio((s) => s.recipe)
  const plan = useStudio((s) => s.plan)
  const setSeed = useStudio((s) => s.setSeed)
  const imageDataset = useStudio((s) => s.imageDataset)
  if (imageDataset && !dataset) return <ImagePreparePanel />
  if (!dataset || !recipe || !plan) {
    return (
      <EmptyState title="Nothing to prepare yet">
        Load data and choose a target column on the Data step.
      </EmptyState>
    )
  }
  const split = plan.rows
  const used = split.train + split.validation + split.test
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="end">
          <div>
            <Title order={4}>Split</Title>
            <Text size="sm" c="dimmed">
              {recipe.split.method === 'stratified' ? 'Stratified' : 'Random'} split, 80% train /
              10% validation / 10% test. Every statistic below is fitted on the training rows only.
            </Text>
          </div>
          <NumberInput
            label="Seed"
            value={recipe.seed}
            onChange={(v) => typeof v === 'number' && setSeed(v)}
            min={0}
            max={2 ** 31 - 1}
            allowDecimal={false}
            w={140}
          />
        </Group>
        <Group gap="xs" mt="sm" aria-label="Split sizes">
          <Badge variant="light">Train {split.train.toLocaleString('en-US')}</Badge>
          <Badge variant="light" color="grape">
            Validation {split.validation.toLocaleString('en-US')}
          </Badge>
          <Badge variant="light" color="teal">
            Test {split.test.toLocaleString('en-US')}
          </Badge>
          {plan.droppedMissingTarget > 0 && (
            <Badge variant="light" color="orange">
              {plan.droppedMissingTarget} rows without a target left out
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            of {used.toLocaleString('en-US')} rows
          </Text>
        </Group>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={4}>Preparation steps</Title>
        {plan.error && <Text c="red">{plan.error.message}</Text>}
        <Text size="sm" c="dimmed" mb="xs">
          {recipe.steps.length} steps give {plan.inputs} model inputs.
        </Text>
        <List size="sm" aria-label="Preparation steps">
          {plan.reports.map((r) => (
            <List.Item key={r.stepId}>{r.description}</List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  )
}
