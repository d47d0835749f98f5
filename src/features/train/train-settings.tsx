import { Group, NativeSelect, NumberInput } from '@mantine/core'
import { BACKEND_LABELS, BACKENDS, type BackendRequest } from '../../core/train/backend-names'
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
