import * as tf from '@tensorflow/tfjs'
import { SeededTrainingNoise, type SeededNoiseArgs } from './seeded-training-noise'

/**
 * Gaussian noise with fresh, repeatable draws per training batch (see SeededTrainingNoise). It
 * saves as a plain `GaussianNoise` (same config keys), so an exported model loads anywhere with
 * stock TensorFlow.js, where the noise is off at prediction time anyway.
 */
export class SeededGaussianNoise extends SeededTrainingNoise {
  static readonly className = 'GaussianNoise'
  private readonly stddev: number

  constructor(args: SeededNoiseArgs & { readonly stddev: number }) {
    super(args)
    this.stddev = args.stddev
  }

  protected override get active(): boolean {
    return this.stddev > 0
  }

  protected override disturb(input: tf.Tensor, seed: number): tf.Tensor {
    return tf.add(input, tf.randomNormal(input.shape, 0, this.stddev, 'float32', seed))
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), stddev: this.stddev }
  }
}
