import * as tf from '@tensorflow/tfjs'
import type { TrainConfig } from '../train/train-config'
import type { OutputHead } from './head'
import type { ModelInput } from './model-input'
import type { ModelSpec } from './model-spec'
import { SeededDropout } from './seeded-dropout'

/**
 * Builds the network of a spec. Every initialiser and dropout mask is seeded, so the same seed on
 * the same backend gives the same model and the same training curve.
 */
export function buildModel(
  spec: ModelSpec,
  input: ModelInput,
  head: OutputHead,
  seed: number,
): tf.Sequential {
  const model = tf.sequential()
  const inputWidth = input.shape[0] ?? 0
  spec.layers.forEach((layer, i) => {
    const inputShape = i === 0 ? { inputShape: [inputWidth] } : {}
    if (layer.type === 'dense') {
      model.add(
        tf.layers.dense({
          ...inputShape,
          units: layer.units,
          activation: layer.activation,
          kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
        }),
      )
    } else if (layer.type === 'dropout') {
      // Layers' mask streams start a million batches apart so they never share a mask.
      model.add(
        new SeededDropout({ ...inputShape, rate: layer.rate, seed: seed + (i + 1) * 1_000_003 }),
      )
    } else {
      throw new Error(`Layer ${layer.type} cannot be built yet.`)
    }
  })
  model.add(
    tf.layers.dense({
      ...(spec.layers.length === 0 ? { inputShape: [inputWidth] } : {}),
      units: head.units,
      activation: head.activation,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + spec.layers.length }),
      name: 'output',
    }),
  )
  return model
}

export function compileModel(model: tf.LayersModel, head: OutputHead, config: TrainConfig): void {
  model.compile({
    optimizer: tf.train.adam(config.learningRate),
    loss: head.loss === 'huber' ? 'meanSquaredError' : head.loss,
    metrics: head.activation === 'linear' ? [] : ['accuracy'],
  })
}

/** `model.dispose()` leaves the optimizer's slots (Adam's moments) alive; free them too. */
export function disposeModel(model: tf.LayersModel): void {
  const optimizer = model.optimizer as tf.Optimizer | undefined
  model.dispose()
  optimizer?.dispose()
}
