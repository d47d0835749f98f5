import { Alert, Paper, Stack } from '@mantine/core'
import { useStudio } from '../../state/studio-store'
import { EmptyState } from '../../ui/empty-state'
import { EpochTable } from './epoch-table'
import { CurveChart } from './curve-chart'
import { TrainControls } from './train-controls'
import { TrainSettings } from './train-settings'
import { TrainStatus } from './train-status'

export function TrainStep() {
  const recipe = useStudio((s) => s.recipe)
  const error = useStudio((s) => s.trainingError)
  const epochs = useStudio((s) => s.epochs)
  if (!recipe) {
    return (
      <EmptyState title="Nothing to train yet">
        Load data and choose a target column on the Data step.
      </EmptyState>
    )
  }
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <TrainSettings />
        <TrainControls />
      </Paper>
      {error && (
        <Alert color="red" title="Training stopped" role="alert">
          {error}
        </Alert>
      )}
      <TrainStatus />
      {epochs.length > 0 && (
        <>
          <CurveChart epochs={epochs} />
          <EpochTable epochs={epochs} />
        </>
      )}
    </Stack>
  )
}
