import * as tf from '@tensorflow/tfjs'

export interface PositionEmbeddingArgs {
  readonly seed: number
  readonly name?: string
}

/**
 * Adds a learned vector per position to [batch, steps, width] (Keras-NLP's PositionEmbedding), so
 * attention, which ignores order, can tell the first word from the last.
 */
export class PositionEmbedding extends tf.layers.Layer {
  static readonly className = 'PositionEmbedding'
  constructor(args: PositionEmbeddingArgs) {
    super(args.name ? { name: args.name } : {})
    throw new Error('PositionEmbedding: not written yet')
  }
}
