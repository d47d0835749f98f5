import * as tf from '@tensorflow/tfjs'

export interface TransformerEncoderArgs {
  readonly heads: number
  /** Width of each head's queries and keys; the builder passes model width / heads for "auto". */
  readonly keyDim: number
  readonly ffUnits: number
  readonly dropout: number
  readonly activation: 'relu' | 'gelu'
  /** Seeds the initialisers and the dropout masks. */
  readonly seed: number
  readonly name?: string
}

/**
 * A Transformer encoder block on [batch, steps, width]: multi-head self-attention, then a two-layer
 * feed-forward network, each with dropout, a residual connection and layer normalisation
 * (post-norm, as Keras-NLP's TransformerEncoder). tfjs-layers has no attention layer, so this is a
 * custom layer, registered for serialisation so saved models load again.
 */
export class TransformerEncoder extends tf.layers.Layer {
  static readonly className = 'TransformerEncoder'
  constructor(args: TransformerEncoderArgs) {
    super(args.name ? { name: args.name } : {})
    throw new Error('TransformerEncoder: not written yet')
  }
}
