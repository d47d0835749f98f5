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

const SHAPE_W = 112
const PARAMS_W = 76
const ACTIONS_W = 70

/** Output shape, parameter count and buttons at fixed widths: every row's columns line up. */
export function LayerMeta({ shape, params, of, actions }: Props) {
  return (
    <Group gap="xs" ml="auto" wrap="nowrap" style={{ flexShrink: 0 }}>
      <Text size="xs" ff="monospace" w={SHAPE_W} ta="right" aria-label={`Output shape of ${of}`}>
        {shape}
      </Text>
      <Text
        size="xs"
        ff="monospace"
        c="dimmed"
        w={PARAMS_W}
        ta="right"
        aria-label={`Parameters of ${of}`}
      >
        {params === null ? '—' : params.toLocaleString('en-US')}
      </Text>
      <Group gap={0} w={ACTIONS_W} justify="flex-end" wrap="nowrap">
        {actions}
      </Group>
    </Group>
  )
}

/** Column titles over the stack, at the same widths as every row's shape and parameters. */
export function LayerMetaHeader() {
  return (
    <Group gap="xs" wrap="nowrap" px="sm" aria-hidden>
      <Text size="xs" c="dimmed" fw={600}>
        Layer
      </Text>
      <Group gap="xs" ml="auto" wrap="nowrap">
        <Text size="xs" c="dimmed" fw={600} w={SHAPE_W} ta="right">
          Output shape
        </Text>
        <Text size="xs" c="dimmed" fw={600} w={PARAMS_W} ta="right">
          Params
        </Text>
        <div style={{ width: ACTIONS_W }} />
      </Group>
    </Group>
  )
}
