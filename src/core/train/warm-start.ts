import type * as tf from '@tensorflow/tfjs'
import { loadModelFiles } from '../export/model-artifacts'
import type { SavedModelFiles } from '../export/model-files'

/** Weights a run starts from instead of fresh ones: an opened bundle, or an imported Keras model. */
export interface WarmStart {
  /** Where the weights come from, as the Train step names it ("GermanCredit-Class-model.zip"). */
  readonly name: string
  readonly model: SavedModelFiles
  /**
   * true: the output layer may differ (another target, another class count) and then starts
   * fresh; false: every layer must match, as for a bundle opened to train on.
   */
  readonly newHeadAllowed: boolean
}

/** What a warm start did, for the run's notes. */
export interface WarmStartReport {
  readonly copiedLayers: number
  readonly freshLayers: readonly string[]
}

function shapesOf(layer: tf.layers.Layer): string {
  return JSON.stringify(layer.getWeights().map((w) => w.shape))
}

/**
 * Copies the saved model's weights into the freshly built `model`, layer by layer in order
 * (only layers that hold weights count, so the names need not agree: Keras calls its layers
 * "dense_3", the studio "dense_1"). Throws, naming the first layer, when the networks differ;
 * with `newHeadAllowed` the last layer alone may differ and keeps its fresh weights.
 */
export async function applyWarmStart(
  model: tf.LayersModel,
  start: WarmStart,
): Promise<WarmStartReport> {
  const source = await loadModelFiles(start.model)
  try {
    const from = source.layers.filter((l) => l.getWeights().length > 0)
    const to = model.layers.filter((l) => l.getWeights().length > 0)
    const last = to.length - 1
    const headDiffers =
      start.newHeadAllowed &&
      from.length === to.length &&
      to.length > 0 &&
      shapesOf(from[last] as tf.layers.Layer) !== shapesOf(to[last] as tf.layers.Layer)
    const copied = headDiffers ? to.length - 1 : to.length
    if (from.length !== to.length) {
      throw new Error(
        `${start.name} has ${from.length} layers with weights but the network on the Model step has ${to.length}. Use the network it came with, or start from fresh weights.`,
      )
    }
    for (let i = 0; i < copied; i++) {
      const target = to[i] as tf.layers.Layer
      const origin = from[i] as tf.layers.Layer
      if (shapesOf(origin) !== shapesOf(target)) {
        throw new Error(
          `Layer ${i + 1} of ${start.name} (${origin.getClassName()} ${shapesOf(origin)}) does not fit layer ${i + 1} of the network on the Model step (${target.getClassName()} ${shapesOf(target)}). Use the network it came with, or start from fresh weights.`,
        )
      }
      target.setWeights(origin.getWeights())
    }
    return {
      copiedLayers: copied,
      freshLayers: headDiffers ? [(to[last] as tf.layers.Layer).name] : [],
    }
  } finally {
    source.dispose()
  }
}
