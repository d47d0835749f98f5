import { Group, Loader, Progress, Text } from '@mantine/core'
import { usePlanning } from './use-planning'

/** Shown while the recipe is prepared again after an edit; the numbers below are the last plan's. */
export function PlanningProgress() {
  const { planning, progress } = usePlanning()
  if (!planning) return null
  const share = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : null
  return (
    <Group
      gap="sm"
      aria-live="polite"
      aria-label="Preparing the recipe"
      wrap="nowrap"
      justify="flex-end"
    >
      <Loader size="xs" />
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        Preparing
        {progress
          ? ` step ${Math.min(progress.done + 1, progress.total)} of ${progress.total}`
          : ''}
        {progress?.label ? ` (${progress.label})` : ''}…
      </Text>
      {share !== null && <Progress value={share} size="sm" w={160} aria-hidden />}
    </Group>
  )
}
