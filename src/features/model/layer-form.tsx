import { SimpleGrid, Text } from '@mantine/core'
import type { ModelInput } from '../../core/model/model-input'
import type { MERGE_MODES, RECURRENT_KINDS } from '../../core/model/model-spec'
import {
  ACTIVATIONS,
  PADDINGS,
  type LayerOf,
  type LayerSpec,
  type LayerType,
} from '../../core/model/model-spec'
import { KernelFields } from './kernel-fields'
import { NumberField, SelectField, SwitchField } from './layer-fields'
import { TargetShapeField } from './target-shape-field'

export interface LayerFormProps<T extends LayerType = LayerType> {
  readonly layer: LayerOf<T>
  /** The layer's place in the stack, 1-based: every control is named "… of layer N". */
  readonly number: number
  readonly input: ModelInput
  /** The shape entering the layer; null while a layer above does not fit. */
  readonly inputShape: readonly number[] | null
  /** Also the kernel settings (initialiser, penalties): shown for the selected card only. */
  readonly full: boolean
  readonly onChange: (layer: LayerOf<T>) => void
}

const RECURRENT_LABELS: Record<(typeof RECURRENT_KINDS)[number], string> = {
  lstm: 'LSTM',
  gru: 'GRU',
  simpleRnn: 'SimpleRNN',
}
const MERGE_LABELS: Record<(typeof MERGE_MODES)[number], string> = {
  concat: 'concatenate',
  sum: 'sum',
  mul: 'multiply',
  ave: 'average',
}

/** Every parameter of the layer's schema, in a dense grid of small controls. */
export function LayerForm(props: LayerFormProps) {
  const fields = mainFields(props)
  if (fields === null) {
    return (
      <Text size="xs" c="dimmed">
        No settings: its shape follows from the layer above.
      </Text>
    )
  }
  return (
    <>
      <SimpleGrid cols={{ base: 2, xs: 3, sm: 4 }} spacing="xs" verticalSpacing={6}>
        {fields}
      </SimpleGrid>
      {props.full && <KernelFields {...props} />}
    </>
  )
}

function mainFields({
  layer: l,
  number: n,
  input,
  inputShape,
  onChange,
}: LayerFormProps): React.ReactNode {
  const set = <L extends LayerSpec>(layer: L, patch: Partial<L>) => onChange({ ...layer, ...patch })
  const units = (layer: LayerOf<'dense' | 'lstm' | 'gru' | 'simpleRnn' | 'bidirectional'>) => (
    <NumberField
      label="Units"
      layer={n}
      value={layer.units}
      min={1}
      max={layer.type === 'dense' ? 8192 : 4096}
      integer
      onChange={(units) => units !== null && set(layer, { units })}
    />
  )
  const activation = (layer: Extract<LayerSpec, { activation: string }>) =>
    layer.type === 'transformerEncoder' ? (
      <SelectField
        label="Activation"
        layer={n}
        value={layer.activation}
        options={['relu', 'gelu'] as const}
        onChange={(activation) => set(layer, { activation })}
      />
    ) : (
      <SelectField
        label="Activation"
        layer={n}
        value={layer.activation}
        options={ACTIVATIONS}
        onChange={(activation) => set(layer, { activation })}
      />
    )
  const returnSequences = (layer: LayerOf<'lstm' | 'gru' | 'simpleRnn' | 'bidirectional'>) => (
    <SwitchField
      label="Return sequences"
      layer={n}
      checked={layer.returnSequences}
      onChange={(returnSequences) => set(layer, { returnSequences })}
    />
  )
  const padding = (layer: Extract<LayerSpec, { padding: string }>) => (
    <SelectField
      label="Padding"
      layer={n}
      value={layer.padding}
      options={PADDINGS}
      onChange={(padding) => set(layer, { padding })}
    />
  )
  const rate = (label: string, value: number, apply: (v: number) => void) => (
    <NumberField
      label={label}
      layer={n}
      value={value}
      min={0}
      max={0.95}
      step={0.05}
      onChange={(v) => v !== null && apply(v)}
    />
  )
  const size = (label: string, value: number, max: number, apply: (v: number) => void) => (
    <NumberField
      label={label}
      layer={n}
      value={value}
      min={1}
      max={max}
      integer
      onChange={(v) => v !== null && apply(v)}
    />
  )
  /** A size left empty for "auto": the placeholder shows the value it will take. */
  const autoSize = (
    label: string,
    value: number | null,
    max: number,
    auto: string,
    apply: (v: number | null) => void,
  ) => (
    <NumberField
      key={label}
      label={label}
      layer={n}
      value={value}
      min={1}
      max={max}
      integer
      placeholder={auto}
      onChange={apply}
    />
  )
  switch (l.type) {
    case 'dense':
      return [units(l), activation(l)]
    case 'activation':
      return activation(l)
    case 'dropout':
      return rate('Rate', l.rate, (rate) => set(l, { rate }))
    case 'gaussianNoise':
      return (
        <NumberField
          label="Standard deviation"
          layer={n}
          value={l.stddev}
          min={0}
          max={10}
          step={0.05}
          onChange={(stddev) => stddev !== null && set(l, { stddev })}
        />
      )
    case 'batchNormalization':
    case 'layerNormalization':
      return [
        l.type === 'batchNormalization' &&
          rate('Momentum', l.momentum, (momentum) => set(l, { momentum })),
        <NumberField
          key="epsilon"
          label="Epsilon"
          layer={n}
          value={l.epsilon}
          min={1e-9}
          max={1}
          step={0.001}
          onChange={(epsilon) => epsilon !== null && epsilon > 0 && set(l, { epsilon })}
        />,
      ]
    case 'conv1d':
    case 'conv2d':
      return [
        size('Filters', l.filters, 4096, (filters) => set(l, { filters })),
        size('Kernel size', l.kernelSize, 64, (kernelSize) => set(l, { kernelSize })),
        size('Strides', l.strides, 64, (strides) => set(l, { strides })),
        padding(l),
        activation(l),
      ]
    case 'maxPooling1d':
    case 'averagePooling1d':
    case 'maxPooling2d':
    case 'averagePooling2d':
      return [
        size('Pool size', l.poolSize, 64, (poolSize) => set(l, { poolSize })),
        autoSize('Strides', l.strides, 64, `auto (${l.poolSize})`, (strides) =>
          set(l, { strides }),
        ),
        padding(l),
      ]
    case 'globalAveragePooling1d':
    case 'globalAveragePooling2d':
    case 'flatten':
    case 'positionEmbedding':
      return null
    case 'reshape':
      return (
        <TargetShapeField key={l.targetShape.join()} layer={l} number={n} onChange={onChange} />
      )
    case 'simpleRnn':
    case 'lstm':
    case 'gru':
      return [units(l), activation(l), returnSequences(l)]
    case 'bidirectional':
      return [
        <SelectField
          key="kind"
          label="Recurrent layer"
          layer={n}
          value={l.layer}
          options={RECURRENT_LABELS}
          onChange={(kind) => set(l, { layer: kind })}
        />,
        <SelectField
          key="merge"
          label="Merge mode"
          layer={n}
          value={l.mergeMode}
          options={MERGE_LABELS}
          onChange={(mergeMode) => set(l, { mergeMode })}
        />,
        units(l),
        activation(l),
        returnSequences(l),
      ]
    case 'embedding':
      return [
        autoSize(
          'Input size',
          l.inputDim,
          1 << 20,
          input.vocabularySize ? `auto (${input.vocabularySize.toLocaleString('en-US')})` : 'auto',
          (inputDim) => set(l, { inputDim }),
        ),
        size('Output size', l.outputDim, 4096, (outputDim) => set(l, { outputDim })),
      ]
    case 'transformerEncoder':
      return [
        size('Heads', l.heads, 64, (heads) => set(l, { heads })),
        autoSize('Key size', l.keyDim, 1024, autoKeySize(l.heads, inputShape), (keyDim) =>
          set(l, { keyDim }),
        ),
        size('Feed-forward units', l.ffUnits, 8192, (ffUnits) => set(l, { ffUnits })),
        rate('Dropout', l.dropout, (dropout) => set(l, { dropout })),
        activation(l),
      ]
  }
}

/** "auto (16)": the key size an encoder takes when left empty, its input width over the heads. */
function autoKeySize(heads: number, inputShape: readonly number[] | null): string {
  const width = inputShape?.at(-1)
  return width ? `auto (${Math.max(1, Math.floor(width / heads))})` : 'auto'
}
