import { ActionIcon, Group, Tooltip } from '@mantine/core'
import { useStudio } from '../../state/studio-store'

interface Props {
  readonly id: string
  readonly number: number
  readonly total: number
}

/** Move a layer by one place or remove it: the path that needs no dragging. */
export function LayerCardToolbar({ id, number, total }: Props) {
  const moveLayer = useStudio((s) => s.moveLayer)
  const removeLayer = useStudio((s) => s.removeLayer)
  return (
    <Group gap={0} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
      <Tooltip label="Move up" withArrow openDelay={400}>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          aria-label={`Move layer ${number} up`}
          disabled={number === 1}
          onClick={() => moveLayer(id, number - 2)}
        >
          ↑
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Move down" withArrow openDelay={400}>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          aria-label={`Move layer ${number} down`}
          disabled={number === total}
          onClick={() => moveLayer(id, number)}
        >
          ↓
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Remove" withArrow openDelay={400}>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="red"
          aria-label={`Remove layer ${number}`}
          onClick={() => removeLayer(id)}
        >
          ✕
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}
