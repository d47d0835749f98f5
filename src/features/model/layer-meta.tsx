import { Group, Text } from '@mantine/core'
import type { ReactNode } from 'react'

interface Props {
  readonly shape: string
  /** null: not known (the layer or one above does not fit). */
  readonly params: number | null
  /** Which row, for the accessible names: "layer 2", "the output layer". */
  readonly of: string
  /** The row's buttons; rows without any keep the same width so the columns line up. */
  readonly actions?: ReactNode
}

/** Output shape, parameter count and buttons at fixed widths: every row's columns line up. */
export function LayerMeta({ shape, params, of, actions }: Props) {
  return (
    <Group gap="xs" ml="auto" wrap="nowrap" style={{ flexShrink: 0 }}>
      <Text size="xs" ff="monospace" w={104} ta="right" aria-label={`Output shape of ${of}`}>
        {shape}
      </Text>
      <Text
        size="xs"
        ff="monospace"
        c="dimmed"
        w={96}
        ta="right"
        aria-label={`Parameters of ${of}`}
      >
        {params === null ? '—' : `${params.toLocaleString('en-US')} params`}
      </Text>
      <Group gap={0} w={70} justify="flex-end" wrap="nowrap">
        {actions}
      </Group>
    </Group>
  )
}
