import {
  closestCenter,
  KeyboardSensor,
  pointerWithin,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { useState } from 'react'
import { LAYER_CATALOGUE } from '../../core/model/layer-catalogue'
import type { LayerSpec, LayerType } from '../../core/model/model-spec'
import { useStudio } from '../../state/studio-store'

/** The stack as a whole (gaps, the output row): a palette layer dropped there goes last. */
export const STACK_DROP_ID = 'stack'
/** The input row: a palette layer dropped there goes first. */
export const STACK_START_ID = 'stack-start'
const PALETTE_PREFIX = 'palette:'

export const paletteDragId = (type: LayerType) => `${PALETTE_PREFIX}${type}`
const paletteType = (id: string | number): LayerType | null =>
  String(id).startsWith(PALETTE_PREFIX)
    ? (String(id).slice(PALETTE_PREFIX.length) as LayerType)
    : null

export interface DropMark {
  readonly id: string
  readonly where: 'before' | 'after'
}

/**
 * A palette layer lands where the pointer is (on a card: above or below its middle); a card
 * dragged by its handle, by pointer or keyboard, takes the place of the card it is over.
 */
const collision: CollisionDetection = (args) => {
  if (paletteType(args.active.id)) {
    const within = pointerWithin(args)
    const card = within.find((c) => c.id !== STACK_DROP_ID)
    return card ? [card] : within
  }
  return closestCenter({
    ...args,
    droppableContainers: args.droppableContainers.filter(
      (c) => c.id !== STACK_DROP_ID && c.id !== STACK_START_ID,
    ),
  })
}

export function useStackDnd(layers: readonly LayerSpec[], onAdded: (id: string) => void) {
  const addLayer = useStudio((s) => s.addLayer)
  const moveLayer = useStudio((s) => s.moveLayer)
  const [dragging, setDragging] = useState<LayerType | null>(null)
  const [dropMark, setDropMark] = useState<DropMark | null>(null)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const markOf = ({ active, over }: DragMoveEvent): DropMark | null => {
    if (!paletteType(active.id) || !over) return null
    const id = String(over.id)
    if (id === STACK_DROP_ID || id === STACK_START_ID) return null
    const dragged = active.rect.current.translated
    if (!dragged) return { id, where: 'before' }
    const middle = over.rect.top + over.rect.height / 2
    return { id, where: dragged.top + dragged.height / 2 > middle ? 'after' : 'before' }
  }
  const end = (event: DragEndEvent) => {
    const { active, over } = event
    const mark = markOf(event)
    setDragging(null)
    setDropMark(null)
    if (!over) return
    const type = paletteType(active.id)
    const overIndex = layers.findIndex((l) => l.id === over.id)
    if (type) {
      const at =
        over.id === STACK_START_ID
          ? 0
          : overIndex < 0
            ? layers.length
            : overIndex + (mark?.where === 'after' ? 1 : 0)
      const id = addLayer(type, at)
      if (id) onAdded(id)
    } else if (overIndex >= 0 && active.id !== over.id) {
      moveLayer(String(active.id), overIndex)
    }
  }
  /** Screen readers hear layers by place and kind, not by dnd-kit's internal ids. */
  const named = (id: string | number): string => {
    const type = paletteType(id)
    if (type) return `${LAYER_CATALOGUE[type].label} from the palette`
    const index = layers.findIndex((l) => l.id === id)
    const layer = layers[index]
    if (layer) return `layer ${index + 1} (${LAYER_CATALOGUE[layer.type].label})`
    return id === STACK_START_ID ? 'the input' : 'the end of the stack'
  }
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${named(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${named(active.id)} is over ${named(over.id)}.`
        : `${named(active.id)} is outside the stack.`,
    onDragEnd: ({ active, over }) =>
      over ? `${named(active.id)} dropped at ${named(over.id)}.` : `${named(active.id)} put back.`,
    onDragCancel: ({ active }) => `Moving ${named(active.id)} was cancelled.`,
  }
  return {
    sensors,
    accessibility: {
      announcements,
      screenReaderInstructions: {
        draggable:
          'To move a layer, press Space to pick it up, the up and down arrows to move it, Space to drop it, Escape to cancel.',
      },
    },
    collisionDetection: collision,
    dragging,
    dropMark,
    onDragStart: ({ active }: DragStartEvent) => setDragging(paletteType(active.id)),
    onDragMove: (event: DragMoveEvent) => setDropMark(markOf(event)),
    onDragEnd: end,
    onDragCancel: () => {
      setDragging(null)
      setDropMark(null)
    },
  }
}
