import * as tf from '@tensorflow/tfjs'

interface SeededGaussianNoiseArgs {
  readonly stddev: number
  readonly seed: number
  readonly inputShape?: number[]
  readonly name?: string
}

/**
 * Gaussian noise added while training, fresh for every batch yet repeatable run for run: tfjs' own
 * GaussianNoise draws from Math.random, so no two runs would match. Batch n uses seed + n.
 *
 * It saves as a plain `GaussianNoise` (same config keys), so an exported model loads anywhere with
 * stock TensorFlow.js, where the noise is off at prediction time anyway.
 */
export class SeededGaussianNoise extends tf.layers.Layer {
  static readonly className = 'GaussianNoise'
  private readonly stddev: number
  private readonly seed: number
  private calls = 0

  constructor(args: SeededGaussianNoiseArgs) {
    super({
      ...(args.inputShape && { inputShape: args.inputShape }),
      ...(args.name !== undefined && { name: args.name }),
    })
    this.stddev = args.stddev
    this.seed = args.seed
    this.supportsMasking = true
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0] : inputs
    if (!input) throw new Error('Gaussian noise needs one input tensor.')
    if (kwargs.training !== true || this.stddev <= 0) return input.clone()
    const seed = this.seed + this.calls
    this.calls += 1
    return tf.tidy(() =>
      tf.add(input, tf.randomNormal(input.shape, 0, this.stddev, 'float32', seed)),
    )
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), stddev: this.stddev }
  }
}
