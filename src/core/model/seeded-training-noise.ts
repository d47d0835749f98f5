import * as tf from '@tensorflow/tfjs'

export interface SeededNoiseArgs {
  readonly seed: number
  readonly inputShape?: number[]
  readonly name?: string
}

/**
 * A layer that disturbs its input while training only, freshly on every batch yet repeatably run
 * for run: batch n draws with seed + n. tfjs' own Dropout and GaussianNoise either re-seed the
 * same way on every call (the same units sit out the whole run) or draw from Math.random (no run
 * repeats). At prediction time the input passes unchanged.
 */
export abstract class SeededTrainingNoise extends tf.layers.Layer {
  protected readonly seed: number
  private calls = 0

  /** Batches drawn so far: a checkpoint saves it, so a resumed run draws where the run stopped. */
  get batchesDrawn(): number {
    return this.calls
  }

  set batchesDrawn(count: number) {
    this.calls = count
  }

  constructor(args: SeededNoiseArgs) {
    super({
      ...(args.inputShape && { inputShape: args.inputShape }),
      ...(args.name !== undefined && { name: args.name }),
    })
    this.seed = args.seed
    this.supportsMasking = true
  }

  /** False when the settings disturb nothing (a rate or spread of 0). */
  protected abstract get active(): boolean
  /** The disturbed batch, drawn with `seed`. */
  protected abstract disturb(input: tf.Tensor, seed: number): tf.Tensor

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0] : inputs
    if (!input) throw new Error(`${this.getClassName()} needs one input tensor.`)
    if (kwargs.training !== true || !this.active) return input.clone()
    const seed = this.seed + this.calls
    this.calls += 1
    return tf.tidy(() => this.disturb(input, seed))
  }
}
