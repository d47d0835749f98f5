import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import type { TargetProfile } from '../../../core/profile/profile-types'
import { MiniDistribution } from './mini-distribution'
import { formatCount, formatShare, formatValue } from './profile-values'

const SHOWN_CLASSES = 12

/** How the chosen target is spread: class shares, or the distribution of a numeric target. */
export function TargetBalanceCard({ target }: { target: TargetProfile }) {
  const { classes, column } = target
  return (
    <Paper withBorder p="md" radius="md" role="region" aria-label="Target balance">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Target balance: {target.target}</Title>
        <Text size="sm" c="dimmed">
          {classes ? `${classes.length} classes` : 'numeric target'}
          {column.missing > 0 && ` · ${formatCount(column.missing)} rows without a target`}
        </Text>
      </Group>
      {classes ? (
        <Stack gap={6}>
          {classes.slice(0, SHOWN_CLASSES).map((c) => (
            <Group key={c.label} gap="sm" wrap="nowrap" data-class={c.label} data-count={c.count}>
              <Text size="sm" w={140} truncate title={c.label}>
                {c.label}
              </Text>
              <Progress
                value={c.share * 100}
                w={260}
                size="lg"
                color={c.share < 0.1 ? 'orange' : 'blue'}
                aria-label={`Share of ${c.label}`}
              />
              <Text size="sm" ff="monospace" w={150}>
                {formatCount(c.count)} ({formatShare(c.share)})
              </Text>
            </Group>
          ))}
          {classes.length > SHOWN_CLASSES && (
            <Text size="xs" c="dimmed">
              and {classes.length - SHOWN_CLASSES} more classes
            </Text>
          )}
        </Stack>
      ) : (
        <Group gap="xl">
          <MiniDistribution column={column} />
          {(['mean', 'std', 'min', 'max'] as const).map((k) => (
            <Text key={k} size="sm">
              <Text span c="dimmed">
                {k}{' '}
              </Text>
              {formatValue(column.numeric?.[k], column.type)}
            </Text>
          ))}
          <Text size="sm">
            <Text span c="dimmed">
              median{' '}
            </Text>
            {formatValue(column.numeric?.quantiles.p50, column.type)}
          </Text>
        </Group>
      )}
    </Paper>
  )
}
