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
  legend = [],
  children,
}: {
  title: string
  label: string
  points: number
  height?: number
  note?: ReactNode
  /** Drawn outside the chart: ChartDownloads exports the first <svg>, and legend icons are SVGs. */
  legend?: readonly LegendItem[]
  children: ReactNode
}) {
  const chart = useRef<HTMLDivElement>(null)
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
                w={14}
                h={0}
                style={{ borderTop: `${l.dashed ? '2px dashed' : '3px solid'} ${l.color}` }}
              />
              <Text size="xs" c="dimmed">
                {l.name}
              </Text>
            </Group>
          ))}
          <ChartDownloads title={title} chart={chart} />
        </Group>
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

export interface LegendItem {
  readonly name: string
  readonly color: string
  readonly dashed?: boolean
}

/** Axis ticks and tooltips as shares: 0.25 → "25%". */
export const percentTick = (v: number) => `${Math.round(v * 100)}%`
