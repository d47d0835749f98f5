import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { memo, useMemo } from 'react'
import type { ModelCheck } from '../../core/model/check-model'
import type { ModelSpec } from '../../core/model/model-spec'
import { modelCheckOf } from '../../state/model-slice'
import { planReady } from '../../state/recipe-slice'
import { useStudio } from '../../state/studio-store'

/** "layer 2 (lstm_1)", "the output layer": where the model breaks, as the Model step numbers it. */
function brokenPlace(check: ModelCheck, spec: ModelSpec, id: string): string {
  if (id === 'output') return 'the output layer'
  if (id === 'input') return 'the input'
  const index = spec.layers.findIndex((l) => l.id === id)
  const name = check.layers.find((l) => l.id === id)?.name
  return `layer ${index + 1}${name ? ` (${name})` : ''}`
}

/** Memoised: the step redraws with every epoch, and the buttons need not. */
export const TrainControls = memo(function TrainControls() {
  const status = useStudio((s) => s.trainingStatus)
  const recipe = useStudio((s) => s.recipe)
  const plan = useStudio((s) => s.plan)
  const start = useStudio((s) => s.startTraining)
  const showStep = useStudio((s) => s.showStep)
  const pause = useStudio((s) => s.pauseTraining)
  const resume = useStudio((s) => s.resumeTraining)
  const stop = useStudio((s) => s.stopTraining)
  const warmStart = useStudio((s) => s.warmStart)
  const clearWarmStart = useStudio((s) => s.clearWarmStart)
  const check = useMemo(() => modelCheckOf(recipe, plan), [recipe, plan])
  const broken = check?.firstError ?? null
  const canTrain = recipe !== null && planReady(plan) && broken === null
  const running =
    status === 'starting' || status === 'training' || status === 'paused' || status === 'stopping'
  return (
    <Stack gap="sm">
      {broken && check && recipe && (
        <Alert
          color="red"
          variant="light"
          title={`The model cannot be trained: ${brokenPlace(check, recipe.model, broken.id)} breaks`}
          role="alert"
        >
          <Text size="sm">{broken.message}</Text>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => showStep('model')}
            mt={4}
          >
            Fix it on the Model step
          </Anchor>
        </Alert>
      )}
      <Group gap="sm">
        <Button onClick={start} disabled={!canTrain || running}>
          Start training
        </Button>
        {status === 'paused' ? (
          <Button variant="light" onClick={resume}>
            Resume training
          </Button>
        ) : (
          <Button variant="light" onClick={pause} disabled={status !== 'training'}>
            Pause training
          </Button>
        )}
        <Button
          variant="light"
          color="red"
          onClick={stop}
          disabled={!running || status === 'stopping'}
        >
          Stop training
        </Button>
      </Group>
      {warmStart && (
        <Group gap="xs">
          <Text size="sm" c="dimmed" data-testid="train-warm-start">
            Starts from the weights of {warmStart.name}, not from fresh ones.
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={clearWarmStart} disabled={running}>
            Use fresh weights
          </Button>
        </Group>
      )}
    </Stack>
  )
})
