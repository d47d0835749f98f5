import { Button, Text, Tooltip } from '@mantine/core'
import { useOffline } from './offline-store'

/** A calm word in the header on whether the studio would open with the network off. */
export function OfflineBadge() {
  const status = useOffline((s) => s.status)
  const reload = useOffline((s) => s.reloadIntoUpdate)
  if (status === 'update')
    return (
      <Button size="compact-xs" variant="light" onClick={reload}>
        New version ready: reload
      </Button>
    )
  if (status === 'unavailable') return null
  const text = {
    caching: 'Getting ready for offline use…',
    ready: 'Works offline',
    failed: 'Offline use unavailable',
  }[status]
  const tip = {
    caching: 'Keeping a copy of the studio in this browser so it opens without a network.',
    ready:
      'The studio and its sample data are kept in this browser: it opens and trains with the network off.',
    failed: 'This browser could not keep an offline copy; the studio works while online.',
  }[status]
  return (
    <Tooltip label={tip} multiline w={260}>
      <Text size="xs" c="dimmed" data-offline={status}>
        {text}
      </Text>
    </Tooltip>
  )
}
