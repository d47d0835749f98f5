import * as tf from '@tensorflow/tfjs'

interface SeededDropoutArgs {
  readonly rate: number
  readonly seed: number
  readonly inputShape?: number[]
  readonly name?: string
}

/**
 * Dropout that draws a fresh mask on every training batch yet repeats run for run. tfjs' own
 * Dropout with a seed re-seeds identically on each call, so the same units would sit out the
 * whole run; without a seed it uses Math.random and no run repeats. Here batch n uses seed + n.
 *
 * It saves as a plain `Dropout` (same config keys), so an exported model loads anywhere with
 * stock TensorFlow.js, where dropout is inactive at prediction time anyway.
 */
export class SeededDropout extends tf.layers.Layer {
  static readonly className = 'Dropout'
  private readonly rate: number
  private readonly seed: number
  private calls = 0

  constructor(args: SeededDropoutArgs) {
    super({
      ...(args.inputShape && { inputShape: args.inputShape }),
      ...(args.name !== undefined && { name: args.name }),
    })
    this.rate = args.rate
    this.seed = args.seed
    this.supportsMasking = true
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0] : inputs
    if (!input) throw new Error('Dropout needs one input tensor.')
    if (kwargs.training !== true || this.rate <= 0) return input.clone()
    const seed = this.seed + this.calls
    this.calls += 1
    return tf.dropout(input, this.rate, undefined, seed)
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, noiseShape: null, seed: this.seed }
  }
}
