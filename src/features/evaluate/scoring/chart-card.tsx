import { Box, Group, Text } from '@mantine/core'
import { useRef, type ReactNode } from 'react'
import { ResponsiveContainer } from 'recharts'
import { ChartDownloads } from '../../../ui/download-buttons'

/**
 * A titled chart with its SVG/PNG downloads. `label` and `points` (the number of points drawn)
 * tell screen readers and tests what it shows.
 */
export function ChartCard({
  title,
  label,
  points,
  height = 260,
  note,
  children,
}: {
  title: string
  label: string
  points: number
  height?: number
  note?: ReactNode
  children: ReactNode
}) {
  const chart = useRef<HTMLDivElement>(null)
  return (
    <Box>
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <ChartDownloads title={title} chart={chart} />
      </Group>
      <div
        ref={chart}
        role="img"
        aria-label={label}
        data-points={points}
        style={{ width: '100%', height }}
      >
        <ResponsiveContainer>{children as React.ReactElement}</ResponsiveContainer>
      </div>
      {note && (
        <Text size="xs" c="dimmed" mt={4}>
          {note}
        </Text>
      )}
    </Box>
  )
}

/** Axis ticks and tooltips as shares: 0.25 → "25%". */
export const percentTick = (v: number) => `${Math.round(v * 100)}%`
