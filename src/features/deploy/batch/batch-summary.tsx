import { Group, List, Stack, Text } from '@mantine/core'
import type { ScoreSummary } from '../../../core/export/score/score-file'
import { formatNumber, formatPercent } from '../../../ui/format'

/** What the scored file holds, in a few lines an analyst can repeat. */
export function BatchSummary(props: {
  readonly summary: ScoreSummary
  readonly seconds: number
  readonly target: string
}) {
  const { summary, seconds, target } = props
  const perSecond = seconds > 0 ? summary.rows / seconds : 0
  return (
    <Stack gap={4} aria-label="Scoring summary" role="region">
      <Group gap="lg">
        <Text size="sm">
          <b>{formatNumber(summary.scored)}</b> of {formatNumber(summary.rows)} rows scored
        </Text>
        <Text size="sm">
          <b>{formatNumber(summary.withNotes)}</b> with notes
        </Text>
        {summary.refused > 0 && (
          <Text size="sm" c="red.7">
            <b>{formatNumber(summary.refused)}</b> refused (see the problem column)
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {formatNumber(seconds, 1)} s, {formatNumber(Math.round(perSecond))} rows/s
        </Text>
      </Group>
      {summary.classCounts.length > 0 && (
        <Text size="sm">
          Predicted {target}:{' '}
          {summary.classCounts
            .map(
              (c) =>
                `${c.label} ${formatNumber(c.count)} (${formatPercent(c.count / Math.max(1, summary.scored))})`,
            )
            .join(', ')}
          {summary.threshold !== null &&
            ` at the decision threshold ${formatNumber(summary.threshold, 2)}`}
          .
        </Text>
      )}
      {summary.valueRange && (
        <Text size="sm">
          Predicted {target} from {formatNumber(summary.valueRange.min)} to{' '}
          {formatNumber(summary.valueRange.max)}, mean {formatNumber(summary.valueRange.mean)}.
        </Text>
      )}
      {summary.warnings > 0 && (
        <>
          <Text size="sm" c="orange.8">
            {formatNumber(summary.warnings)} values are worth a look (scored anyway), for example:
          </Text>
          <List size="xs" c="orange.8">
            {summary.examples.map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  )
}
