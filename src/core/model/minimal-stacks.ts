import { layer, stackOf } from './layer-catalogue'
import type { ModelInput } from './model-input'
import { modelSpecOf, type LayerType, type ModelSpec } from './model-spec'

const table: ModelInput = { kind: 'table', shape: [12], description: '12 prepared inputs' }
const sequence: ModelInput = {
  kind: 'sequence',
  shape: [6, 2],
  description: '6 time steps × 2 series',
}
const tokens: ModelInput = {
  kind: 'tokens',
  shape: [10],
  vocabularySize: 50,
  description: '10 token ids (vocabulary 50)',
}
const image: ModelInput = {
  kind: 'image',
  shape: [8, 8, 1],
  description: '8×8 grey pictures',
}

export interface MinimalStack {
  readonly input: ModelInput
  readonly spec: ModelSpec
}

/**
 * For each layer type, the smallest valid network that exercises it on the input it is made for
 * (with a bridge to a flat output where it leaves a sequence or a grid): what the tests build on
 * every backend to prove each layer trains, saves and loads.
 */
export const MINIMAL_STACKS: { readonly [T in LayerType]: MinimalStack } = {
  dense: { input: table, spec: modelSpecOf(stackOf([layer('dense', { units: 8 })])) },
  dropout: {
    input: table,
    spec: modelSpecOf(stackOf([layer('dense', { units: 8 }), layer('dropout', { rate: 0.3 })])),
  },
  batchNormalization: {
    input: table,
    spec: modelSpecOf(
      stackOf([layer('dense', { units: 8, activation: 'linear' }), layer('batchNormalization')]),
    ),
  },
  layerNormalization: {
    input: table,
    spec: modelSpecOf(stackOf([layer('dense', { units: 8 }), layer('layerNormalization')])),
  },
  activation: {
    input: table,
    spec: modelSpecOf(
      stackOf([
        layer('dense', { units: 8, activation: 'linear' }),
        layer('activation', { activation: 'gelu' }),
      ]),
    ),
  },
  gaussianNoise: {
    input: table,
    spec: modelSpecOf(stackOf([layer('gaussianNoise', { stddev: 0.2 }), layer('dense')])),
  },
  conv1d: {
    input: sequence,
    spec: modelSpecOf(stackOf([layer('conv1d', { filters: 4, kernelSize: 3 }), layer('flatten')])),
  },
  conv2d: {
    input: image,
    spec: modelSpecOf(stackOf([layer('conv2d', { filters: 4, kernelSize: 3 }), layer('flatten')])),
  },
  maxPooling1d: {
    input: sequence,
    spec: modelSpecOf(
      stackOf([layer('conv1d', { filters: 4 }), layer('maxPooling1d'), layer('flatten')]),
    ),
  },
  averagePooling1d: {
    input: sequence,
    spec: modelSpecOf(
      stackOf([layer('conv1d', { filters: 4 }), layer('averagePooling1d'), layer('flatten')]),
    ),
  },
  maxPooling2d: {
    input: image,
    spec: modelSpecOf(
      stackOf([layer('conv2d', { filters: 4 }), layer('maxPooling2d'), layer('flatten')]),
    ),
  },
  averagePooling2d: {
    input: image,
    spec: modelSpecOf(
      stackOf([layer('conv2d', { filters: 4 }), layer('averagePooling2d'), layer('flatten')]),
    ),
  },
  globalAveragePooling1d: {
    input: sequence,
    spec: modelSpecOf(stackOf([layer('conv1d', { filters: 4 }), layer('globalAveragePooling1d')])),
  },
  globalAveragePooling2d: {
    input: image,
    spec: modelSpecOf(stackOf([layer('conv2d', { filters: 4 }), layer('globalAveragePooling2d')])),
  },
  flatten: { input: sequence, spec: modelSpecOf(stackOf([layer('flatten')])) },
  reshape: {
    input: table,
    spec: modelSpecOf(
      stackOf([layer('reshape', { targetShape: [3, 4] }), layer('lstm', { units: 4 })]),
    ),
  },
  simpleRnn: { input: sequence, spec: modelSpecOf(stackOf([layer('simpleRnn', { units: 4 })])) },
  lstm: { input: sequence, spec: modelSpecOf(stackOf([layer('lstm', { units: 4 })])) },
  gru: { input: sequence, spec: modelSpecOf(stackOf([layer('gru', { units: 4 })])) },
  bidirectional: {
    input: tokens,
    spec: modelSpecOf(
      stackOf([
        layer('embedding', { outputDim: 8 }),
        layer('bidirectional', { layer: 'gru', units: 4 }),
      ]),
    ),
  },
  embedding: {
    input: tokens,
    spec: modelSpecOf(
      stackOf([layer('embedding', { outputDim: 8 }), layer('globalAveragePooling1d')]),
    ),
  },
  positionEmbedding: {
    input: tokens,
    spec: modelSpecOf(
      stackOf([
        layer('embedding', { outputDim: 8 }),
        layer('positionEmbedding'),
        layer('globalAveragePooling1d'),
      ]),
    ),
  },
  transformerEncoder: {
    input: tokens,
    spec: modelSpecOf(
      stackOf([
        layer('embedding', { outputDim: 8 }),
        layer('positionEmbedding'),
        layer('transformerEncoder', { heads: 2, ffUnits: 16 }),
        layer('globalAveragePooling1d'),
      ]),
    ),
  },
}
