import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { LayerCard, type LayerCardProps } from './layer-card'

/** A layer card that can be dragged by its handle to another place in the stack. */
export function SortableLayerCard(props: Omit<LayerCardProps, 'handle'>) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: props.layer.id,
  })
  return (
    <li
      ref={setNodeRef}
      style={{
        listStyle: 'none',
        transform: CSS.Translate.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
      }}
    >
      <LayerCard {...props} handle={{ attributes, listeners }} />
    </li>
  )
}
