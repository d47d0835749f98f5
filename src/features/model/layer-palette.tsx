import { useDraggable } from '@dnd-kit/core'
import { ActionIcon, Box, Group, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { LAYER_CATALOGUE, LAYER_GROUPS, LAYER_TYPES } from '../../core/model/layer-catalogue'
import type { LayerType } from '../../core/model/model-spec'
import { paletteDragId } from './use-stack-dnd'

interface Props {
  /** "after layer 2" or "at the end": where Add puts a layer. */
  readonly addWhere: string
  readonly onAdd: (type: LayerType) => void
}

/** Every layer the studio offers, grouped: drag one into the stack, or press its Add button. */
export function LayerPalette({ addWhere, onAdd }: Props) {
  return (
    <Paper withBorder radius="md" p="xs" component="section" aria-label="Layer palette">
      <Text size="xs" c="dimmed" px={4} mb={4}>
        Drag into the stack, or + to add {addWhere}.
      </Text>
      <Stack gap={6}>
        {LAYER_GROUPS.map((group) => (
          <Box key={group} role="group" aria-label={group}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px={4} mb={2} lts={0.3}>
              {group}
            </Text>
            {LAYER_TYPES.filter((t) => LAYER_CATALOGUE[t].group === group).map((type) => (
              <PaletteItem key={type} type={type} onAdd={() => onAdd(type)} />
            ))}
          </Box>
        ))}
      </Stack>
    </Paper>
  )
}

function PaletteItem({ type, onAdd }: { type: LayerType; onAdd: () => void }) {
  const { label, help } = LAYER_CATALOGUE[type]
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: paletteDragId(type),
  })
  return (
    <Tooltip
      label={help}
      multiline
      w={280}
      position="right"
      withArrow
      openDelay={350}
      events={{ hover: true, focus: true, touch: false }}
    >
      <Group
        gap={4}
        wrap="nowrap"
        px={4}
        style={{ borderRadius: 6, opacity: isDragging ? 0.4 : 1 }}
        className="palette-item"
      >
        <Text
          ref={setNodeRef}
          {...listeners}
          {...attributes}
          // The Add button is the keyboard path; the label is for the pointer only.
          tabIndex={-1}
          role="presentation"
          size="sm"
          flex={1}
          miw={0}
          truncate
          py={2}
          style={{ cursor: 'grab', touchAction: 'none', userSelect: 'none' }}
          data-palette-type={type}
        >
          {label}
        </Text>
        <ActionIcon size="sm" variant="subtle" aria-label={`Add ${label} layer`} onClick={onAdd}>
          +
        </ActionIcon>
      </Group>
    </Tooltip>
  )
}
