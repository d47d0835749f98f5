import { Badge, Group, Paper, Stack, Text } from '@mantine/core'
import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core'
import type { LayerCheck } from '../../core/model/check-model'
import { formatShape } from '../../core/model/check-model'
import { LAYER_CATALOGUE } from '../../core/model/layer-catalogue'
import type { ModelInput } from '../../core/model/model-input'
import type { LayerSpec } from '../../core/model/model-spec'
import { useStudio } from '../../state/studio-store'
import { DragHandle } from './drag-handle'
import { LayerCardToolbar } from './layer-card-toolbar'
import { LayerForm } from './layer-form'
import { LayerMeta } from './layer-meta'

export interface LayerCardProps {
  readonly layer: LayerSpec
  readonly number: number
  readonly total: number
  readonly input: ModelInput
  /** The layer's row of the check; undefined while nothing can be checked. */
  readonly check: LayerCheck | undefined
  readonly selected: boolean
  readonly onSelect: () => void
  /** Where a layer dragged from the palette would land: above or below this card. */
  readonly dropMark?: 'before' | 'after' | null
  readonly handle?: {
    readonly attributes: DraggableAttributes
    readonly listeners: DraggableSyntheticListeners
  }
}

/** One layer: what it is, what leaves it, what it costs, what is wrong, and its settings. */
export function LayerCard(props: LayerCardProps) {
  const { layer, number, total, input, check, selected, onSelect, dropMark, handle } = props
  const updateLayer = useStudio((s) => s.updateLayer)
  const entry = LAYER_CATALOGUE[layer.type]
  const error = check?.error ?? null
  // A layer below the one that breaks has no input shape to work from.
  const waiting = check !== undefined && !error && check.output === null
  const accent = error ? 'red' : 'blue'
  return (
    <Paper
      withBorder
      px="sm"
      py={6}
      radius="md"
      data-layer-id={layer.id}
      data-state={error ? 'error' : waiting ? 'waiting' : 'ok'}
      aria-label={`Layer ${number}: ${entry.label}`}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
      onFocusCapture={onSelect}
      style={{
        cursor: 'default',
        borderColor: error || selected ? `var(--mantine-color-${accent}-5)` : undefined,
        boxShadow: [
          selected ? `0 0 0 1px var(--mantine-color-${accent}-5)` : '',
          dropMark === 'before' ? '0 -3px 0 0 var(--mantine-color-blue-6)' : '',
          dropMark === 'after' ? '0 3px 0 0 var(--mantine-color-blue-6)' : '',
        ]
          .filter(Boolean)
          .join(', '),
        background: error ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <Group gap={6} wrap="nowrap">
        {handle && <DragHandle number={number} {...handle} />}
        <Badge circle size="md" variant="light" color={accent} style={{ flexShrink: 0 }}>
          {number}
        </Badge>
        {/* A long name ("Transformer encoder") wraps onto a second line rather than losing letters. */}
        <Text size="sm" fw={600} title={entry.help} lineClamp={2} miw={0} lh={1.2}>
          {entry.label}
        </Text>
        {/* The Keras name gives way first when the row is narrow. */}
        <Text size="xs" c="dimmed" ff="monospace" truncate miw={0} style={{ flexShrink: 50 }}>
          {check?.name}
        </Text>
        <LayerMeta
          of={`layer ${number}`}
          shape={check ? formatShape(check.output) : '—'}
          params={check?.output ? check.params : null}
          actions={<LayerCardToolbar id={layer.id} number={number} total={total} />}
        />
      </Group>
      <Stack gap={6} mt={4} pl={handle ? 34 : 0}>
        {error && (
          <Text size="sm" c="red.9" role="alert" aria-label={`Error in layer ${number}`}>
            {error}
          </Text>
        )}
        {waiting && (
          <Text size="xs" c="dimmed">
            Waits for the layer above: fix it to see this layer’s shape.
          </Text>
        )}
        <LayerForm
          layer={layer}
          number={number}
          input={input}
          inputShape={check?.input ?? null}
          full={selected}
          onChange={(next) => updateLayer(layer.id, next)}
        />
      </Stack>
    </Paper>
  )
}
