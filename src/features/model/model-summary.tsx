import { Paper, Table, Text, Title } from '@mantine/core'
import type { LayerCheck, ModelCheck } from '../../core/model/check-model'
import { formatShape } from '../../core/model/check-model'
import { LAYER_CATALOGUE } from '../../core/model/layer-catalogue'
import type { LayerSpec } from '../../core/model/model-spec'

interface Props {
  readonly check: ModelCheck
  readonly layers: readonly LayerSpec[]
}

const count = (n: number) => n.toLocaleString('en-US')

/** The network as Keras' `model.summary()` prints it, the failing layer marked. */
export function ModelSummary({ check, layers }: Props) {
  const typeOf = (row: LayerCheck) => {
    const layer = layers.find((l) => l.id === row.id)
    return layer ? LAYER_CATALOGUE[layer.type].label : 'Dense'
  }
  const failed = check.firstError !== null
  return (
    <Paper withBorder radius="md" p="sm">
      <Title order={5} mb={4}>
        Summary
      </Title>
      <Table aria-label="Model summary" fz="xs" verticalSpacing={3} horizontalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Layer (type)</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Output shape</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Param #
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ff="monospace">
          <Table.Tr data-layer-id="input">
            <Table.Td>input_layer (InputLayer)</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatShape(check.input.shape)}</Table.Td>
            <Table.Td ta="right" data-value={0}>
              0
            </Table.Td>
          </Table.Tr>
          {check.layers.map((row) => {
            const error = row.error !== null
            return (
              <Table.Tr
                key={row.id}
                data-layer-id={row.id}
                data-state={error ? 'error' : row.output ? 'ok' : 'waiting'}
                bg={error ? 'red.0' : undefined}
                c={error ? 'red.9' : row.output ? undefined : 'dimmed'}
              >
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {error && (
                    <Text span fw={700}>
                      ✕{' '}
                    </Text>
                  )}
                  {row.name} ({typeOf(row)})
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatShape(row.output)}</Table.Td>
                <Table.Td ta="right" data-value={row.output ? row.params : ''}>
                  {row.output ? count(row.params) : '—'}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Total label="Total params" value={check.totalParams} />
          <Total label="Trainable params" value={check.trainableParams} />
          <Total label="Non-trainable params" value={check.nonTrainableParams} />
        </Table.Tfoot>
      </Table>
      {failed && (
        <Text size="xs" c="red.8" mt={4}>
          ✕ marks the layer that breaks; the counts stop there.
        </Text>
      )}
    </Paper>
  )
}

function Total({ label, value }: { label: string; value: number }) {
  return (
    <Table.Tr data-total={label}>
      <Table.Th colSpan={2} fw={label === 'Total params' ? 700 : 500}>
        {label}
      </Table.Th>
      <Table.Td ta="right" ff="monospace" data-value={value}>
        {count(value)}
      </Table.Td>
    </Table.Tr>
  )
}
