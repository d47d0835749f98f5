import { Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { StepDraft } from '../../core/recipe/edit-steps'
import type { Recipe } from '../../core/recipe/recipe-schema'
import type { RecipePlan } from '../../state/recipe-slice'
import { AddStepMenu } from './add-step-menu'
import type { ColumnAtStep } from './columns-at-step'
import { ProposeRecipeButton } from './propose-recipe-button'
import { StepCard } from './step-card'
import { stepStates } from './step-states'

interface Props {
  readonly recipe: Recipe
  readonly plan: RecipePlan
  readonly selectedId: string | null
  readonly onSelect: (id: string) => void
  /** Columns a new step would see, and where it goes. */
  readonly addColumns: readonly ColumnAtStep[]
  readonly addWhere: string
  readonly onAdd: (draft: StepDraft) => void
}

/** The recipe's steps in the order they run, with the buttons that add or propose steps. */
export function StepsPanel(props: Props) {
  const { recipe, plan, selectedId, onSelect } = props
  const states = stepStates(recipe, plan)
  const total = recipe.steps.length
  return (
    <Paper withBorder p="md" radius="md" role="region" aria-label="Steps">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>Steps</Title>
          <Text size="xs" c="dimmed">
            Run top to bottom, each on what the one above left.
          </Text>
        </div>
        <Group gap="xs">
          <ProposeRecipeButton />
          <AddStepMenu
            columns={props.addColumns}
            target={recipe.target.column}
            where={props.addWhere}
            onAdd={props.onAdd}
          />
        </Group>
      </Group>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          No steps: the columns go to the model as they are. Add a step, or propose a recipe.
        </Text>
      ) : (
        <Stack component="ol" gap="xs" p={0} m={0} aria-label="Preparation steps">
          {recipe.steps.map((step, i) => (
            <StepCard
              key={step.id}
              step={step}
              number={i + 1}
              total={total}
              state={states.get(step.id) ?? { kind: 'not-run' }}
              selected={step.id === selectedId}
              onSelect={() => onSelect(step.id)}
            />
          ))}
        </Stack>
      )}
    </Paper>
  )
}
