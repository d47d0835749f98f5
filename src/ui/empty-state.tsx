import { Paper, Text, Title } from '@mantine/core'

/** What to do next when a step has nothing to show yet. */
export function EmptyState({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md" ta="center" c="dimmed">
      <Title order={4} mb="xs">
        {title}
      </Title>
      <Text size="sm">{children}</Text>
    </Paper>
  )
}
