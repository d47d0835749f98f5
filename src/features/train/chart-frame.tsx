import { Box, Group, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** A small chart with its title and legend; `points` tells tests and screen readers it has data. */
export function ChartFrame({
  title,
  label,
  points,
  legend,
  children,
}: {
  title: string
  label: string
  points: number
  legend: { name: string; color: string; faint?: boolean }[]
  children: ReactNode
}) {
  return (
    <Box>
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Group gap="sm" wrap="nowrap">
          {legend.map((l) => (
            <Group key={l.name} gap={4} wrap="nowrap">
              <Box
                w={12}
                h={3}
                bg={l.color}
                style={{ opacity: l.faint ? 0.35 : 1, borderRadius: 2 }}
              />
              <Text size="xs" c="dimmed">
                {l.name}
              </Text>
            </Group>
          ))}
        </Group>
      </Group>
      {/* Contained: a redraw restyles and lays out this box only, not the page around it. */}
      <div
        role="img"
        aria-label={label}
        data-points={points}
        style={{ width: '100%', height: 190, contain: 'strict' }}
      >
        {children}
      </div>
    </Box>
  )
}
