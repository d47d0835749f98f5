import * as tf from '@tensorflow/tfjs'
import type { Initializer } from './model-spec'

// tfjs exports the factories, not the classes they return: take the types from a layer's args.
type DenseArgs = Parameters<typeof tf.layers.dense>[0]
type TfInitializer = Exclude<NonNullable<DenseArgs['kernelInitializer']>, string>
type TfRegularizer = Exclude<NonNullable<DenseArgs['kernelRegularizer']>, string>

/**
 * Seeded weight initialisers, so the same seed gives the same starting weights. Keras' defaults
 * where the spec has no setting: random normal with a 0.05 spread, embeddings uniform in ±0.05.
 */
export function initializerOf(name: Initializer, seed: number): TfInitializer {
  switch (name) {
    case 'glorotUniform':
      return tf.initializers.glorotUniform({ seed })
    case 'glorotNormal':
      return tf.initializers.glorotNormal({ seed })
    case 'heUniform':
      return tf.initializers.heUniform({ seed })
    case 'heNormal':
      return tf.initializers.heNormal({ seed })
    case 'leCunUniform':
      return tf.initializers.leCunUniform({ seed })
    case 'leCunNormal':
      return tf.initializers.leCunNormal({ seed })
    case 'randomNormal':
      return tf.initializers.randomNormal({ mean: 0, stddev: 0.05, seed })
    case 'zeros':
      return tf.initializers.zeros()
  }
}

export function embeddingInitializer(seed: number): TfInitializer {
  return tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed })
}

/** Keras' L1L2 penalty on the weights, or none when both are 0 (no cost in the loss at all). */
export function penaltyOf(l1: number, l2: number): { kernelRegularizer?: TfRegularizer } {
  return l1 > 0 || l2 > 0 ? { kernelRegularizer: tf.regularizers.l1l2({ l1, l2 }) } : {}
}
