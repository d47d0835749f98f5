import { Checkbox, SimpleGrid, Stack, Switch } from '@mantine/core'
import type { EarlyStopping, TrainConfig } from '../../core/train/train-config'
import { useStudio } from '../../state/studio-store'
import { ConfigNumber } from './config-number'

/** Keras' EarlyStopping with a patience people use in practice and the best weights kept. */
const DEFAULT_EARLY_STOPPING: EarlyStopping = {
  patience: 5,
  minDelta: 0,
  restoreBestWeights: true,
}

export function StoppingFields({ config, busy }: { config: TrainConfig; busy: boolean }) {
  const setTrainConfig = useStudio((s) => s.setTrainConfig)
  const early = config.earlyStopping ?? null
  const setEarly = (change: Partial<EarlyStopping>) =>
    early && setTrainConfig({ earlyStopping: { ...early, ...change } })
  return (
    <Stack gap="xs">
      <SimpleGrid cols={2} spacing="xs">
        <ConfigNumber
          label="Epochs"
          value={config.epochs}
          integer
          min={1}
          max={10000}
          valid={(v) => v >= 1 && v <= 10000}
          onValid={(epochs) => setTrainConfig({ epochs })}
          disabled={busy}
        />
        <Switch
          label="Early stopping"
          size="xs"
          checked={early !== null}
          disabled={busy}
          onChange={(e) =>
            setTrainConfig({
              earlyStopping: e.currentTarget.checked ? DEFAULT_EARLY_STOPPING : null,
            })
          }
          mt={24}
        />
      </SimpleGrid>
      {early && (
        <>
          <SimpleGrid cols={2} spacing="xs">
            <ConfigNumber
              label="Patience"
              suffix=" epochs"
              value={early.patience}
              integer
              min={1}
              valid={(v) => v >= 1}
              onValid={(patience) => setEarly({ patience })}
              disabled={busy}
            />
            <ConfigNumber
              label="Min delta"
              value={early.minDelta}
              min={0}
              step={0.001}
              valid={(v) => v >= 0}
              onValid={(minDelta) => setEarly({ minDelta })}
              disabled={busy}
            />
          </SimpleGrid>
          <Checkbox
            label="Restore best weights"
            size="xs"
            checked={early.restoreBestWeights}
            disabled={busy}
            onChange={(e) => setEarly({ restoreBestWeights: e.currentTarget.checked })}
          />
        </>
      )}
    </Stack>
  )
}
