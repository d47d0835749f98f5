import * as tf from '@tensorflow/tfjs'
import { embeddingInitializer, initializerOf, penaltyOf } from './build-kernel'
import { PositionEmbedding } from './layers/position-embedding'
import { TransformerEncoder } from './layers/transformer-encoder'
import type { LayerOf, LayerSpec } from './model-spec'
import { SeededDropout } from './seeded-dropout'
import { SeededGaussianNoise } from './seeded-noise'

/**
 * Each layer owns a random stream starting here (dropout masks, noise, recurrent and attention
 * weights): streams sit a million draws apart, so no two layers ever share random numbers and
 * kernel seeds (seed + index) never meet a stream.
 */
const STREAM_GAP = 1_000_003

export interface LayerContext {
  /** Position in the stack, 0 first: kernel seeds are seed + index. */
  readonly index: number
  /** Keras name: dense_1, lstm_2 … */
  readonly name: string
  readonly seed: number
  /** The shape entering the layer, batch first (null). */
  readonly inputShape: readonly (number | null)[]
  /** Only the first layer of a Sequential is told its input shape. */
  readonly first: { inputShape?: number[] }
  /** The vocabulary size of a tokens input, for an Embedding on "auto". */
  readonly vocabularySize: number | undefined
}

/** The seed of a layer's own random stream. */
export function streamSeed(ctx: Pick<LayerContext, 'seed' | 'index'>): number {
  return ctx.seed + (ctx.index + 1) * STREAM_GAP
}

type Recurrent = LayerOf<'lstm'> | LayerOf<'gru'> | LayerOf<'simpleRnn'>

/**
 * A recurrent layer as Keras builds it: the input kernel as the spec says, the recurrent kernel
 * orthogonal, biases zero. (Keras' LSTM starts its forget gate at one; tfjs' version of that
 * initialiser leaks four tensors per build, so every gate starts at zero here.)
 */
export function recurrentLayer(
  kind: Recurrent['type'],
  spec: Omit<Recurrent, 'type' | 'id'>,
  seeds: { kernel: number; recurrent: number },
  extra: { name: string; inputShape?: number[] },
): tf.RNN {
  const args = {
    ...extra,
    units: spec.units,
    activation: spec.activation,
    returnSequences: spec.returnSequences,
    kernelInitializer: initializerOf(spec.kernelInitializer, seeds.kernel),
    recurrentInitializer: tf.initializers.orthogonal({ gain: 1, seed: seeds.recurrent }),
    biasInitializer: tf.initializers.zeros(),
    ...penaltyOf(spec.l1, spec.l2),
  }
  switch (kind) {
    case 'lstm':
      return tf.layers.lstm(args)
    case 'gru':
      return tf.layers.gru(args)
    case 'simpleRnn':
      return tf.layers.simpleRNN(args)
  }
}

type Pooling = LayerOf<'maxPooling1d' | 'averagePooling1d' | 'maxPooling2d' | 'averagePooling2d'>

function pooling(spec: Pooling, ctx: LayerContext) {
  return {
    ...ctx.first,
    name: ctx.name,
    poolSize: spec.poolSize,
    strides: spec.strides ?? spec.poolSize,
    padding: spec.padding,
  }
}

function convolution(spec: LayerOf<'conv1d'> | LayerOf<'conv2d'>, ctx: LayerContext) {
  return {
    ...ctx.first,
    name: ctx.name,
    filters: spec.filters,
    kernelSize: spec.kernelSize,
    strides: spec.strides,
    padding: spec.padding,
    activation: spec.activation,
    kernelInitializer: initializerOf(spec.kernelInitializer, ctx.seed + ctx.index),
    biasInitializer: tf.initializers.zeros(),
    ...penaltyOf(spec.l1, spec.l2),
  }
}

/**
 * A Reshape's target with its -1 worked out. tfjs leaves a -1 unknown whenever the batch size is
 * (always, in a model), and the next layer then cannot size its weights.
 */
function resolvedShape(spec: LayerOf<'reshape'>, ctx: LayerContext): number[] {
  const values = ctx.inputShape.slice(1).reduce<number>((n, d) => n * (d ?? 0), 1)
  const known = spec.targetShape.reduce((n, d) => (d === -1 ? n : n * d), 1)
  const unknown = spec.targetShape.filter((d) => d === -1).length
  if (unknown === 0) return [...spec.targetShape]
  if (unknown > 1 || known <= 0 || values % known !== 0) {
    throw new Error(
      `the ${values} values of each row cannot be laid out as (${spec.targetShape.join(', ')}): use one -1 at most and sizes whose product divides ${values}.`,
    )
  }
  return spec.targetShape.map((d) => (d === -1 ? values / known : d))
}

/** The tfjs layer for one layer of the spec, named and seeded. */
export function buildLayer(spec: LayerSpec, ctx: LayerContext): tf.layers.Layer {
  const { first, name } = ctx
  switch (spec.type) {
    case 'dense':
      return tf.layers.dense({
        ...first,
        name,
        units: spec.units,
        activation: spec.activation,
        useBias: spec.useBias,
        kernelInitializer: initializerOf(spec.kernelInitializer, ctx.seed + ctx.index),
        biasInitializer: tf.initializers.zeros(),
        ...penaltyOf(spec.l1, spec.l2),
      })
    case 'dropout':
      return new SeededDropout({ ...first, name, rate: spec.rate, seed: streamSeed(ctx) })
    case 'gaussianNoise':
      return new SeededGaussianNoise({ ...first, name, stddev: spec.stddev, seed: streamSeed(ctx) })
    case 'batchNormalization':
      return tf.layers.batchNormalization({
        ...first,
        name,
        momentum: spec.momentum,
        epsilon: spec.epsilon,
      })
    case 'layerNormalization':
      return tf.layers.layerNormalization({ ...first, name, epsilon: spec.epsilon })
    case 'activation':
      return tf.layers.activation({ ...first, name, activation: spec.activation })
    case 'conv1d':
      return tf.layers.conv1d(convolution(spec, ctx))
    case 'conv2d':
      return tf.layers.conv2d(convolution(spec, ctx))
    case 'maxPooling1d':
      return tf.layers.maxPooling1d(pooling(spec, ctx))
    case 'averagePooling1d':
      return tf.layers.averagePooling1d(pooling(spec, ctx))
    case 'maxPooling2d':
      return tf.layers.maxPooling2d(pooling(spec, ctx))
    case 'averagePooling2d':
      return tf.layers.averagePooling2d(pooling(spec, ctx))
    case 'globalAveragePooling1d':
      return tf.layers.globalAveragePooling1d({ ...first, name })
    case 'globalAveragePooling2d':
      return tf.layers.globalAveragePooling2d({ ...first, name })
    case 'flatten':
      return tf.layers.flatten({ ...first, name })
    case 'reshape':
      return tf.layers.reshape({ ...first, name, targetShape: resolvedShape(spec, ctx) })
    case 'simpleRnn':
    case 'lstm':
    case 'gru':
      return recurrentLayer(
        spec.type,
        spec,
        { kernel: ctx.seed + ctx.index, recurrent: streamSeed(ctx) },
        { ...first, name },
      )
    case 'bidirectional':
      // tfjs clones the wrapped layer for each direction; the backward copy is re-seeded after
      // the model is built (see reseedBackward) so the two directions do not start identical.
      return tf.layers.bidirectional({
        ...first,
        name,
        mergeMode: spec.mergeMode,
        layer: recurrentLayer(
          spec.layer,
          spec,
          { kernel: ctx.seed + ctx.index, recurrent: streamSeed(ctx) },
          { name: `${name}_${spec.layer.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}` },
        ),
      })
    case 'embedding': {
      const inputDim = spec.inputDim ?? ctx.vocabularySize
      if (inputDim === undefined) {
        throw new Error(
          'Embedding on "auto" needs the vocabulary size of a text input, but the inputs are not tokens: split a text column into tokens in the recipe, or set the Embedding’s input size.',
        )
      }
      const penalty = penaltyOf(spec.l1, spec.l2).kernelRegularizer
      return tf.layers.embedding({
        ...first,
        name,
        inputDim,
        outputDim: spec.outputDim,
        embeddingsInitializer: embeddingInitializer(ctx.seed + ctx.index),
        ...(penalty && { embeddingsRegularizer: penalty }),
      })
    }
    case 'positionEmbedding':
      return new PositionEmbedding({ ...first, seed: ctx.seed + ctx.index, name })
    case 'transformerEncoder': {
      const width = ctx.inputShape.at(-1) ?? 0
      return new TransformerEncoder({
        ...first,
        heads: spec.heads,
        keyDim: spec.keyDim ?? Math.max(1, Math.floor(width / spec.heads)),
        ffUnits: spec.ffUnits,
        dropout: spec.dropout,
        activation: spec.activation,
        seed: streamSeed(ctx),
        name,
      })
    }
  }
}

/**
 * Gives a Bidirectional's backward layer its own seeded kernels. tfjs clones the wrapped layer's
 * config, seeds included, so both directions would otherwise start from the same weights. Weights
 * come forward then backward, each as kernel, recurrent kernel, bias (biases stay as built).
 */
export function reseedBackward(
  wrapper: tf.layers.Layer,
  spec: LayerOf<'bidirectional'>,
  ctx: LayerContext,
): void {
  const stream = streamSeed(ctx)
  const weights = wrapper.getWeights()
  const half = weights.length / 2
  const [kernel, recurrent] = [weights[half], weights[half + 1]]
  if (!kernel || !recurrent) throw new Error(`${ctx.name}: the backward layer has no kernels.`)
  const fresh = [
    initializerOf(spec.kernelInitializer, stream + 1).apply(kernel.shape),
    tf.initializers.orthogonal({ gain: 1, seed: stream + 2 }).apply(recurrent.shape),
  ]
  wrapper.setWeights([...weights.slice(0, half), ...fresh, ...weights.slice(half + 2)])
  tf.dispose(fresh)
}
