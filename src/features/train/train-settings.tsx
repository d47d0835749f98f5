import { Group, NativeSelect, NumberInput, Switch } from '@mantine/core'
import { BACKEND_LABELS, BACKENDS, type BackendRequest } from '../../core/train/backend-names'
import { DEFAULT_MOMENTUM } from '../../core/train/optimizer'
import { OPTIMIZERS, type OptimizerName } from '../../core/train/train-config'

const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  adam: 'Adam',
  sgd: 'SGD',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
  adadelta: 'Adadelta',
  adamax: 'Adamax',
}
import { useStudio } from '../../state/studio-store'

export function TrainSettings() {
  const training = useStudio((s) => s.recipe?.training)
  const setTrainConfig = useStudio((s) => s.setTrainConfig)
  const backendRequest = useStudio((s) => s.backendRequest)
  const setBackendRequest = useStudio((s) => s.setBackendRequest)
  const busy = useStudio((s) =>
    ['starting', 'training', 'paused', 'stopping'].includes(s.trainingStatus),
  )
  if (!training) return null
  return (
    <Group gap="md" align="end" mb="md">
      <NumberInput
        label="Epochs"
        value={training.epochs}
        min={1}
        max={10000}
        allowDecimal={false}
        disabled={busy}
        onChange={(v) => typeof v === 'number' && v >= 1 && setTrainConfig({ epochs: v })}
        w={110}
      />
      <NumberInput
        label="Batch size"
        value={training.batchSize}
        min={1}
        max={65536}
        allowDecimal={false}
        disabled={busy}
        onChange={(v) => typeof v === 'number' && v >= 1 && setTrainConfig({ batchSize: v })}
        w={110}
      />
      <NativeSelect
        label="Optimizer"
        value={training.optimizer}
        disabled={busy}
        onChange={(e) => setTrainConfig({ optimizer: e.currentTarget.value as OptimizerName })}
        data={OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }))}
        w={130}
      />
      {training.optimizer === 'sgd' && (
        <>
          <NumberInput
            label="Momentum"
            value={training.momentum ?? DEFAULT_MOMENTUM}
            min={0}
            max={0.99}
            step={0.05}
            decimalScale={3}
            disabled={busy}
            onChange={(v) =>
              typeof v === 'number' && v >= 0 && v < 1 && setTrainConfig({ momentum: v })
            }
            w={110}
          />
          <Switch
            label="Nesterov"
            checked={training.nesterov ?? false}
            disabled={busy || (training.momentum ?? DEFAULT_MOMENTUM) === 0}
            onChange={(e) => setTrainConfig({ nesterov: e.currentTarget.checked })}
            mb={8}
          />
        </>
      )}
      <NumberInput
        label="Learning rate"
        value={training.learningRate}
        min={0.000001}
        max={1}
        step={0.0005}
        decimalScale={6}
        disabled={busy}
        onChange={(v) =>
          typeof v === 'number' && v > 0 && v <= 1 && setTrainConfig({ learningRate: v })
        }
        w={130}
      />
      <NativeSelect
        label="Backend"
        value={backendRequest}
        disabled={busy}
        onChange={(e) => setBackendRequest(e.currentTarget.value as BackendRequest)}
        data={[
          { value: 'auto', label: 'Fastest (measured)' },
          ...BACKENDS.map((b) => ({ value: b, label: BACKEND_LABELS[b] })),
        ]}
        w={200}
      />
    </Group>
  )
}
