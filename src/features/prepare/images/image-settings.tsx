import { Group, NativeSelect, NumberInput } from '@mantine/core'
import type { NormaliseStep } from '../../../core/images/prepare/normalise'
import type { ResizeSpec } from '../../../core/images/prepare/rgba-image'
import type { StepOf } from '../../../core/recipe/step-schema'
import { useStudio } from '../../../state/studio-store'

const FITS: { value: ResizeSpec['fit']; label: string }[] = [
  { value: 'stretch', label: 'Stretch' },
  { value: 'contain', label: 'Contain (black bars)' },
  { value: 'cover', label: 'Cover (crop centre)' },
]

const METHODS: { value: NormaliseStep['method']; label: string }[] = [
  { value: 'standard', label: 'Standard (mean, std)' },
  { value: 'unit', label: 'Unit (0 to 1)' },
  { value: 'symmetric', label: 'Symmetric (−1 to 1)' },
]

/** The schema's limits for a side. */
const MIN_SIDE = 4
const MAX_SIDE = 512

const side = (v: number | string) =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_SIDE && v <= MAX_SIDE ? v : null

interface ImageSettingsProps {
  readonly resize: StepOf<'image-resize'>
  readonly normalise: NormaliseStep | undefined
  readonly seed: number
}

/** The resize and normalise settings of the image recipe. */
export function ImageSettings({ resize, normalise, seed }: ImageSettingsProps) {
  const setResize = useStudio((s) => s.setImageResize)
  const setNormalise = useStudio((s) => s.setImageNormalise)
  const setSeed = useStudio((s) => s.setImageSeed)
  return (
    <Group gap="md" align="end">
      <NumberInput
        label="Image width"
        value={resize.width}
        min={MIN_SIDE}
        max={MAX_SIDE}
        allowDecimal={false}
        onChange={(v) => {
          const width = side(v)
          if (width !== null) setResize({ width })
        }}
        w={110}
      />
      <NumberInput
        label="Image height"
        value={resize.height}
        min={MIN_SIDE}
        max={MAX_SIDE}
        allowDecimal={false}
        onChange={(v) => {
          const height = side(v)
          if (height !== null) setResize({ height })
        }}
        w={110}
      />
      <NativeSelect
        label="Channels"
        value={String(resize.channels)}
        data={[
          { value: '1', label: 'Grey (1)' },
          { value: '3', label: 'Colour (3)' },
        ]}
        onChange={(e) => setResize({ channels: e.currentTarget.value === '1' ? 1 : 3 })}
        w={130}
      />
      <NativeSelect
        label="Fit"
        value={resize.fit}
        data={FITS}
        onChange={(e) => setResize({ fit: e.currentTarget.value as ResizeSpec['fit'] })}
        w={200}
      />
      <NativeSelect
        label="Normalisation"
        value={normalise?.method ?? 'standard'}
        data={METHODS}
        onChange={(e) => setNormalise(e.currentTarget.value as NormaliseStep['method'])}
        w={200}
      />
      <NumberInput
        label="Seed"
        value={seed}
        min={0}
        max={2 ** 31 - 1}
        allowDecimal={false}
        onChange={(v) => typeof v === 'number' && setSeed(v)}
        w={120}
      />
    </Group>
  )
}
