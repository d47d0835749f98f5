import { Group, Paper, Progress, Stack, Text } from '@mantine/core'
import { useStudio } from '../../state/studio-store'
import { formatBytes } from '../../ui/format'

/** How much of the browser's storage the studio uses, and whether the browser keeps it for good. */
export function StorageCard() {
  const storage = useStudio((s) => s.storage)
  const persistent = useStudio((s) => s.runsPersistent)
  if (!persistent)
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="orange">
          This browser window keeps no storage (a private window may refuse it): projects last until
          the page closes. Export a project to a file to keep it.
        </Text>
      </Paper>
    )
  if (!storage) return null
  const share = storage.quotaBytes > 0 ? storage.usedBytes / storage.quotaBytes : 0
  return (
    <Paper withBorder p="md" radius="md" aria-label="Storage">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            Storage
          </Text>
          <Text size="sm">
            {formatBytes(storage.usedBytes)} used of {formatBytes(storage.quotaBytes)} available
          </Text>
        </Group>
        <Progress value={Math.max(share * 100, 0.5)} color={share > 0.8 ? 'orange' : 'teal'} />
        <Text size="xs" c="dimmed">
          {storage.persisted
            ? 'The browser keeps this storage for good: it will not clear it to free space.'
            : 'The browser may clear this storage when the disk runs low. Export projects you cannot lose; installing the studio or bookmarking it often makes the browser keep it.'}
        </Text>
      </Stack>
    </Paper>
  )
}
