import type * as tf from '@tensorflow/tfjs'

/** What the custom layers pass on to tf.layers.Layer, so they can also open a model. */
export interface CustomLayerBaseArgs {
  readonly name?: string
  /** Shape of one example (batch excluded), when the layer is the first of a model. */
  readonly inputShape?: number[]
  /** What a saved first layer carries instead of `inputShape` (batch included, null = any). */
  readonly batchInputShape?: (number | null)[]
  readonly trainable?: boolean
}

export function layerBaseArgs(args: CustomLayerBaseArgs): CustomLayerBaseArgs {
  return {
    ...(args.name !== undefined ? { name: args.name } : {}),
    ...(args.inputShape ? { inputShape: args.inputShape } : {}),
    ...(args.batchInputShape ? { batchInputShape: args.batchInputShape } : {}),
    ...(args.trainable !== undefined ? { trainable: args.trainable } : {}),
  }
}

/** The one input shape of a single-input layer. */
export function shapeOf(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
  const first = inputShape[0]
  return Array.isArray(first) ? first : (inputShape as tf.Shape)
}

export function singleInput(inputs: tf.Tensor | tf.Tensor[], layer: string): tf.Tensor {
  const input = Array.isArray(inputs) ? inputs[0] : inputs
  if (!input) throw new Error(`${layer}: needs one input tensor.`)
  return input
}
