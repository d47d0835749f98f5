import * as tf from '@tensorflow/tfjs'
import { createOptimizer } from '../train/optimizer'
import type { TrainConfig } from '../train/train-config'
import { buildLayer, reseedBackward, type LayerContext } from './build-layer'
import { lossOf } from './build-loss'
import { formatShape } from './check-model'
import type { OutputHead } from './head'
import { kerasNames, LAYER_CATALOGUE } from './layer-catalogue'
import type { ModelInput } from './model-input'
import type { ModelSpec } from './model-spec'

/**
 * Builds the network of a spec on rows of `input.shape`, ending in the output head. Every
 * initialiser, dropout mask and noise draw is seeded, so the same seed on the same backend gives
 * the same model and the same training curve. Layers carry their Keras names (dense_1, lstm_1),
 * as the Model step's summary shows them.
 */
export function buildModel(
  spec: ModelSpec,
  input: ModelInput,
  head: OutputHead,
  seed: number,
): tf.Sequential {
  const model = tf.sequential()
  const names = kerasNames(spec.layers)
  const inputShape = [...input.shape]
  const current = (): readonly (number | null)[] => model.outputs[0]?.shape ?? [null, ...inputShape]
  spec.layers.forEach((layer, index) => {
    const ctx: LayerContext = {
      index,
      name: names[index] ?? `layer_${index + 1}`,
      seed,
      inputShape: current(),
      first: model.outputs.length === 0 ? { inputShape } : {},
      vocabularySize: input.vocabularySize,
    }
    let built: tf.layers.Layer | undefined
    try {
      built = buildLayer(layer, ctx)
      model.add(built)
      if (layer.type === 'bidirectional') reseedBackward(built, layer, ctx)
    } catch (error) {
      // A layer may create its weights before finding its input does not fit; it is not in the
      // model yet, so the model's dispose would miss them.
      if (built && !model.layers.includes(built)) built.weights.forEach((w) => w.dispose())
      model.dispose()
      const reason = error instanceof Error ? error.message : String(error)
      throw new Error(
        `${LAYER_CATALOGUE[layer.type].label} (layer ${index + 1}, ${ctx.name}) cannot be built: ${reason}`,
        { cause: error },
      )
    }
  })
  const last = current()
  if (last.length > 2) {
    model.dispose()
    throw new Error(
      `The output layer gives one prediction per row, but the last layer leaves ${formatShape(last.slice(1) as number[])}: end the stack with Flatten or global pooling, or turn off "Return sequences".`,
    )
  }
  model.add(
    tf.layers.dense({
      ...(model.outputs.length === 0 ? { inputShape } : {}),
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
    optimizer: createOptimizer(config),
    loss: lossOf(head),
    metrics: head.activation === 'linear' ? [] : ['accuracy'],
  })
}

/** `model.dispose()` leaves the optimizer's slots (Adam's moments) alive; free them too. */
export function disposeModel(model: tf.LayersModel): void {
  const optimizer = model.optimizer as tf.Optimizer | undefined
  // tfjs' MomentumOptimizer.dispose() forgets the learning-rate scalar its SGD parent keeps.
  const rate = (optimizer as { c?: tf.Tensor } | undefined)?.c
  model.dispose()
  optimizer?.dispose()
  if (rate && !rate.isDisposed) rate.dispose()
}
