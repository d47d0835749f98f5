import { NativeSelect, SimpleGrid, Switch } from '@mantine/core'
import { DEFAULT_MOMENTUM } from '../../core/train/optimizer'
import { OPTIMIZERS, type OptimizerName, type TrainConfig } from '../../core/train/train-config'
import { useStudio } from '../../state/studio-store'
import { ConfigNumber } from './config-number'

const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  adam: 'Adam',
  sgd: 'SGD',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
  adadelta: 'Adadelta',
  adamax: 'Adamax',
}

export function OptimizerFields({ config, busy }: { config: TrainConfig; busy: boolean }) {
  const setTrainConfig = useStudio((s) => s.setTrainConfig)
  const momentum = config.momentum ?? DEFAULT_MOMENTUM
  return (
    <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
      <NativeSelect
        label="Optimizer"
        size="xs"
        value={config.optimizer}
        disabled={busy}
        onChange={(e) => setTrainConfig({ optimizer: e.currentTarget.value as OptimizerName })}
        data={OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }))}
      />
      <ConfigNumber
        label="Learning rate"
        value={config.learningRate}
        min={0.000001}
        max={1}
        step={0.0005}
        valid={(v) => v > 0 && v <= 1}
        onValid={(learningRate) => setTrainConfig({ learningRate })}
        disabled={busy}
      />
      <ConfigNumber
        label="Batch size"
        value={config.batchSize}
        integer
        min={1}
        max={65536}
        valid={(v) => v >= 1 && v <= 65536}
        onValid={(batchSize) => setTrainConfig({ batchSize })}
        disabled={busy}
      />
      {config.optimizer === 'sgd' && (
        <ConfigNumber
          label="Momentum"
          value={momentum}
          min={0}
          max={0.99}
          step={0.05}
          valid={(v) => v >= 0 && v < 1}
          onValid={(m) => setTrainConfig({ momentum: m })}
          disabled={busy}
        />
      )}
      {config.optimizer === 'sgd' && (
        <Switch
          label="Nesterov"
          size="xs"
          checked={config.nesterov ?? false}
          disabled={busy || momentum === 0}
          onChange={(e) => setTrainConfig({ nesterov: e.currentTarget.checked })}
          mt={6}
        />
      )}
    </SimpleGrid>
  )
}
