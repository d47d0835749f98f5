import { SimpleGrid } from '@mantine/core'
import type { Initializer, LayerSpec } from '../../core/model/model-spec'
import type { LayerFormProps } from './layer-form'
import { NumberField, SelectField, SwitchField } from './layer-fields'

const INITIALIZER_LABELS: Record<Initializer, string> = {
  glorotUniform: 'Glorot uniform',
  glorotNormal: 'Glorot normal',
  heUniform: 'He uniform',
  heNormal: 'He normal',
  leCunUniform: 'LeCun uniform',
  leCunNormal: 'LeCun normal',
  randomNormal: 'random normal',
  zeros: 'zeros',
}

/** The weights' start and penalties: settings most analysts leave, so only the selected card shows them. */
export function KernelFields({ layer: l, number: n, onChange }: LayerFormProps) {
  if (!('l1' in l)) return null
  const set = <L extends LayerSpec>(layer: L, patch: Partial<L>) => onChange({ ...layer, ...patch })
  const penalty = (label: 'L1' | 'L2', value: number, apply: (v: number) => void) => (
    <NumberField
      label={label}
      layer={n}
      value={value}
      min={0}
      max={10}
      step={0.0001}
      onChange={(v) => v !== null && apply(v)}
    />
  )
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, sm: 4 }} spacing="xs" verticalSpacing={6} mt={6}>
      {'kernelInitializer' in l && (
        <SelectField
          label="Kernel initializer"
          layer={n}
          value={l.kernelInitializer}
          options={INITIALIZER_LABELS}
          onChange={(kernelInitializer) => set(l, { kernelInitializer })}
        />
      )}
      {penalty('L1', l.l1, (l1) => set(l, { l1 }))}
      {penalty('L2', l.l2, (l2) => set(l, { l2 }))}
      {l.type === 'dense' && (
        <SwitchField
          label="Use bias"
          layer={n}
          checked={l.useBias}
          onChange={(useBias) => set(l, { useBias })}
        />
      )}
    </SimpleGrid>
  )
}
