import { Button, Group, NativeSelect, Stack } from '@mantine/core'
import { BACKEND_LABELS, BACKENDS, type BackendRequest } from '../../core/train/backend-names'
import { trainingSeed, type TrainConfig } from '../../core/train/train-config'
import { useStudio } from '../../state/studio-store'
import { ConfigNumber } from './config-number'

/** A fresh seed for a second opinion on the same settings: a different start, a different curve. */
function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1
}

const MAX_SEED = 2 ** 32 - 1

export function ReproducibilityFields({ config, busy }: { config: TrainConfig; busy: boolean }) {
  const setTrainConfig = useStudio((s) => s.setTrainConfig)
  const recipeSeed = useStudio((s) => s.recipe?.seed ?? 42)
  const backendRequest = useStudio((s) => s.backendRequest)
  const setBackendRequest = useStudio((s) => s.setBackendRequest)
  return (
    <Stack gap="xs">
      <Group gap="xs" align="end" wrap="nowrap">
        <ConfigNumber
          label="Training seed"
          value={trainingSeed(config, recipeSeed)}
          integer
          min={0}
          max={MAX_SEED}
          valid={(v) => Number.isInteger(v) && v >= 0 && v <= MAX_SEED}
          onValid={(seed) => setTrainConfig({ seed })}
          disabled={busy}
        />
        <Button
          size="xs"
          variant="default"
          disabled={busy}
          onClick={() => setTrainConfig({ seed: freshSeed() })}
        >
          New seed
        </Button>
      </Group>
      <NativeSelect
        label="Backend"
        size="xs"
        value={backendRequest}
        disabled={busy}
        onChange={(e) => setBackendRequest(e.currentTarget.value as BackendRequest)}
        data={[
          { value: 'auto', label: 'Fastest (measured)' },
          ...BACKENDS.map((b) => ({ value: b, label: BACKEND_LABELS[b] })),
        ]}
      />
    </Stack>
  )
}
