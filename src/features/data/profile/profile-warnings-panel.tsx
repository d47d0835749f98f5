import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { ProfileWarning, WarningKind } from '../../../core/profile/profile-types'

const KIND_LABELS: Record<WarningKind, string> = {
  identifier: 'Identifier',
  constant: 'Constant',
  'high-cardinality': 'High cardinality',
  missing: 'Missing values',
  skew: 'Skewed',
  correlated: 'Correlated',
  duplicates: 'Duplicates',
  leakage: 'Leakage',
  imbalance: 'Imbalance',
}
const SHOWN = 8

/** What to look at before modelling: each finding with its figure and what to do. */
export function ProfileWarningsPanel({ warnings }: { warnings: readonly ProfileWarning[] }) {
  const [all, setAll] = useState(false)
  const shown = all ? warnings : warnings.slice(0, SHOWN)
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Warnings</Title>
        <Text size="sm" c="dimmed">
          {warnings.length === 0 ? 'Nothing to flag.' : `${warnings.length} to review`}
        </Text>
      </Group>
      <Stack gap={6} role="list" aria-label="Data warnings">
        {shown.map((w) => (
          <Group
            key={`${w.kind}:${w.columns.join('|')}`}
            role="listitem"
            gap="sm"
            wrap="nowrap"
            align="flex-start"
            data-kind={w.kind}
            p={6}
            style={{
              borderLeft: `3px solid var(--mantine-color-${w.kind === 'leakage' ? 'red' : w.severity === 'warning' ? 'orange' : 'blue'}-5)`,
              background: 'var(--mantine-color-gray-0)',
              borderRadius: 4,
            }}
          >
            <Badge
              size="sm"
              variant="light"
              tt="none"
              w={118}
              style={{ flexShrink: 0 }}
              color={w.kind === 'leakage' ? 'red' : w.severity === 'warning' ? 'orange' : 'blue'}
            >
              {KIND_LABELS[w.kind]}
            </Badge>
            <div>
              <Text size="sm" fw={500}>
                {w.message}
              </Text>
              <Text size="xs" c="dimmed">
                {w.advice}
              </Text>
            </div>
          </Group>
        ))}
      </Stack>
      {warnings.length > SHOWN && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${warnings.length} warnings`}
        </Button>
      )}
    </Paper>
  )
}
