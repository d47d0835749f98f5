import * as tf from '@tensorflow/tfjs'
import { SeededTrainingNoise, type SeededNoiseArgs } from './seeded-training-noise'

/**
 * Dropout with a fresh, repeatable mask per training batch (see SeededTrainingNoise). It saves as
 * a plain `Dropout` (same config keys), so an exported model loads anywhere with stock
 * TensorFlow.js, where dropout is inactive at prediction time anyway.
 */
export class SeededDropout extends SeededTrainingNoise {
  static readonly className = 'Dropout'
  private readonly rate: number

  constructor(args: SeededNoiseArgs & { readonly rate: number }) {
    super(args)
    this.rate = args.rate
  }

  protected override get active(): boolean {
    return this.rate > 0
  }

  protected override disturb(input: tf.Tensor, seed: number): tf.Tensor {
    return tf.dropout(input, this.rate, undefined, seed)
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, noiseShape: null, seed: this.seed }
  }
}
