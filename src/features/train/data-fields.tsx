import { NativeSelect, Stack } from '@mantine/core'
import {
  DEFAULT_VALIDATION_SHARE,
  VALIDATION_SOURCES,
  type TrainConfig,
  type ValidationSource,
} from '../../core/train/train-config'
import { useStudio } from '../../state/studio-store'
import { ClassWeightFields } from './class-weight-fields'
import { ConfigNumber } from './config-number'

function sourceLabel(source: ValidationSource, splitRows: number | null): string {
  if (source === 'none') return 'None'
  if (source === 'from-training') return 'A share of the training rows'
  if (splitRows === null) return "The recipe's validation split"
  return splitRows === 0
    ? "The recipe's validation split (empty)"
    : `The recipe's validation split (${splitRows.toLocaleString('en-US')} rows)`
}

export function DataFields({ config, busy }: { config: TrainConfig; busy: boolean }) {
  const setTrainConfig = useStudio((s) => s.setTrainConfig)
  const splitRows = useStudio((s) => s.plan?.rows.validation ?? null)
  const classification = useStudio((s) => s.recipe?.target.task !== 'regression')
  const source = config.validation ?? 'split'
  const share = config.validationShare ?? DEFAULT_VALIDATION_SHARE
  return (
    <Stack gap="xs">
      <NativeSelect
        label="Validation data"
        size="xs"
        value={source}
        disabled={busy}
        onChange={(e) => setTrainConfig({ validation: e.currentTarget.value as ValidationSource })}
        data={VALIDATION_SOURCES.map((v) => ({ value: v, label: sourceLabel(v, splitRows) }))}
      />
      {source === 'from-training' && (
        <ConfigNumber
          label="Share held out"
          value={Math.round(share * 100)}
          integer
          min={1}
          max={50}
          suffix="%"
          valid={(v) => v >= 1 && v <= 50}
          onValid={(percent) => setTrainConfig({ validationShare: percent / 100 })}
          disabled={busy}
        />
      )}
      {classification && <ClassWeightFields busy={busy} />}
    </Stack>
  )
}
