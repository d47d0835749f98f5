import { Group, Paper, Stack, Text } from '@mantine/core'
import type { TableProfile } from '../../../core/profile/profile-types'
import { formatCount, formatShare } from './profile-values'

function Figure({
  label,
  value,
  detail,
  data,
}: {
  label: string
  value: string
  detail?: string
  data: number
}) {
  return (
    <Stack gap={0} miw={110}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={600} data-value={data} aria-label={`${label}: ${value}`}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Stack>
  )
}

/** The table at a glance: size, repeats and gaps. */
export function ProfileOverview({
  profile,
  warnings,
}: {
  profile: TableProfile
  warnings: number
}) {
  const cells = profile.rowCount * profile.columns.length
  return (
    <Paper withBorder p="md" radius="md" aria-label="Profile overview" role="region">
      <Group gap="xl">
        <Figure label="Rows" value={formatCount(profile.rowCount)} data={profile.rowCount} />
        <Figure
          label="Columns"
          value={formatCount(profile.columns.length)}
          data={profile.columns.length}
        />
        <Figure
          label="Duplicate rows"
          value={formatCount(profile.duplicateRows)}
          detail={formatShare(profile.duplicateRows / Math.max(1, profile.rowCount))}
          data={profile.duplicateRows}
        />
        <Figure
          label="Missing cells"
          value={formatCount(profile.missingCells)}
          detail={formatShare(profile.missingCells / Math.max(1, cells))}
          data={profile.missingCells}
        />
        <Figure label="Warnings" value={formatCount(warnings)} data={warnings} />
      </Group>
    </Paper>
  )
}
