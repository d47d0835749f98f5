import { Badge, Group, Paper, Text } from '@mantine/core'
import type { ReactNode } from 'react'

interface Props {
  readonly kind: 'Input' | 'Output'
  readonly title: ReactNode
  readonly shape: string
  readonly params?: string
  readonly error?: string | null
  readonly children?: ReactNode
}

/** The fixed ends of the stack: what the data gives the network, and what it must answer. */
export function FixedRow({ kind, title, shape, params, error, children }: Props) {
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
        <Badge size="sm" variant="outline" color={error ? 'red' : 'gray'} w={58}>
          {kind}
        </Badge>
        <Text size="sm" fw={500} truncate>
          {title}
        </Text>
        <Group gap="sm" ml="auto" wrap="nowrap">
          <Text size="xs" ff="monospace">
            {shape}
          </Text>
          <Text size="xs" ff="monospace" c="dimmed" w={76} ta="right" mr={84}>
            {params}
          </Text>
        </Group>
      </Group>
      {error && (
        <Text size="sm" c="red.9" role="alert" aria-label="Error in the output layer" mt={4}>
          {error}
        </Text>
      )}
      {children}
    </Paper>
  )
}
