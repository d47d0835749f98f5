import { Alert, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { Recipe } from '../../core/recipe/recipe-schema'
import type { RecipePlan } from '../../state/recipe-slice'
import { FeatureList } from './feature-list'

const count = (n: number) => n.toLocaleString('en-US')

/** What the whole recipe gives the model: how many inputs, notes, and the inputs themselves. */
export function RecipeSummary({ recipe, plan }: { recipe: Recipe; plan: RecipePlan }) {
  const [open, setOpen] = useState(false)
  const enabled = recipe.steps.filter((s) => s.enabled).length
  const off = recipe.steps.length - enabled
  const features = plan.error ? [] : (plan.recipe.features ?? [])
  return (
    <Paper withBorder p="md" radius="md" role="region" aria-label="Recipe summary">
      <Group justify="space-between">
        <Text size="sm" aria-label="Model inputs summary">
          <Text span fw={600}>
            {count(enabled)} {enabled === 1 ? 'step gives' : 'steps give'} {count(plan.inputs)}{' '}
            model {plan.inputs === 1 ? 'input' : 'inputs'}
          </Text>
          {off > 0 && (
            <Text span c="dimmed">
              {' '}
              ({off} switched off)
            </Text>
          )}
          {plan.error && (
            <Text span c="red">
              {' '}
              — fix the error to get model inputs
            </Text>
          )}
        </Text>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setOpen((o) => !o)}
          disabled={features.length === 0}
          aria-expanded={open}
        >
          {open ? 'Hide model inputs' : 'Show model inputs'}
        </Button>
      </Group>
      {plan.notes.length > 0 && (
        <Stack gap={4} mt="xs">
          {plan.notes.map((note) => (
            <Alert key={note} color="yellow" variant="light" p="xs">
              <Text size="sm">{note}</Text>
            </Alert>
          ))}
        </Stack>
      )}
      <Collapse expanded={open && features.length > 0}>
        <div style={{ marginTop: 8 }}>
          <FeatureList features={features} />
        </div>
      </Collapse>
    </Paper>
  )
}
