import { SimpleGrid } from '@mantine/core'
import { memo, useDeferredValue, useMemo } from 'react'
import type { Task } from '../../core/recipe/task'
import type { TrainConfig } from '../../core/train/train-config'
import { useStudio } from '../../state/studio-store'
import { DataFields } from './data-fields'
import { MetricFields } from './metric-fields'
import { OptimizerFields } from './optimizer-fields'
import { ReproducibilityFields } from './reproducibility-fields'
import { ScheduleFields } from './schedule-fields'
import { SettingsSection } from './settings-section'
import { StoppingFields } from './stopping-fields'
import { useTrainingBusy } from './use-training-busy'

/**
 * Every training setting, in six groups; all locked while a run is under way. Memoised: the step
 * redraws with every epoch, and these fields need not.
 */
export const TrainSettings = memo(function TrainSettings() {
  const config = useStudio((s) => s.recipe?.training)
  const task = useStudio((s) => s.recipe?.target.task)
  // Locking or unlocking some forty controls takes a render of 50–100 ms: deferred, React does it
  // in slices between other work, so the click on Start (or a run's end) never freezes the page.
  // Start is disabled at once all the same, and the worker has its settings already.
  const busy = useDeferredValue(useTrainingBusy())
  return useMemo(
    () => (config && task ? <Settings config={config} task={task} busy={busy} /> : null),
    [config, task, busy],
  )
})

function Settings({ config, task, busy }: { config: TrainConfig; task: Task; busy: boolean }) {
  const validation = config.validation === 'none' ? 'training' : 'validation'
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm" mb="md">
      <SettingsSection
        title="Optimiser"
        help="How each step moves the weights. Adam suits most models; lower the learning rate if the loss jumps about. Bigger batches run faster per row but take fewer steps."
      >
        <OptimizerFields config={config} busy={busy} />
      </SettingsSection>
      <SettingsSection
        title="Schedule"
        help="Lowers the learning rate as training goes on, so the model settles into a good solution instead of bouncing around it."
      >
        <ScheduleFields config={config} busy={busy} />
      </SettingsSection>
      <SettingsSection
        title="Stopping"
        help={`How long to train. Early stopping ends the run once the ${validation} loss stops improving: it saves time and guards against overfitting.`}
      >
        <StoppingFields config={config} busy={busy} />
      </SettingsSection>
      <SettingsSection
        title="Data"
        help="Validation rows are never trained on: their loss shows how the model does on rows it has not seen. Class weights make rare classes count more."
      >
        <DataFields config={config} busy={busy} />
      </SettingsSection>
      <SettingsSection
        title="Metrics"
        help="Tracked every epoch on the training and validation rows, beside the loss."
      >
        <MetricFields config={config} task={task} busy={busy} />
      </SettingsSection>
      <SettingsSection
        title="Reproducibility"
        help="The same seed on the same backend trains the same curve; a new seed shows how much a result owes to luck. The backend changes speed only."
      >
        <ReproducibilityFields config={config} busy={busy} />
      </SettingsSection>
    </SimpleGrid>
  )
}
