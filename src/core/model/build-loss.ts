import * as tf from '@tensorflow/tfjs'
import type { OutputHead } from './head'

type LossFunction = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor

/**
 * Huber loss per row (mean over the outputs), as Keras' `Huber(delta)`: squared below `delta`,
 * linear above it. tfjs-layers knows no 'huber' loss name, so it is a function; a per-row loss
 * lets class and sample weights apply as they do to the named losses.
 */
export function huberLoss(delta: number): LossFunction {
  const huber: LossFunction = (yTrue, yPred) =>
    tf.tidy(() =>
      tf.mean(tf.losses.huberLoss(yTrue, yPred, undefined, delta, tf.Reduction.NONE), -1),
    )
  return huber
}

/** What `model.compile` takes for the head's loss. */
export function lossOf(head: OutputHead): string | LossFunction {
  return head.loss === 'huber' ? huberLoss(head.huberDelta) : head.loss
}
