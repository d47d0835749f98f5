import { Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { outputHead } from '../../core/model/head'
import type { Activation, LayerSpec } from '../../core/model/model-spec'
import { summarizeModel } from '../../core/model/summary'
import { planReady } from '../../state/recipe-slice'
import { useStudio } from '../../state/studio-store'
import { EmptyState } from '../../ui/empty-state'

const ACTIVATIONS: Activation[] = ['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'linear']

function LayerEditor({ index, layer }: { index: number; layer: LayerSpec }) {
  const setLayer = useStudio((s) => s.setLayer)
  if (layer.type === 'dropout') {
    return (
      <NumberInput
        size="xs"
        label={`Dropout rate of layer ${index + 1}`}
        value={layer.rate}
        min={0}
        max={0.9}
        step={0.05}
        decimalScale={2}
        onChange={(v) =>
          typeof v === 'number' && v >= 0 && v < 1 && setLayer(index, { ...layer, rate: v })
        }
        w={200}
      />
    )
  }
  return (
    <Group gap="xs">
      <NumberInput
        size="xs"
        label={`Units of layer ${index + 1}`}
        value={layer.units}
        min={1}
        max={4096}
        allowDecimal={false}
        onChange={(v) =>
          typeof v === 'number' && v >= 1 && v <= 4096 && setLayer(index, { ...layer, units: v })
        }
        w={140}
      />
      <NativeSelect
        size="xs"
        label={`Activation of layer ${index + 1}`}
        value={layer.activation}
        data={ACTIVATIONS}
        onChange={(e) =>
          setLayer(index, { ...layer, activation: e.currentTarget.value as Activation })
        }
        w={160}
      />
    </Group>
  )
}

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
  const inputWidth = plan.inputs
  const head = outputHead(plan.recipe.target)
  const summary = summarizeModel(recipe.model, inputWidth, head)
  const total = summary.reduce((sum, row) => sum + row.params, 0)
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Title order={4}>Multilayer perceptron</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {inputWidth} inputs → hidden layers → {head.units} output{head.units > 1 ? 's' : ''} (
          {head.activation}), trained with {head.loss.replace(/([A-Z])/g, ' $1').toLowerCase()}{' '}
          loss.
        </Text>
        <Table aria-label="Model summary" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Layer</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Output shape</Table.Th>
              <Table.Th ta="right">Parameters</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>input</Table.Td>
              <Table.Td>Input</Table.Td>
              <Table.Td>(None, {inputWidth})</Table.Td>
              <Table.Td ta="right">0</Table.Td>
            </Table.Tr>
            {summary.map((row) => (
              <Table.Tr key={row.name}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.kind}</Table.Td>
                <Table.Td>{row.outputShape}</Table.Td>
                <Table.Td ta="right">{row.params.toLocaleString('en-US')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>Total trainable parameters</Table.Th>
              <Table.Th ta="right">{total.toLocaleString('en-US')}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="xs">
          Hidden layers
        </Title>
        <Stack gap="xs">
          {recipe.model.layers.map((layer, i) => (
            <Group key={i} gap="md" align="end">
              <Text size="sm" w={120} fw={500}>
                {i + 1}. {layer.type === 'dense' ? 'Dense' : 'Dropout'}
              </Text>
              <LayerEditor index={i} layer={layer} />
            </Group>
          ))}
        </Stack>
      </Paper>
    </Stack>
  )
}
