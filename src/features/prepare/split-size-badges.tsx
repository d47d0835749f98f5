import { Badge, Group, Text } from '@mantine/core'
import type { RecipePlan } from '../../state/recipe-slice'

const count = (n: number) => n.toLocaleString('en-US')

/** Rows in each part after every step, and the rows that never reach a part, with why. */
export function SplitSizeBadges({ plan }: { plan: RecipePlan }) {
  const { rows } = plan
  const removedBySteps = plan.reports.reduce((sum, r) => sum + r.removedRows, 0)
  return (
    <Group gap="xs" aria-label="Split sizes">
      <Badge variant="light" tt="none" size="lg">
        Train {count(rows.train)}
      </Badge>
      <Badge variant="light" color="grape" tt="none" size="lg">
        Validation {count(rows.validation)}
      </Badge>
      <Badge variant="light" color="teal" tt="none" size="lg">
        Test {count(rows.test)}
      </Badge>
      {plan.droppedMissingTarget > 0 && (
        <Badge variant="light" color="orange" tt="none">
          {count(plan.droppedMissingTarget)} rows without a target left out
        </Badge>
      )}
      {plan.droppedMissingOrder > 0 && (
        <Badge variant="light" color="orange" tt="none">
          {count(plan.droppedMissingOrder)} rows without an order value left out
        </Badge>
      )}
      {removedBySteps > 0 && (
        <Badge variant="light" color="red" tt="none">
          {count(removedBySteps)} rows removed by steps
        </Badge>
      )}
      {plan.droppedMissingTarget + plan.droppedMissingOrder + removedBySteps === 0 && (
        <Text size="xs" c="dimmed">
          no rows left out
        </Text>
      )}
    </Group>
  )
}
