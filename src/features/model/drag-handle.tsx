import { ActionIcon } from '@mantine/core'
import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core'

interface Props {
  readonly number: number
  readonly attributes: DraggableAttributes
  readonly listeners: DraggableSyntheticListeners
}

/**
 * Grip to reorder a layer: drag it with the pointer, or focus it and press Space, the arrow
 * keys and Space again (dnd-kit's keyboard sensor).
 */
export function DragHandle({ number, attributes, listeners }: Props) {
  return (
    <ActionIcon
      size="sm"
      variant="subtle"
      color="gray"
      {...attributes}
      {...listeners}
      aria-label={`Drag layer ${number}`}
      onClick={(e) => e.stopPropagation()}
      style={{ cursor: 'grab', touchAction: 'none', flexShrink: 0 }}
    >
      ⠿
    </ActionIcon>
  )
}
