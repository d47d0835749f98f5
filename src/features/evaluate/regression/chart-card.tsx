import { Group, Paper, Text } from '@mantine/core'
import { useRef, type ReactNode } from 'react'
import { ChartDownloads } from '../../../ui/download-buttons'

/** Colours written out (not CSS variables) so the SVG and PNG downloads keep them. */
export const MODEL_COLOR = '#1c7ed6'
export const ACTUAL_COLOR = '#212529'
export const NAIVE_COLOR = '#f76707'
export const GUIDE_COLOR = '#868e96'

/**
 * A titled chart with its SVG/PNG downloads and a line of help; `points` (drawn) tells tests and
 * screen readers that it holds data.
 */
export function ChartCard({
  title,
  label,
  points,
  help,
  height = 280,
  children,
}: {
  title: string
  label: string
  points: number
  help: ReactNode
  height?: number
  children: ReactNode
}) {
  const chart = useRef<HTMLDivElement>(null)
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" mb={4} wrap="nowrap">
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
        {children}
      </div>
      <Text size="xs" c="dimmed" mt={4}>
        {help}
      </Text>
    </Paper>
  )
}
