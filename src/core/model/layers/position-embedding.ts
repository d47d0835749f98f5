import * as tf from '@tensorflow/tfjs'
import { layerBaseArgs, shapeOf, singleInput, type CustomLayerBaseArgs } from './custom-layer-args'

export interface PositionEmbeddingArgs extends CustomLayerBaseArgs {
  readonly seed: number
}

/**
 * Adds a learned vector per position to [batch, steps, width] (Keras-NLP's PositionEmbedding), so
 * attention, which ignores order, can tell the first word from the last.
 */
export class PositionEmbedding extends tf.layers.Layer {
  static readonly className = 'PositionEmbedding'
  private readonly seed: number
  private embeddings: tf.LayerVariable | null = null

  constructor(args: PositionEmbeddingArgs) {
    super(layerBaseArgs(args))
    this.seed = args.seed
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = shapeOf(inputShape)
    const [, steps, width] = shape
    if (shape.length !== 3 || steps == null || width == null)
      throw new Error(
        `Position embedding ${this.name}: needs a sequence of fixed length [steps, width], got ` +
          `${JSON.stringify(shape.slice(1))}. Put an Embedding or a sequence input before it.`,
      )
    this.embeddings = this.addWeight(
      'embeddings',
      [steps, width],
      'float32',
      tf.initializers.glorotUniform({ seed: this.seed }),
    )
    this.built = true
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return shapeOf(inputShape)
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    if (!this.embeddings)
      throw new Error(`Position embedding ${this.name}: called before it was built.`)
    const x = singleInput(inputs, 'Position embedding')
    // [steps, width] broadcasts over the batch axis.
    return tf.add(x, this.embeddings.read())
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), seed: this.seed }
  }
}

tf.serialization.registerClass(PositionEmbedding)
