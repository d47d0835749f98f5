import * as tf from '@tensorflow/tfjs'
import { layerBaseArgs, shapeOf, singleInput, type CustomLayerBaseArgs } from './custom-layer-args'

export interface TransformerEncoderArgs extends CustomLayerBaseArgs {
  readonly heads: number
  /** Width of each head's queries and keys; the builder passes model width / heads for "auto". */
  readonly keyDim: number
  readonly ffUnits: number
  readonly dropout: number
  readonly activation: 'relu' | 'gelu'
  /** Seeds the initialisers and the dropout masks. */
  readonly seed: number
}

/** Keras-NLP's default `layer_norm_epsilon`. */
export const TRANSFORMER_LAYER_NORM_EPSILON = 1e-5

/**
 * Everything random here draws on seeds just above `seed`: the six kernels on seed + 1…6, then the
 * dropout masks, three per training batch (one per site), from seed + 100 on. The builder spaces
 * layers' seeds a million apart, so this stays within the layer's own stream for 300,000 batches.
 */
const FIRST_MASK_SEED = 100
const DROPOUT_SITES = 3

interface EncoderWeights {
  readonly query: tf.LayerVariable
  readonly queryBias: tf.LayerVariable
  readonly key: tf.LayerVariable
  readonly keyBias: tf.LayerVariable
  readonly value: tf.LayerVariable
  readonly valueBias: tf.LayerVariable
  readonly output: tf.LayerVariable
  readonly outputBias: tf.LayerVariable
  readonly attentionGamma: tf.LayerVariable
  readonly attentionBeta: tf.LayerVariable
  readonly ffInner: tf.LayerVariable
  readonly ffInnerBias: tf.LayerVariable
  readonly ffOuter: tf.LayerVariable
  readonly ffOuterBias: tf.LayerVariable
  readonly ffGamma: tf.LayerVariable
  readonly ffBeta: tf.LayerVariable
}

/** Normalises over the last axis, then scales and shifts: Keras' LayerNormalization. */
function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true)
  const normalised = tf.mul(
    tf.sub(x, mean),
    tf.rsqrt(tf.add(variance, TRANSFORMER_LAYER_NORM_EPSILON)),
  )
  return tf.add(tf.mul(normalised, gamma), beta)
}

/** Exact GELU (Keras' default, approximate=False), written with erf as tfjs-layers does. */
function activate(x: tf.Tensor, activation: 'relu' | 'gelu'): tf.Tensor {
  if (activation === 'relu') return tf.relu(x)
  return tf.mul(x, tf.mul(0.5, tf.add(1, tf.erf(tf.div(x, Math.SQRT2)))))
}

/** x [rows, in] · kernel [in, out] + bias. */
function affine(x: tf.Tensor, kernel: tf.LayerVariable, bias: tf.LayerVariable): tf.Tensor2D {
  return tf.add(tf.matMul(x as tf.Tensor2D, kernel.read() as tf.Tensor2D), bias.read())
}

/**
 * A Transformer encoder block on [batch, steps, width]: multi-head self-attention, then a two-layer
 * feed-forward network, each with dropout, a residual connection and layer normalisation
 * (post-norm, as Keras-NLP's TransformerEncoder). tfjs-layers has no attention layer, so this is a
 * custom layer, registered for serialisation so saved models load again.
 *
 * Written with matMul, softmax, moments, erf and elementwise ops only, which every TensorFlow.js
 * backend (cpu, wasm, webgl, webgpu) implements with gradients.
 */
export class TransformerEncoder extends tf.layers.Layer {
  static readonly className = 'TransformerEncoder'
  private readonly heads: number
  private readonly keyDim: number
  private readonly ffUnits: number
  private readonly rate: number
  private readonly activation: 'relu' | 'gelu'
  private readonly seed: number
  private weightsOf: EncoderWeights | null = null
  /** Training batches seen, so that each draws fresh dropout masks that still repeat run for run. */
  private trainingCalls = 0

  constructor(args: TransformerEncoderArgs) {
    super(layerBaseArgs(args))
    this.heads = args.heads
    this.keyDim = args.keyDim
    this.ffUnits = args.ffUnits
    this.rate = args.dropout
    this.activation = args.activation
    this.seed = args.seed
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = shapeOf(inputShape)
    const width = shape[2]
    if (shape.length !== 3 || width == null)
      throw new Error(
        `Transformer encoder ${this.name}: needs a sequence of vectors [steps, width], got ` +
          `${JSON.stringify(shape.slice(1))}. Put an Embedding or a sequence input before it.`,
      )
    const inner = this.heads * this.keyDim
    let kernels = 0
    const kernel = (name: string, shape: number[]) =>
      this.addWeight(
        name,
        shape,
        'float32',
        tf.initializers.glorotUniform({ seed: this.seed + ++kernels }),
      )
    const zeros = (name: string, size: number) =>
      this.addWeight(name, [size], 'float32', tf.initializers.zeros())
    const ones = (name: string, size: number) =>
      this.addWeight(name, [size], 'float32', tf.initializers.ones())
    this.weightsOf = {
      query: kernel('query_kernel', [width, inner]),
      queryBias: zeros('query_bias', inner),
      key: kernel('key_kernel', [width, inner]),
      keyBias: zeros('key_bias', inner),
      value: kernel('value_kernel', [width, inner]),
      valueBias: zeros('value_bias', inner),
      output: kernel('attention_output_kernel', [inner, width]),
      outputBias: zeros('attention_output_bias', width),
      attentionGamma: ones('attention_norm_gamma', width),
      attentionBeta: zeros('attention_norm_beta', width),
      ffInner: kernel('feedforward_inner_kernel', [width, this.ffUnits]),
      ffInnerBias: zeros('feedforward_inner_bias', this.ffUnits),
      ffOuter: kernel('feedforward_outer_kernel', [this.ffUnits, width]),
      ffOuterBias: zeros('feedforward_outer_bias', width),
      ffGamma: ones('feedforward_norm_gamma', width),
      ffBeta: zeros('feedforward_norm_beta', width),
    }
    this.built = true
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return shapeOf(inputShape)
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const w = this.weightsOf
    if (!w) throw new Error(`Transformer encoder ${this.name}: called before it was built.`)
    const x = singleInput(inputs, 'Transformer encoder')
    const training = kwargs.training === true && this.rate > 0
    const batchSeed = this.seed + FIRST_MASK_SEED + DROPOUT_SITES * this.trainingCalls
    if (training) this.trainingCalls += 1
    // A fresh mask per site and per batch, the same ones again in a run with the same seed.
    const drop = (t: tf.Tensor, site: number) =>
      training ? tf.dropout(t, this.rate, undefined, batchSeed + site) : t

    return tf.tidy(() => {
      const [batch = 0, steps = 0, width = 0] = x.shape
      const { heads, keyDim } = this
      const rows = tf.reshape(x, [batch * steps, width])
      // [batch·steps, heads·keyDim] → [batch, heads, steps, keyDim]
      const split = (t: tf.Tensor) =>
        tf.transpose(tf.reshape(t, [batch, steps, heads, keyDim]), [0, 2, 1, 3])
      const q = split(affine(rows, w.query, w.queryBias))
      const k = split(affine(rows, w.key, w.keyBias))
      const v = split(affine(rows, w.value, w.valueBias))
      const scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(keyDim))
      const attention = drop(tf.softmax(scores, -1), 0)
      const context = tf.reshape(tf.transpose(tf.matMul(attention, v), [0, 2, 1, 3]), [
        batch * steps,
        heads * keyDim,
      ])
      const attended = drop(affine(context, w.output, w.outputBias), 1)
      const afterAttention = layerNorm(
        tf.add(rows, attended),
        w.attentionGamma.read(),
        w.attentionBeta.read(),
      )
      const inner = activate(affine(afterAttention, w.ffInner, w.ffInnerBias), this.activation)
      const fed = drop(affine(inner, w.ffOuter, w.ffOuterBias), 2)
      const out = layerNorm(tf.add(afterAttention, fed), w.ffGamma.read(), w.ffBeta.read())
      return tf.reshape(out, [batch, steps, width])
    })
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      heads: this.heads,
      keyDim: this.keyDim,
      ffUnits: this.ffUnits,
      dropout: this.rate,
      activation: this.activation,
      seed: this.seed,
    }
  }
}

tf.serialization.registerClass(TransformerEncoder)
