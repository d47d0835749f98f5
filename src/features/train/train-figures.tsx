import { Group, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** A row of labelled figures (progress, time left, speed…), read as a group by screen readers. */
export function TrainFigures({ figures }: { figures: { label: string; value: ReactNode }[] }) {
  return (
    <Group role="group" aria-label="Training figures" gap="xl" mt="sm" wrap="wrap">
      {figures.map((f) => (
        <div key={f.label} aria-label={f.label} role="group">
          <Text size="xs" c="dimmed" lh={1.2}>
            {f.label}
          </Text>
          <Text size="sm" fw={500} lh={1.4} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {f.value}
          </Text>
        </div>
      ))}
    </Group>
  )
}
