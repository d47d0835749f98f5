import { Alert, Button, Group, Progress, Text } from '@mantine/core'
import type { ExplainState } from './use-explain'

/** Progress with Cancel while a worker explains; the error, if it failed. */
export function ExplainProgress({
  state,
  what,
  onCancel,
}: {
  state: ExplainState<never> | ExplainState<'importance' | 'dependence' | 'reasons'>
  what: string
  onCancel: () => void
}) {
  if (state.status === 'error')
    return (
      <Alert color="red" variant="light" title={`${what} failed`}>
        {state.message}
      </Alert>
    )
  if (state.status !== 'running') return null
  const share = state.total > 0 ? state.done / state.total : 0
  return (
    <Group gap="sm" wrap="nowrap">
      <Progress value={share * 100} w={260} aria-label={`${what} progress`} animated />
      <Text size="xs" c="dimmed" role="status">
        {what}: {state.done} of {state.total}
      </Text>
      <Button size="compact-xs" variant="light" color="gray" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  )
}
