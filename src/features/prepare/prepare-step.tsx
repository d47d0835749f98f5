import {
  Badge,
  List,
  Group,
  NumberInput,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useMemo } from 'react'
import { leftOutColumns, proposeFeatureSteps } from '../../core/recipe/propose'
import { featureWidth } from '../../core/recipe/transform'
import { useStudio } from '../../state/studio-store'
import { EmptyState } from '../../ui/empty-state'

export function PrepareStep() {
  const dataset = useStudio((s) => s.dataset)
  const recipe = useStudio((s) => s.recipe)
  const plan = useStudio((s) => s.plan)
  const setSeed = useStudio((s) => s.setSeed)
  const proposals = useMemo(
    () =>
      dataset && recipe
        ? proposeFeatureSteps(dataset.table, recipe.target.column, dataset.types)
        : [],
    [dataset, recipe],
  )
  const leftOut = useMemo(
    () =>
      dataset && recipe ? leftOutColumns(dataset.table, recipe.target.column, dataset.types) : [],
    [dataset, recipe],
  )
  if (!dataset || !recipe || !plan) {
    return (
      <EmptyState title="Nothing to prepare yet">
        Load data and choose a target column on the Data step.
      </EmptyState>
    )
  }
  const { split } = plan
  const used = split.train.length + split.validation.length + split.test.length
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
          <Badge variant="light">Train {split.train.length.toLocaleString('en-US')}</Badge>
          <Badge variant="light" color="grape">
            Validation {split.validation.length.toLocaleString('en-US')}
          </Badge>
          <Badge variant="light" color="teal">
            Test {split.test.length.toLocaleString('en-US')}
          </Badge>
          {split.droppedMissingTarget > 0 && (
            <Badge variant="light" color="orange">
              {split.droppedMissingTarget} rows without a target left out
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            of {used.toLocaleString('en-US')} rows
          </Text>
        </Group>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={4}>Preparation steps</Title>
        <Text size="sm" c="dimmed" mb="xs">
          {recipe.features.length} input columns become {featureWidth(plan.fitted)} model inputs.
        </Text>
        <ScrollArea.Autosize mah={480}>
          <Table aria-label="Preparation steps" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Column</Table.Th>
                <Table.Th>Step</Table.Th>
                <Table.Th>Fitted on training rows</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.fitted.features.map((step, i) => (
                <Table.Tr key={step.column}>
                  <Table.Td>{step.column}</Table.Td>
                  <Table.Td>
                    {step.op === 'standardize' ? 'Standard scaling' : 'One-hot encoding'}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {step.op === 'standardize'
                        ? step.fitted &&
                          `mean ${step.fitted.mean.toFixed(3)}, std ${step.fitted.std.toFixed(3)}`
                        : step.fitted && step.fitted.categories.join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {proposals[i]?.why}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>
      {leftOut.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="xs">
            Left out
          </Title>
          <List size="sm" aria-label="Columns left out">
            {leftOut.map((c) => (
              <List.Item key={c.column}>{c.why}</List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  )
}
