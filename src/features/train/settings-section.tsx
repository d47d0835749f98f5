import { Fieldset, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** One group of training settings: a title, a sentence on what it does, then its fields. */
export function SettingsSection({
  title,
  help,
  children,
}: {
  title: string
  help: string
  children: ReactNode
}) {
  return (
    <Fieldset
      legend={title}
      variant="filled"
      radius="md"
      p="sm"
      styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } }}
    >
      <Stack gap="xs">
        <Text size="xs" c="dimmed" lh={1.4}>
          {help}
        </Text>
        {children}
      </Stack>
    </Fieldset>
  )
}
