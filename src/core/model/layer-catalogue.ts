import type { LayerOf, LayerSpec, LayerType } from './model-spec'

export type LayerGroup =
  | 'Core'
  | 'Regularisation'
  | 'Normalisation'
  | 'Convolution'
  | 'Pooling'
  | 'Reshaping'
  | 'Recurrent'
  | 'Text and attention'

interface CatalogueEntry<T extends LayerType> {
  /** The name the palette and the summary use: "Dense", "LSTM", "Transformer encoder". */
  readonly label: string
  readonly group: LayerGroup
  /** What it does and when to use it, in plain words (palette tooltip and layer card). */
  readonly help: string
  /** The layer as it is dropped into the stack. */
  readonly defaults: () => Omit<LayerOf<T>, 'id'>
}

type Catalogue = { readonly [T in LayerType]: CatalogueEntry<T> }

const kernel = { kernelInitializer: 'glorotUniform', l1: 0, l2: 0 } as const

/** Every layer the editor offers, in palette order within each group. */
export const LAYER_CATALOGUE: Catalogue = {
  dense: {
    label: 'Dense',
    group: 'Core',
    help: 'Every input connected to every unit: the workhorse of tabular models. More units learn more patterns and need more rows.',
    defaults: () => ({ type: 'dense', units: 64, activation: 'relu', useBias: true, ...kernel }),
  },
  activation: {
    label: 'Activation',
    group: 'Core',
    help: 'Applies a function to each value; use it after Batch normalization when the layer before has no activation.',
    defaults: () => ({ type: 'activation', activation: 'relu' }),
  },
  dropout: {
    label: 'Dropout',
    group: 'Regularisation',
    help: 'Switches off a random share of values while training, so the network cannot lean on any one of them. Try 0.1–0.5 when validation loss rises while training loss falls.',
    defaults: () => ({ type: 'dropout', rate: 0.2 }),
  },
  gaussianNoise: {
    label: 'Gaussian noise',
    group: 'Regularisation',
    help: 'Adds random noise to the values while training only: a cheap way to make a model robust to small measurement errors.',
    defaults: () => ({ type: 'gaussianNoise', stddev: 0.1 }),
  },
  batchNormalization: {
    label: 'Batch normalization',
    group: 'Normalisation',
    help: 'Rescales each value by the batch’s mean and spread: deeper networks train faster and more stably. Put it between a Dense (no activation) and an Activation.',
    defaults: () => ({ type: 'batchNormalization', momentum: 0.99, epsilon: 0.001 }),
  },
  layerNormalization: {
    label: 'Layer normalization',
    group: 'Normalisation',
    help: 'Rescales the values of each row on its own, independent of the batch: the normalisation of Transformers and recurrent networks.',
    defaults: () => ({ type: 'layerNormalization', epsilon: 0.001 }),
  },
  conv1d: {
    label: 'Conv1D',
    group: 'Convolution',
    help: 'Slides small filters along a sequence (time steps or tokens) to find local patterns such as a rise over three days or a two-word phrase.',
    defaults: () => ({
      type: 'conv1d',
      filters: 32,
      kernelSize: 3,
      strides: 1,
      padding: 'same',
      activation: 'relu',
      ...kernel,
    }),
  },
  conv2d: {
    label: 'Conv2D',
    group: 'Convolution',
    help: 'Slides small filters over a picture to find edges, then shapes, then objects in deeper layers.',
    defaults: () => ({
      type: 'conv2d',
      filters: 16,
      kernelSize: 3,
      strides: 1,
      padding: 'same',
      activation: 'relu',
      ...kernel,
    }),
  },
  maxPooling1d: {
    label: 'MaxPooling1D',
    group: 'Pooling',
    help: 'Keeps the largest value of each window along a sequence, shortening it: the strongest signal survives.',
    defaults: () => ({ type: 'maxPooling1d', poolSize: 2, strides: null, padding: 'valid' }),
  },
  averagePooling1d: {
    label: 'AveragePooling1D',
    group: 'Pooling',
    help: 'Averages each window along a sequence, shortening it and smoothing noise.',
    defaults: () => ({ type: 'averagePooling1d', poolSize: 2, strides: null, padding: 'valid' }),
  },
  maxPooling2d: {
    label: 'MaxPooling2D',
    group: 'Pooling',
    help: 'Keeps the largest value of each patch of a picture, halving its size with the default 2×2.',
    defaults: () => ({ type: 'maxPooling2d', poolSize: 2, strides: null, padding: 'valid' }),
  },
  averagePooling2d: {
    label: 'AveragePooling2D',
    group: 'Pooling',
    help: 'Averages each patch of a picture, shrinking it smoothly.',
    defaults: () => ({ type: 'averagePooling2d', poolSize: 2, strides: null, padding: 'valid' }),
  },
  globalAveragePooling1d: {
    label: 'GlobalAveragePooling1D',
    group: 'Pooling',
    help: 'Averages over the whole sequence, leaving one value per channel: the usual bridge from a sequence to Dense layers.',
    defaults: () => ({ type: 'globalAveragePooling1d' }),
  },
  globalAveragePooling2d: {
    label: 'GlobalAveragePooling2D',
    group: 'Pooling',
    help: 'Averages over the whole picture, leaving one value per channel: fewer weights than Flatten.',
    defaults: () => ({ type: 'globalAveragePooling2d' }),
  },
  flatten: {
    label: 'Flatten',
    group: 'Reshaping',
    help: 'Lays a sequence or picture out as one long row, so Dense layers can read it.',
    defaults: () => ({ type: 'flatten' }),
  },
  reshape: {
    label: 'Reshape',
    group: 'Reshaping',
    help: 'Rearranges the values of each row into another shape with the same number of values; one size may be -1 to be worked out.',
    defaults: () => ({ type: 'reshape', targetShape: [-1, 1] }),
  },
  simpleRnn: {
    label: 'SimpleRNN',
    group: 'Recurrent',
    help: 'Reads a sequence step by step with a short memory. Fast, but forgets after a few steps: prefer LSTM or GRU.',
    defaults: () => ({
      type: 'simpleRnn',
      units: 32,
      activation: 'tanh',
      returnSequences: false,
      ...kernel,
    }),
  },
  lstm: {
    label: 'LSTM',
    group: 'Recurrent',
    help: 'Reads a sequence step by step with gates that decide what to remember: the classic choice for forecasting and text. Turn on Return sequences to stack another recurrent layer after it.',
    defaults: () => ({
      type: 'lstm',
      units: 32,
      activation: 'tanh',
      returnSequences: false,
      ...kernel,
    }),
  },
  gru: {
    label: 'GRU',
    group: 'Recurrent',
    help: 'A lighter LSTM with fewer weights: often as good on short sequences and faster to train.',
    defaults: () => ({
      type: 'gru',
      units: 32,
      activation: 'tanh',
      returnSequences: false,
      ...kernel,
    }),
  },
  bidirectional: {
    label: 'Bidirectional',
    group: 'Recurrent',
    help: 'Runs a recurrent layer forwards and backwards and joins the two: each word sees what comes after it too. For text, not for forecasting (it would see the future).',
    defaults: () => ({
      type: 'bidirectional',
      layer: 'lstm',
      mergeMode: 'concat',
      units: 32,
      activation: 'tanh',
      returnSequences: false,
      ...kernel,
    }),
  },
  embedding: {
    label: 'Embedding',
    group: 'Text and attention',
    help: 'Turns each token id into a learned vector, so words used alike end up close. Goes first, on text split into tokens.',
    defaults: () => ({ type: 'embedding', inputDim: null, outputDim: 32, l1: 0, l2: 0 }),
  },
  positionEmbedding: {
    label: 'Position embedding',
    group: 'Text and attention',
    help: 'Adds a learned vector for each position, so a Transformer knows word order. Put it right after Embedding.',
    defaults: () => ({ type: 'positionEmbedding' }),
  },
  transformerEncoder: {
    label: 'Transformer encoder',
    group: 'Text and attention',
    help: 'Multi-head self-attention: every token looks at every other to decide what matters, followed by a small feed-forward network. Needs a sequence of vectors (Embedding first).',
    defaults: () => ({
      type: 'transformerEncoder',
      heads: 2,
      keyDim: null,
      ffUnits: 64,
      dropout: 0.1,
      activation: 'relu',
    }),
  },
}

export const LAYER_GROUPS: readonly LayerGroup[] = [
  'Core',
  'Regularisation',
  'Normalisation',
  'Convolution',
  'Pooling',
  'Reshaping',
  'Recurrent',
  'Text and attention',
]

export const LAYER_TYPES = Object.keys(LAYER_CATALOGUE) as LayerType[]

/** A new layer of `type` with the catalogue's defaults and the given id. */
export function newLayer<T extends LayerType>(type: T, id: string): LayerOf<T> {
  const entry = LAYER_CATALOGUE[type] as CatalogueEntry<T>
  return { ...entry.defaults(), id } as LayerOf<T>
}

/** An id no layer of `layers` uses: l1, l2, … */
export function freshLayerId(layers: readonly LayerSpec[]): string {
  const used = new Set(layers.map((l) => l.id))
  let n = layers.length + 1
  while (used.has(`l${n}`)) n++
  return `l${n}`
}

/** Parameters of a layer of type T a caller may set; the rest come from the catalogue. */
export type LayerParams<T extends LayerType> = Partial<Omit<LayerOf<T>, 'id' | 'type'>>

/**
 * A layer of `type` with the catalogue's defaults overridden by `params`; ids are given later by
 * `stackOf` (templates and tests write stacks this way).
 */
export function layer<T extends LayerType>(
  type: T,
  params: LayerParams<T> = {},
): Omit<LayerOf<T>, 'id'> {
  const entry = LAYER_CATALOGUE[type] as CatalogueEntry<T>
  return { ...entry.defaults(), ...params }
}

/** Layers numbered l1, l2, … in order. */
export function stackOf(layers: readonly Omit<LayerSpec, 'id'>[]): LayerSpec[] {
  return layers.map((l, i) => ({ ...l, id: `l${i + 1}` }) as LayerSpec)
}

/**
 * Keras' name for the n-th layer of a type: dense_1, batch_normalization_2, conv1d_1,
 * max_pooling2d_1, simple_rnn_1. The summary and the built tfjs model use the same names.
 */
export function kerasName(type: LayerType, n: number): string {
  return `${type.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_${n}`
}

/** Keras names of a stack's layers, in order, each kind numbered on its own. */
export function kerasNames(layers: readonly Pick<LayerSpec, 'type'>[]): string[] {
  const seen = new Map<LayerType, number>()
  return layers.map(({ type }) => {
    const n = (seen.get(type) ?? 0) + 1
    seen.set(type, n)
    return kerasName(type, n)
  })
}
