import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { StepPreview } from '../../core/recipe/pipeline/preview'
import { PreviewTable } from './preview-table'

interface Props {
  readonly number: number
  readonly preview: StepPreview | undefined
  /** Why there is no preview: switched off, failed, or after a failed step. */
  readonly missingReason: string
  /** Columns holding dates where the step runs. */
  readonly dates: ReadonlySet<string>
}

/** The same training rows before and after the selected step, side by side. */
export function StepPreviewPanel({ number, preview, missingReason, dates }: Props) {
  const removed = preview?.removed.filter(Boolean).length ?? 0
  return (
    <Paper withBorder p="md" radius="md" role="region" aria-label={`Preview of step ${number}`}>
      <Group justify="space-between" mb="xs">
        <Title order={5}>Before and after step {number}</Title>
        {preview && (
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {preview.rows.length} training rows
            </Text>
            {removed > 0 && (
              <Badge color="red" variant="light" tt="none">
                {removed} removed here
              </Badge>
            )}
            {preview.hiddenColumns > 0 && (
              <Badge color="gray" variant="light" tt="none">
                {preview.hiddenColumns} more columns not shown
              </Badge>
            )}
          </Group>
        )}
      </Group>
      {preview ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
          {(
            [
              ['Before', preview.before],
              ['After', preview.after],
            ] as const
          ).map(([side, part]) => (
            <Stack key={side} gap={4} miw={0}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                {side}
              </Text>
              <PreviewTable
                label={`${side} step ${number}`}
                rows={preview.rows}
                removed={preview.removed}
                columns={part.columns}
                cells={part.cells}
                dates={dates}
              />
            </Stack>
          ))}
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed">
          {missingReason}
        </Text>
      )}
    </Paper>
  )
}
