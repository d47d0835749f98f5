import { Checkbox, Group } from '@mantine/core'
import {
  EPOCH_METRICS,
  epochMetricsOf,
  type EpochMetric,
  type TrainConfig,
} from '../../core/train/train-config'
import { useStudio } from '../../state/studio-store'
import { METRIC_LABELS } from './metric-labels'

type Task = 'binary' | 'multiclass' | 'regression'

const FOR_CLASSES: readonly EpochMetric[] = ['accuracy', 'auc', 'precision', 'recall']
const FOR_NUMBERS: readonly EpochMetric[] = ['mae', 'rmse']

export function MetricFields({
  config,
  task,
  busy,
}: {
  config: TrainConfig
  task: Task
  busy: boolean
}) {
  const setTrainConfig = useStudio((s) => s.setTrainConfig)
  const options = task === 'regression' ? FOR_NUMBERS : FOR_CLASSES
  return (
    // The section's legend ("Metrics") names this group of boxes.
    <Checkbox.Group
      size="xs"
      value={epochMetricsOf(config, task)}
      onChange={(chosen) => {
        // The other kind's choice survives a change of target; one fixed order keeps curves and
        // table columns from moving as boxes are ticked.
        const kept = epochMetricsOf(config, task === 'regression' ? 'binary' : 'regression')
        setTrainConfig({
          metrics: EPOCH_METRICS.filter((m) => chosen.includes(m) || kept.includes(m)),
        })
      }}
    >
      <Group gap="md">
        {options.map((m) => (
          <Checkbox key={m} value={m} label={METRIC_LABELS[m]} disabled={busy} />
        ))}
      </Group>
    </Checkbox.Group>
  )
}
