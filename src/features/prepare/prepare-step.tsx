import { Alert, Grid, Stack, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import { newStepId, type StepDraft } from '../../core/recipe/edit-steps'
import { useStudio } from '../../state/studio-store'
import { EmptyState } from '../../ui/empty-state'
import { columnsBeforeSteps, rawColumns } from './columns-at-step'
import { ImagePreparePanel } from './images/image-prepare-panel'
import { PlanningProgress } from './planning-progress'
import { RecipeSummary } from './recipe-summary'
import { SplitCard } from './split-card'
import { StepEditorPanel } from './step-editor-panel'
import { StepPreviewPanel } from './step-preview-panel'
import { StepsPanel } from './steps-panel'

/** The Prepare step: the split, the recipe's steps, the selected step's settings and preview. */
export function PrepareStep() {
  const dataset = useStudio((s) => s.dataset)
  const recipe = useStudio((s) => s.recipe)
  const plan = useStudio((s) => s.plan)
  const addStep = useStudio((s) => s.addStep)
  const [chosen, setChosen] = useState<{ id: string; at: number } | null>(null)
  const columnsAt = useMemo(
    () =>
      dataset && recipe && plan
        ? columnsBeforeSteps(rawColumns(dataset.table, dataset.types), recipe.steps, plan.reports)
        : [],
    [dataset, recipe, plan],
  )
  const imageDataset = useStudio((s) => s.imageDataset)
  if (imageDataset && !dataset) return <ImagePreparePanel />
  if (!dataset || !recipe || !plan) {
    return (
      <EmptyState title="Nothing to prepare yet">
        Load data and choose a target column on the Data step.
      </EmptyState>
    )
  }
  const steps = recipe.steps
  // The chosen step; once it is removed, the one that took its place (or the new last one).
  const found = steps.findIndex((s) => s.id === chosen?.id)
  const index = found >= 0 ? found : Math.max(0, Math.min(chosen?.at ?? 0, steps.length - 1))
  const selected = steps[index]
  const number = index + 1
  const lastColumns = columnsAt.at(-1) ?? rawColumns(dataset.table, dataset.types)
  const addAt = selected ? index + 1 : steps.length
  const addColumns = columnsAt[addAt] ?? lastColumns
  const add = (draft: StepDraft) => {
    setChosen({ id: newStepId(steps), at: addAt })
    addStep(draft, addAt)
  }
  const planError = plan.error?.stepId === null ? plan.error : null
  const preview = selected && plan.previews.find((p) => p.stepId === selected.id)
  const failed = selected && plan.error?.stepId === selected.id
  const selectedColumns = columnsAt[index] ?? lastColumns
  const dates = new Set(selectedColumns.filter((c) => c.type === 'datetime').map((c) => c.name))
  return (
    <Stack gap="md">
      <PlanningProgress />
      <SplitCard plan={plan} />
      {planError && (
        <Alert color="red" title="The recipe cannot prepare the data" role="alert">
          <Text size="sm">{planError.message}</Text>
        </Alert>
      )}
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <StepsPanel
            recipe={recipe}
            plan={plan}
            selectedId={selected?.id ?? null}
            onSelect={(id) => setChosen({ id, at: steps.findIndex((s) => s.id === id) })}
            addColumns={addColumns}
            addWhere={selected && index < steps.length - 1 ? `after step ${number}` : 'at the end'}
            onAdd={add}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {selected ? (
            <Stack gap="md" style={{ position: 'sticky', top: 72 }}>
              <StepEditorPanel
                key={selected.id}
                step={selected}
                number={number}
                columns={selectedColumns}
                target={recipe.target.column}
              />
              <StepPreviewPanel
                number={number}
                preview={preview}
                dates={dates}
                missingReason={
                  !selected.enabled
                    ? 'This step is switched off: switch it on to see what it does.'
                    : failed
                      ? 'This step failed: its error is on its card. Change its settings to fix it.'
                      : 'Not run: a step above failed.'
                }
              />
            </Stack>
          ) : (
            <EmptyState title="No step selected">
              Add a step, or propose a recipe, to see its settings and a before/after preview.
            </EmptyState>
          )}
        </Grid.Col>
      </Grid>
      <RecipeSummary recipe={recipe} plan={plan} />
    </Stack>
  )
}
