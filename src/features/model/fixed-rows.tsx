import { Badge, Group, Paper, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { LayerMeta } from './layer-meta'

interface Props {
  readonly kind: 'Input' | 'Output'
  readonly title: ReactNode
  /** Dimmed words under the title: the loss of the output layer. */
  readonly detail?: string
  readonly shape: string
  readonly params: number | null
  /** "the input", "the output layer": for the accessible names. */
  readonly of: string
  readonly error?: string | null
  readonly children?: ReactNode
}

/** The fixed ends of the stack: what the data gives the network, and what it must answer. */
export function FixedRow({ kind, title, detail, shape, params, of, error, children }: Props) {
  return (
    <Paper
      withBorder
      px="sm"
      py={6}
      radius="md"
      aria-label={`${kind} layer`}
      style={{
        background: error ? 'var(--mantine-color-red-0)' : 'var(--mantine-color-gray-0)',
        borderStyle: 'dashed',
        borderColor: error ? 'var(--mantine-color-red-5)' : undefined,
      }}
    >
      <Group gap={6} wrap="nowrap">
        <Badge
          size="xs"
          variant="outline"
          color={error ? 'red' : 'gray'}
          w={64}
          style={{ flexShrink: 0 }}
        >
          {kind}
        </Badge>
        <Text size="sm" fw={500} miw={0}>
          {title}
        </Text>

        <LayerMeta of={of} shape={shape} params={params} />
      </Group>
      {detail && (
        <Text size="xs" c="dimmed" pl={70}>
          {detail}
        </Text>
      )}
      {error && (
        <Text size="sm" c="red.9" role="alert" aria-label={`Error in ${of}`} mt={4}>
          {error}
        </Text>
      )}
      {children}
    </Paper>
  )
}
