import { Group, Paper, Text } from '@mantine/core'
import { useRef, type ReactNode } from 'react'
import type { CsvCell } from '../../../ui/table-csv'
import { ChartDownloads, CsvDownload } from '../../../ui/download-buttons'

/**
 * A chart with its title, a line of help, and downloads: SVG and PNG of the drawing, CSV of the
 * points. `points` (drawn points) lets tests and screen readers know it has data.
 */
export function ChartCard({
  title,
  heading,
  label,
  points,
  help,
  csv,
  children,
}: {
  /** Stable name for the downloads ("ROC curve"); `heading` may add figures to it. */
  title: string
  heading: ReactNode
  label: string
  points: number
  help: ReactNode
  csv: { header: readonly string[]; rows: () => readonly (readonly CsvCell[])[] }
  children: ReactNode
}) {
  const chart = useRef<HTMLDivElement>(null)
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
        <Text fw={600} size="sm">
          {heading}
        </Text>
        <Group gap={0} wrap="nowrap">
          <ChartDownloads title={title} chart={chart} />
          <CsvDownload title={title} header={csv.header} rows={csv.rows} />
        </Group>
      </Group>
      <div
        ref={chart}
        role="img"
        aria-label={label}
        data-points={points}
        style={{ width: '100%', height: 260 }}
      >
        {children}
      </div>
      <Text size="xs" c="dimmed" mt={4}>
        {help}
      </Text>
    </Paper>
  )
}
