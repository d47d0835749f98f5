import { Badge, Group, Paper, Text, Title } from '@mantine/core'
import type { ModelCheck } from '../../core/model/check-model'
import { lossLabel, type OutputHead } from '../../core/model/head'
import type { ModelInput } from '../../core/model/model-input'
import type { ModelSpec } from '../../core/model/model-spec'
import { MODEL_TEMPLATES } from '../../core/model/templates'
import { editedFromTemplate } from './template-origin'
import { UndoRedo } from './undo-redo'

interface Props {
  readonly spec: ModelSpec
  readonly input: ModelInput
  readonly head: OutputHead
  readonly check: ModelCheck | null
}

/** One line on the network: where it came from, what it maps to what, whether it can train. */
export function ModelHeader({ spec, input, head, check }: Props) {
  const template = MODEL_TEMPLATES.find((t) => t.id === spec.template)
  const origin = template
    ? `${template.name}${spec.proposed ? ' (proposed)' : editedFromTemplate(spec, input) ? ', edited' : ''}`
    : 'Built by hand'
  const broken = check?.firstError
  const where =
    broken &&
    (broken.id === 'output'
      ? 'the output layer'
      : broken.id === 'input'
        ? 'the input'
        : `layer ${spec.layers.findIndex((l) => l.id === broken.id) + 1}`)
  return (
    <Paper withBorder radius="md" px="md" py="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm" wrap="wrap">
          <Title order={4}>Model</Title>
          <Badge variant="light" tt="none" aria-label="Model origin">
            {origin}
          </Badge>
          <Text size="sm" c="dimmed">
            {input.description} → {head.units} output{head.units === 1 ? '' : 's'} (
            {head.activation}), {lossLabel(head.loss)} loss
          </Text>
        </Group>
        <Group gap="sm">
          {check && (
            <Text size="sm" ff="monospace" aria-label="Total parameters">
              {check.totalParams.toLocaleString('en-US')} params
            </Text>
          )}
          {broken ? (
            <Badge color="red" variant="filled" tt="none">
              Cannot train: {where} breaks
            </Badge>
          ) : (
            <Badge color="teal" variant="light" tt="none">
              Ready to train
            </Badge>
          )}
          <UndoRedo />
        </Group>
      </Group>
    </Paper>
  )
}
