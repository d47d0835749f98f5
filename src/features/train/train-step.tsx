import { Alert, Paper, Stack } from '@mantine/core'
import { useDeferredValue, useMemo } from 'react'
import { useStudio } from '../../state/studio-store'
import { EmptyState } from '../../ui/empty-state'
import { EpochTable } from './epoch-table'
import { CurveChart } from './curve-chart'
import { ResumeOffer } from './resume-offer'
import { RunCompare } from './run-compare'
import { RunHistoryPanel } from './run-history-panel'
import { TrainControls } from './train-controls'
import { TrainSettings } from './train-settings'
import { TrainStatus } from './train-status'

// The curves and the history table read the epochs themselves: epochs arrive several times a
// second, and only these two need to redraw for them, not the settings and run history around.
// Deferred: React draws them in slices between other work (the first draw mounts five charts),
// so no redraw holds the page for more than a few milliseconds.
function LiveCurves() {
  const epochs = useDeferredValue(useStudio((s) => s.epochs))
  // The per-batch curve starts before the first epoch ends.
  const hasCurves = useDeferredValue(useStudio((s) => s.epochs.length > 0 || s.batchCurve !== null))
  return useMemo(() => (hasCurves ? <CurveChart epochs={epochs} /> : null), [hasCurves, epochs])
}

function LiveEpochTable() {
  const epochs = useDeferredValue(useStudio((s) => s.epochs))
  return useMemo(() => (epochs.length > 0 ? <EpochTable epochs={epochs} /> : null), [epochs])
}

export function TrainStep() {
  const recipe = useStudio((s) => s.recipe)
  const error = useStudio((s) => s.trainingError)
  if (!recipe) {
    // Runs kept from earlier visits stay in view: they say which data to load to restore them.
    return (
      <Stack gap="md">
        <ResumeOffer />
        <EmptyState title="Nothing to train yet">
          Load data and choose a target column on the Data step.
        </EmptyState>
        <RunHistoryPanel />
        <RunCompare />
      </Stack>
    )
  }
  return (
    <Stack gap="md">
      <ResumeOffer />
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
      <LiveCurves />
      <RunHistoryPanel />
      <RunCompare />
      <LiveEpochTable />
    </Stack>
  )
}
