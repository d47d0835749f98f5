import { NativeSelect, SimpleGrid, Stack } from '@mantine/core'
import {
  LEARNING_RATE_SCHEDULES,
  type LearningRateSchedule,
  type TrainConfig,
} from '../../core/train/train-config'
import { useStudio } from '../../state/studio-store'
import { ConfigNumber } from './config-number'

type ScheduleKind = LearningRateSchedule['kind']

const LABELS: Record<ScheduleKind, string> = {
  constant: 'Constant',
  step: 'Step',
  exponential: 'Exponential',
  plateau: 'Reduce on plateau',
}

/** What each schedule starts with when chosen: the usual Keras / PyTorch settings. */
const DEFAULTS: Record<ScheduleKind, LearningRateSchedule> = {
  constant: { kind: 'constant' },
  step: { kind: 'step', every: 10, factor: 0.5 },
  exponential: { kind: 'exponential', decay: 0.95 },
  plateau: { kind: 'plateau', factor: 0.5, patience: 5, minDelta: 0.0001, minLearningRate: 1e-6 },
}

/** The rate's multiplier at each drop, for the step and plateau schedules alike. */
function FactorField({
  value,
  onValid,
  busy,
}: {
  value: number
  onValid: (factor: number) => void
  busy: boolean
}) {
  return (
    <ConfigNumber
      label="Multiply by"
      value={value}
      min={0.01}
      max={0.99}
      step={0.1}
      valid={(v) => v > 0 && v < 1}
      onValid={onValid}
      disabled={busy}
    />
  )
}

export function ScheduleFields({ config, busy }: { config: TrainConfig; busy: boolean }) {
  const setTrainConfig = useStudio((s) => s.setTrainConfig)
  const schedule = config.schedule ?? DEFAULTS.constant
  const set = (next: LearningRateSchedule) => setTrainConfig({ schedule: next })
  return (
    <Stack gap="xs">
      <NativeSelect
        label="Learning-rate schedule"
        size="xs"
        value={schedule.kind}
        disabled={busy}
        onChange={(e) => set(DEFAULTS[e.currentTarget.value as ScheduleKind])}
        data={LEARNING_RATE_SCHEDULES.map((k) => ({ value: k, label: LABELS[k] }))}
      />
      {schedule.kind === 'step' && (
        <SimpleGrid cols={2} spacing="xs">
          <ConfigNumber
            label="Drop every"
            suffix=" epochs"
            value={schedule.every}
            integer
            min={1}
            valid={(v) => v >= 1}
            onValid={(every) => set({ ...schedule, every })}
            disabled={busy}
          />
          <FactorField
            value={schedule.factor}
            onValid={(factor) => set({ ...schedule, factor })}
            busy={busy}
          />
        </SimpleGrid>
      )}
      {schedule.kind === 'exponential' && (
        <ConfigNumber
          label="Multiply each epoch by"
          value={schedule.decay}
          min={0.5}
          max={1}
          step={0.01}
          valid={(v) => v > 0 && v <= 1}
          onValid={(decay) => set({ ...schedule, decay })}
          disabled={busy}
        />
      )}
      {schedule.kind === 'plateau' && (
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          <FactorField
            value={schedule.factor}
            onValid={(factor) => set({ ...schedule, factor })}
            busy={busy}
          />
          <ConfigNumber
            label="Wait"
            suffix=" epochs"
            value={schedule.patience}
            integer
            min={1}
            valid={(v) => v >= 1}
            onValid={(patience) => set({ ...schedule, patience })}
            disabled={busy}
          />
          <ConfigNumber
            label="Min improvement"
            value={schedule.minDelta}
            min={0}
            step={0.0001}
            valid={(v) => v >= 0}
            onValid={(minDelta) => set({ ...schedule, minDelta })}
            disabled={busy}
          />
          <ConfigNumber
            label="Lowest learning rate"
            value={schedule.minLearningRate}
            min={0}
            step={0.000001}
            valid={(v) => v >= 0}
            onValid={(minLearningRate) => set({ ...schedule, minLearningRate })}
            disabled={busy}
          />
        </SimpleGrid>
      )}
    </Stack>
  )
}
