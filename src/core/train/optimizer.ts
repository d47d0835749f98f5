import * as tf from '@tensorflow/tfjs'
import type { TrainConfig } from './train-config'

/** SGD's momentum when the config leaves it out: Keras' usual choice with momentum on. */
export const DEFAULT_MOMENTUM = 0.9

/**
 * The optimiser a config names. Everything it does not set keeps tfjs' defaults, which are
 * Keras' (RMSprop rho 0.9, Adadelta rho 0.95, Adam and Adamax betas 0.9 / 0.999), with epsilon the
 * backend's own (1e-7 in float32).
 */
export function createOptimizer(config: TrainConfig): tf.Optimizer {
  const rate = config.learningRate
  switch (config.optimizer) {
    case 'adam':
      return tf.train.adam(rate)
    case 'sgd': {
      const momentum = config.momentum ?? DEFAULT_MOMENTUM
      return momentum > 0
        ? tf.train.momentum(rate, momentum, config.nesterov ?? false)
        : tf.train.sgd(rate)
    }
    case 'rmsprop':
      return tf.train.rmsprop(rate)
    case 'adagrad':
      return tf.train.adagrad(rate)
    case 'adadelta':
      return tf.train.adadelta(rate)
    case 'adamax':
      return tf.train.adamax(rate)
  }
}

/**
 * Changes a compiled optimiser's learning rate between epochs, for every optimiser tfjs 4.22 has.
 * SGD and Momentum cache the negated rate as a kept scalar `c`, which only their own
 * `setLearningRate` renews (and disposes the old one, so the count of tensors stays put); Adam,
 * Adamax, RMSprop, Adagrad and Adadelta read the plain `learningRate` field on every step.
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  const settable = optimizer as tf.Optimizer & {
    learningRate?: number
    setLearningRate?: (rate: number) => void
  }
  if (typeof settable.setLearningRate === 'function') settable.setLearningRate(learningRate)
  else settable.learningRate = learningRate
}
