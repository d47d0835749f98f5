import { z } from '../zod'

/**
 * The network as plain JSON: an ordered stack of layers between the prepared inputs and an output
 * head that follows the target (head.ts). It is part of the recipe, so it saves, loads and travels
 * in bundles with the preparation it was built for. Version 1 (Dense and Dropout only) is migrated
 * on parse.
 */
export const MODEL_SPEC_VERSION = 2

export const ACTIVATIONS = [
  'relu',
  'elu',
  'selu',
  'gelu',
  'swish',
  'tanh',
  'sigmoid',
  'softplus',
  'softmax',
  'linear',
] as const
const activationSchema = z.enum(ACTIVATIONS)

/** Weight initialisers offered for kernels; every one is seeded when the model is built. */
export const INITIALIZERS = [
  'glorotUniform',
  'glorotNormal',
  'heUniform',
  'heNormal',
  'leCunUniform',
  'leCunNormal',
  'randomNormal',
  'zeros',
] as const
const initializerSchema = z.enum(INITIALIZERS)

export const PADDINGS = ['valid', 'same'] as const
const paddingSchema = z.enum(PADDINGS)

/** Recurrent layers a Bidirectional wrapper can hold. */
export const RECURRENT_KINDS = ['lstm', 'gru', 'simpleRnn'] as const
export const MERGE_MODES = ['concat', 'sum', 'mul', 'ave'] as const

export const REGRESSION_LOSSES = ['meanSquaredError', 'meanAbsoluteError', 'huber'] as const

const size = (max: number) => z.number().int().min(1).max(max)
/** L1/L2 penalty on a layer's kernel (0: none), as Keras' `regularizers.L1L2`. */
const penalty = z.number().min(0).max(10)

/** Every layer has a stable id: the editor's drag handles, undo and error marks point at it. */
const base = { id: z.string().min(1).max(64) }

/** Kernel settings shared by Dense, convolutions and recurrent layers. */
const kernel = {
  kernelInitializer: initializerSchema,
  l1: penalty,
  l2: penalty,
}

const dense = z.object({
  ...base,
  type: z.literal('dense'),
  units: size(8192),
  activation: activationSchema,
  useBias: z.boolean(),
  ...kernel,
})

const dropout = z.object({ ...base, type: z.literal('dropout'), rate: z.number().min(0).lt(1) })

const batchNormalization = z.object({
  ...base,
  type: z.literal('batchNormalization'),
  momentum: z.number().min(0).lt(1),
  epsilon: z.number().positive().max(1),
})

const layerNormalization = z.object({
  ...base,
  type: z.literal('layerNormalization'),
  epsilon: z.number().positive().max(1),
})

const activation = z.object({
  ...base,
  type: z.literal('activation'),
  activation: activationSchema,
})

const gaussianNoise = z.object({
  ...base,
  type: z.literal('gaussianNoise'),
  stddev: z.number().min(0).max(10),
})

const convolution = {
  filters: size(4096),
  kernelSize: size(64),
  strides: size(64),
  padding: paddingSchema,
  activation: activationSchema,
  ...kernel,
}

const conv1d = z.object({ ...base, type: z.literal('conv1d'), ...convolution })
const conv2d = z.object({ ...base, type: z.literal('conv2d'), ...convolution })

/** `strides` null: the pool size, as Keras. */
const pooling = { poolSize: size(64), strides: size(64).nullable(), padding: paddingSchema }

const maxPooling1d = z.object({ ...base, type: z.literal('maxPooling1d'), ...pooling })
const averagePooling1d = z.object({ ...base, type: z.literal('averagePooling1d'), ...pooling })
const maxPooling2d = z.object({ ...base, type: z.literal('maxPooling2d'), ...pooling })
const averagePooling2d = z.object({ ...base, type: z.literal('averagePooling2d'), ...pooling })
const globalAveragePooling1d = z.object({ ...base, type: z.literal('globalAveragePooling1d') })
const globalAveragePooling2d = z.object({ ...base, type: z.literal('globalAveragePooling2d') })
const flatten = z.object({ ...base, type: z.literal('flatten') })

/** The shape of each row after the layer, batch excluded; one entry may be -1 (inferred). */
const reshape = z.object({
  ...base,
  type: z.literal('reshape'),
  targetShape: z
    .array(
      z
        .number()
        .int()
        .min(-1)
        .max(1 << 20),
    )
    .min(1)
    .max(3),
})

const recurrent = {
  units: size(4096),
  activation: activationSchema,
  returnSequences: z.boolean(),
  ...kernel,
}
const simpleRnn = z.object({ ...base, type: z.literal('simpleRnn'), ...recurrent })
const lstm = z.object({ ...base, type: z.literal('lstm'), ...recurrent })
const gru = z.object({ ...base, type: z.literal('gru'), ...recurrent })

const bidirectional = z.object({
  ...base,
  type: z.literal('bidirectional'),
  layer: z.enum(RECURRENT_KINDS),
  mergeMode: z.enum(MERGE_MODES),
  ...recurrent,
})

/** `inputDim` null: the vocabulary size of the tokens step (what the editor shows as "auto"). */
const embedding = z.object({
  ...base,
  type: z.literal('embedding'),
  inputDim: size(1 << 20).nullable(),
  outputDim: size(4096),
  l1: penalty,
  l2: penalty,
})

/** A learned vector per position added to each token's vector (Keras-NLP's PositionEmbedding). */
const positionEmbedding = z.object({ ...base, type: z.literal('positionEmbedding') })

/**
 * A Transformer encoder block (Vaswani et al. 2017, post-norm as Keras-NLP's TransformerEncoder):
 * multi-head self-attention and a two-layer feed-forward network, each with dropout, a residual
 * connection and layer normalisation. `keyDim` null: model width / heads.
 */
const transformerEncoder = z.object({
  ...base,
  type: z.literal('transformerEncoder'),
  heads: size(64),
  keyDim: size(1024).nullable(),
  ffUnits: size(8192),
  dropout: z.number().min(0).lt(1),
  activation: z.enum(['relu', 'gelu']),
})

export const layerSpecSchema = z.discriminatedUnion('type', [
  dense,
  dropout,
  batchNormalization,
  layerNormalization,
  activation,
  gaussianNoise,
  conv1d,
  conv2d,
  maxPooling1d,
  averagePooling1d,
  maxPooling2d,
  averagePooling2d,
  globalAveragePooling1d,
  globalAveragePooling2d,
  flatten,
  reshape,
  simpleRnn,
  lstm,
  gru,
  bidirectional,
  embedding,
  positionEmbedding,
  transformerEncoder,
])

export const TEMPLATE_IDS = [
  'linear',
  'mlp',
  'wide-mlp',
  'lstm-forecaster',
  'cnn-1d',
  'text-bilstm',
  'text-transformer',
  'image-cnn',
] as const

const modelSpecV2 = z.object({
  version: z.literal(MODEL_SPEC_VERSION),
  /** The template the stack started from; it stays after edits ("Tabular MLP, edited"). */
  template: z.enum(TEMPLATE_IDS).nullable(),
  /**
   * True while the stack is the studio's own choice: it may then follow the data (a text dataset
   * gets the text template once its inputs are known). Any edit by the analyst clears it.
   */
  proposed: z.boolean(),
  /** Hidden layers, input side first; the output layer follows from the target. */
  layers: z.array(layerSpecSchema).max(200),
  /** Loss for a number target; classification losses follow the task. */
  regressionLoss: z.enum(REGRESSION_LOSSES),
  /** Huber's delta: errors below it count squared, above it linearly (target units). */
  huberDelta: z.number().positive().max(1e9),
})

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Version 1: `{version: 1, layers: [{type: 'dense', units, activation} | {type: 'dropout', rate}]}`. */
function migrateModelSpec(value: unknown): unknown {
  if (!isObject(value) || value.version !== 1 || !Array.isArray(value.layers)) return value
  return {
    version: MODEL_SPEC_VERSION,
    template: 'mlp',
    proposed: false,
    layers: value.layers.map((layer: unknown, i) =>
      isObject(layer) && layer.type === 'dense'
        ? { ...denseDefaults(), ...layer, id: `l${i + 1}` }
        : isObject(layer)
          ? { ...layer, id: `l${i + 1}` }
          : layer,
    ),
    regressionLoss: 'meanSquaredError',
    huberDelta: 1,
  }
}

export const modelSpecSchema = z.preprocess(migrateModelSpec, modelSpecV2)

export type Activation = (typeof ACTIVATIONS)[number]
export type Initializer = (typeof INITIALIZERS)[number]
export type RegressionLoss = (typeof REGRESSION_LOSSES)[number]
export type TemplateId = (typeof TEMPLATE_IDS)[number]
export type LayerSpec = z.infer<typeof layerSpecSchema>
export type LayerType = LayerSpec['type']
export type LayerOf<T extends LayerType> = Extract<LayerSpec, { type: T }>
export type ModelSpec = z.infer<typeof modelSpecV2>

function denseDefaults(): Omit<LayerOf<'dense'>, 'id' | 'units' | 'activation' | 'type'> {
  return { useBias: true, kernelInitializer: 'glorotUniform', l1: 0, l2: 0 }
}

/** The default for tabular data: two ReLU layers with a little dropout between them. */
export function defaultMlpSpec(): ModelSpec {
  return {
    version: MODEL_SPEC_VERSION,
    template: 'mlp',
    proposed: true,
    layers: [
      { id: 'l1', type: 'dense', units: 64, activation: 'relu', ...denseDefaults() },
      { id: 'l2', type: 'dropout', rate: 0.2 },
      { id: 'l3', type: 'dense', units: 32, activation: 'relu', ...denseDefaults() },
    ],
    regressionLoss: 'meanSquaredError',
    huberDelta: 1,
  }
}

/** A spec of these layers (ids given in order), not tied to a template, for tests and code. */
export function modelSpecOf(
  layers: readonly LayerSpec[],
  options: Partial<Omit<ModelSpec, 'layers' | 'version'>> = {},
): ModelSpec {
  return {
    version: MODEL_SPEC_VERSION,
    template: null,
    proposed: false,
    layers: [...layers],
    regressionLoss: 'meanSquaredError',
    huberDelta: 1,
    ...options,
  }
}
