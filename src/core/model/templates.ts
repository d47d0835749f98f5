import { layer, stackOf } from './layer-catalogue'
import type { ModelInput } from './model-input'
import { modelSpecOf, type LayerSpec, type ModelSpec, type TemplateId } from './model-spec'

export interface ModelTemplate {
  readonly id: TemplateId
  readonly name: string
  /** One sentence: what it is and when to use it. */
  readonly description: string
  /** The inputs it is made for; the picker marks the others as not fitting this data. */
  readonly fits: readonly ModelInput['kind'][]
}

type Layers = Omit<LayerSpec, 'id'>[]

/** Every template the Model step offers, simplest first within each kind of data. */
export const MODEL_TEMPLATES: readonly ModelTemplate[] = [
  {
    id: 'linear',
    name: 'Logistic / linear regression',
    description:
      'No hidden layer: the output reads the inputs directly (logistic regression for classes, linear regression for numbers). The baseline every deeper network should beat.',
    fits: ['table', 'sequence', 'image'],
  },
  {
    id: 'mlp',
    name: 'Tabular MLP',
    description:
      'Two Dense layers with a little Dropout: the default for a table of prepared columns, quick to train and hard to get badly wrong.',
    fits: ['table', 'sequence', 'image'],
  },
  {
    id: 'wide-mlp',
    name: 'Wide tabular MLP',
    description:
      'Two wide Dense layers, each followed by Batch normalization, ReLU and Dropout: more capacity for large tables with many columns, held in check by the regularisation.',
    fits: ['table', 'sequence', 'image'],
  },
  {
    id: 'lstm-forecaster',
    name: 'LSTM forecaster',
    description:
      'An LSTM reads the window of past values step by step, oldest first, and a Dense layer turns what it remembers into the forecast.',
    fits: ['sequence'],
  },
  {
    id: 'cnn-1d',
    name: '1D CNN for sequences',
    description:
      'Conv1D filters find short patterns along the window (a rise over three steps), pooling keeps the strongest: faster than an LSTM and often as good on short windows.',
    fits: ['sequence'],
  },
  {
    id: 'text-bilstm',
    name: 'Text BiLSTM',
    description:
      'An Embedding turns each word id into a learned vector and a Bidirectional LSTM reads the text both ways: a solid choice for short texts such as headlines or tweets.',
    fits: ['tokens'],
  },
  {
    id: 'text-transformer',
    name: 'Small text Transformer',
    description:
      'Embedding plus position, then one Transformer encoder block where every word attends to every other, averaged into one vector: fast to train because it reads all words at once.',
    fits: ['tokens'],
  },
  {
    id: 'image-cnn',
    name: 'Small image CNN',
    description:
      'Blocks of Conv2D and MaxPooling find edges, then shapes, halving the picture while it is big enough; a Dense layer then decides the class.',
    fits: ['image'],
  },
]

/** A Flatten first when the rows are not flat: Dense layers read one value per input. */
function flattened(input: ModelInput): Layers {
  return input.shape.length > 1 ? [layer('flatten')] : []
}

/** Dense without activation → Batch normalization → ReLU → Dropout: the bias is BN's beta. */
function normalisedBlock(units: number): Layers {
  return [
    layer('dense', { units, activation: 'linear', useBias: false, kernelInitializer: 'heNormal' }),
    layer('batchNormalization'),
    layer('activation', { activation: 'relu' }),
    layer('dropout', { rate: 0.3 }),
  ]
}

/**
 * Conv2D blocks, each halving the picture with a 2×2 max-pool while both sides are still 4 or
 * more (an 8×8 digit gets two blocks, 4×4 then 2×2; a 32×32 photo three), filters doubling from
 * 16. Flatten keeps where things are, which small pictures need.
 */
function imageBlocks(input: ModelInput): Layers {
  const [height = 1, width = 1] = input.shape
  const out: Layers = []
  let side = Math.min(height, width)
  for (let filters = 16; filters <= 64 && (out.length === 0 || side >= 4); filters *= 2) {
    out.push(
      layer('conv2d', { filters, kernelSize: 3, padding: 'same', kernelInitializer: 'heNormal' }),
    )
    if (side < 4) break
    out.push(layer('maxPooling2d', { poolSize: 2 }))
    side = Math.floor(side / 2)
  }
  return [...out, layer('flatten'), layer('dropout', { rate: 0.25 }), layer('dense', { units: 64 })]
}

/**
 * Two Conv1D blocks with kernels no longer than the window, each pooled by 2 while at least 4
 * steps remain, then Flatten (not a global average: for a forecast the latest steps matter most,
 * and Flatten keeps which step is which). Glorot initialisation, Keras' default: He's made the
 * first epoch on 12-month price windows overshoot the mean forecast more often than not.
 */
function sequenceBlocks(input: ModelInput): Layers {
  let steps = input.shape[0] ?? 1
  const kernelSize = Math.max(1, Math.min(3, steps))
  const out: Layers = []
  for (const filters of [32, 64]) {
    out.push(layer('conv1d', { filters, kernelSize, padding: 'same' }))
    if (steps >= 4) {
      out.push(layer('maxPooling1d', { poolSize: 2 }))
      steps = Math.floor(steps / 2)
    }
  }
  return [...out, layer('flatten'), layer('dense', { units: 32 })]
}

/** Word vectors wide enough for the vocabulary: 32 numbers up to 20,000 words, 64 beyond. */
function embeddingWidth(input: ModelInput): number {
  return (input.vocabularySize ?? 0) > 20_000 ? 64 : 32
}

function layersOf(id: TemplateId, input: ModelInput): Layers {
  switch (id) {
    case 'linear':
      return flattened(input)
    case 'mlp':
      return [
        ...flattened(input),
        layer('dense', { units: 64 }),
        layer('dropout', { rate: 0.2 }),
        layer('dense', { units: 32 }),
      ]
    case 'wide-mlp':
      return [
        ...flattened(input),
        ...normalisedBlock(256),
        ...normalisedBlock(128),
        layer('dense', { units: 64 }),
      ]
    case 'lstm-forecaster':
      return [layer('lstm', { units: 32 }), layer('dense', { units: 16 })]
    case 'cnn-1d':
      return sequenceBlocks(input)
    case 'text-bilstm':
      return [
        layer('embedding', { inputDim: null, outputDim: embeddingWidth(input) }),
        layer('bidirectional', { layer: 'lstm', units: 32 }),
        layer('dropout', { rate: 0.3 }),
        layer('dense', { units: 32 }),
      ]
    case 'text-transformer': {
      const width = embeddingWidth(input)
      return [
        layer('embedding', { inputDim: null, outputDim: width }),
        layer('positionEmbedding'),
        layer('transformerEncoder', { heads: 2, keyDim: null, ffUnits: width * 2, dropout: 0.1 }),
        layer('globalAveragePooling1d'),
        layer('dropout', { rate: 0.1 }),
        layer('dense', { units: 32 }),
      ]
    }
    case 'image-cnn':
      return imageBlocks(input)
  }
}

/**
 * The spec of template `id` for this input, sized to it (how many pooling steps a picture or a
 * window allows, how wide the word vectors are); the loss choice of `previous` is kept. A
 * template made for another kind of input is still built as written, so the model check marks
 * the layer that cannot read this data.
 */
export function templateSpec(id: TemplateId, input: ModelInput, previous?: ModelSpec): ModelSpec {
  return modelSpecOf(stackOf(layersOf(id, input)), {
    template: id,
    proposed: false,
    regressionLoss: previous?.regressionLoss ?? 'meanSquaredError',
    huberDelta: previous?.huberDelta ?? 1,
  })
}

/**
 * The template the studio picks for each kind of input. Text gets the Transformer rather than the
 * BiLSTM: trained six epochs on 2,400 of the bundled financial tweets (WASM), it matched the
 * BiLSTM's test accuracy (0.74 against 0.73, macro F1 0.65 against 0.60) in a quarter of the
 * time (30 s against 123 s), because it reads every word at once where an LSTM steps through
 * them one by one. The BiLSTM learns faster in the very first epoch, so it stays one click away.
 */
export const PROPOSED_TEMPLATE: { readonly [K in ModelInput['kind']]: TemplateId } = {
  table: 'mlp',
  sequence: 'lstm-forecaster',
  tokens: 'text-transformer',
  image: 'image-cnn',
}

/** The studio's choice for this input (text gets a text model, pictures a CNN), marked proposed. */
export function proposeModel(input: ModelInput, previous?: ModelSpec): ModelSpec {
  return { ...templateSpec(PROPOSED_TEMPLATE[input.kind], input, previous), proposed: true }
}

/** The template of `id`. */
export function modelTemplate(id: TemplateId): ModelTemplate {
  const template = MODEL_TEMPLATES.find((t) => t.id === id)
  if (!template) throw new Error(`No model template "${id}".`)
  return template
}
