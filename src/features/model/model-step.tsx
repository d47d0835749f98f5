import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import { checkModel, formatShape } from '../../core/model/check-model'
import { lossLabel, outputHead } from '../../core/model/head'
import { tableInput } from '../../core/model/model-input'
import { planReady } from '../../state/recipe-slice'
import { useStudio } from '../../state/studio-store'
import { EmptyState } from '../../ui/empty-state'

export function ModelStep() {
  const recipe = useStudio((s) => s.recipe)
  const plan = useStudio((s) => s.plan)
  if (!recipe || !planReady(plan)) {
    return (
      <EmptyState title="No model yet">
        Load data and choose a target column: a network that fits it is proposed here.
      </EmptyState>
    )
  }
  const input = tableInput(plan.inputs)
  const head = outputHead(plan.recipe.target, recipe.model)
  const check = checkModel(recipe.model, input, head)
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Title order={4}>Model</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {input.description} → {head.units} output{head.units > 1 ? 's' : ''} ({head.activation}),
          trained with {lossLabel(head.loss)} loss.
        </Text>
        <Table aria-label="Model summary" striped>
          <Table.Tbody>
            {check.layers.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.label}</Table.Td>
                <Table.Td>{formatShape(row.output)}</Table.Td>
                <Table.Td ta="right">{row.params.toLocaleString('en-US')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
