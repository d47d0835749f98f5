import { ActionIcon, Group, Switch, Tooltip } from '@mantine/core'
import { useStudio } from '../../state/studio-store'

interface Props {
  readonly id: string
  readonly number: number
  readonly total: number
  readonly enabled: boolean
}

/** Switch a step off or on, move it, remove it; clicks stay here and do not select the card. */
export function StepCardToolbar({ id, number, total, enabled }: Props) {
  const moveStep = useStudio((s) => s.moveStep)
  const removeStep = useStudio((s) => s.removeStep)
  const setStepEnabled = useStudio((s) => s.setStepEnabled)
  return (
    <Group gap={4} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
      <Tooltip label={enabled ? 'Switch off (kept, but skipped)' : 'Switch on'} withArrow>
        <Switch
          size="sm"
          checked={enabled}
          aria-label={`Step ${number} enabled`}
          onChange={(e) => setStepEnabled(id, e.currentTarget.checked)}
          mr={4}
        />
      </Tooltip>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`Move step ${number} up`}
        disabled={number === 1}
        onClick={() => moveStep(id, -1)}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`Move step ${number} down`}
        disabled={number === total}
        onClick={() => moveStep(id, 1)}
      >
        ↓
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={`Remove step ${number}`}
        onClick={() => removeStep(id)}
      >
        ✕
      </ActionIcon>
    </Group>
  )
}
