import { useDroppable } from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { Stack, Text } from '@mantine/core'
import type { ModelCheck } from '../../core/model/check-model'
import { formatShape } from '../../core/model/check-model'
import type { OutputHead } from '../../core/model/head'
import type { ModelInput } from '../../core/model/model-input'
import type { ModelSpec } from '../../core/model/model-spec'
import { FixedRow } from './fixed-rows'
import { LayerMetaHeader } from './layer-meta'
import { OutputHeadRow } from './output-head-row'
import { SortableLayerCard } from './sortable-layer-card'
import { STACK_DROP_ID, STACK_START_ID, type DropMark } from './use-stack-dnd'

interface Props {
  readonly spec: ModelSpec
  readonly input: ModelInput
  readonly head: OutputHead
  readonly check: ModelCheck | null
  readonly regression: boolean
  readonly selectedId: string | null
  readonly onSelect: (id: string) => void
  readonly dropMark: DropMark | null
}

/** Input, the editable layers in order, output: the network as the data flows through it. */
export function LayerStack(props: Props) {
  const { spec, input, head, check, regression, selectedId, onSelect, dropMark } = props
  const { setNodeRef: stackRef, isOver } = useDroppable({ id: STACK_DROP_ID })
  const { setNodeRef: startRef } = useDroppable({ id: STACK_START_ID })
  const rowOf = (id: string) => check?.layers.find((l) => l.id === id)
  const layers = spec.layers
  return (
    <Stack
      ref={stackRef}
      gap={6}
      component="section"
      aria-label="Layer stack"
      style={{
        borderRadius: 8,
        outline: isOver ? '2px dashed var(--mantine-color-blue-4)' : undefined,
        outlineOffset: 4,
      }}
    >
      <LayerMetaHeader />
      <div ref={startRef}>
        <FixedRow
          kind="Input"
          title={input.description}
          of="the input"
          shape={formatShape(input.shape)}
          params={0}
        >
          {input.note && (
            <Text size="xs" c="dimmed" mt={4} pl={70}>
              {input.note}
            </Text>
          )}
        </FixedRow>
      </div>
      <SortableContext items={layers.map((l) => l.id)} strategy={verticalListSortingStrategy}>
        <Stack component="ol" gap={6} p={0} m={0} aria-label="Layers">
          {layers.map((layer, i) => (
            <SortableLayerCard
              key={layer.id}
              layer={layer}
              number={i + 1}
              total={layers.length}
              input={input}
              check={rowOf(layer.id)}
              selected={layer.id === selectedId}
              onSelect={() => onSelect(layer.id)}
              dropMark={dropMark?.id === layer.id ? dropMark.where : null}
            />
          ))}
        </Stack>
      </SortableContext>
      {layers.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md">
          No hidden layers: the inputs go straight to the output (a linear or logistic model). Drag
          layers here from the palette.
        </Text>
      )}
      <OutputHeadRow head={head} check={rowOf('output')} spec={spec} regression={regression} />
    </Stack>
  )
}
