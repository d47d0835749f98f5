import { Button, Group, Progress, Stack, Text } from '@mantine/core'
import { useStudio } from '../../state/studio-store'

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(bytes < 10e6 ? 1 : 0)

/** How far a file load has got (rows read, MB of MB), with a way to stop it. */
export function LoadProgress() {
  const loading = useStudio((s) => s.dataLoading)
  const progress = useStudio((s) => s.loadProgress)
  const cancel = useStudio((s) => s.cancelLoad)
  if (!loading || !progress) return null
  const fraction = progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 0
  const reading = fraction < 1
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" truncate>
          {reading ? 'Reading' : 'Profiling'} {progress.name}:{' '}
          {progress.rows.toLocaleString('en-US')} rows · {megabytes(progress.bytesRead)} of{' '}
          {megabytes(progress.totalBytes)} MB
        </Text>
        <Button size="compact-xs" variant="default" onClick={cancel}>
          Cancel
        </Button>
      </Group>
      <Progress value={fraction * 100} animated={!reading} aria-label="Loading data" size="sm" />
    </Stack>
  )
}
