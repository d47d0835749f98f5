import type { TargetSpec } from '../recipe/recipe-schema'
import type { ModelSpec, RegressionLoss } from './model-spec'

export type LossName = 'binaryCrossentropy' | 'categoricalCrossentropy' | RegressionLoss

export interface OutputHead {
  readonly units: number
  readonly activation: 'sigmoid' | 'softmax' | 'linear'
  readonly loss: LossName
  /** Huber's delta, in target units (only read when `loss` is 'huber'). */
  readonly huberDelta: number
}

/**
 * The output layer and loss that fit the task: they change whenever the target does. A number
 * target takes the loss the analyst chose (squared, absolute or Huber error).
 */
export function outputHead(
  target: TargetSpec,
  spec: Pick<ModelSpec, 'regressionLoss' | 'huberDelta'> = {
    regressionLoss: 'meanSquaredError',
    huberDelta: 1,
  },
): OutputHead {
  const { huberDelta } = spec
  switch (target.task) {
    case 'binary':
      return { units: 1, activation: 'sigmoid', loss: 'binaryCrossentropy', huberDelta }
    case 'multiclass':
      return {
        units: target.classes?.length ?? 0,
        activation: 'softmax',
        loss: 'categoricalCrossentropy',
        huberDelta,
      }
    case 'regression':
      return { units: 1, activation: 'linear', loss: spec.regressionLoss, huberDelta }
  }
}

/** "binary cross-entropy", "Huber": the loss as the Model step names it. */
export function lossLabel(loss: LossName): string {
  switch (loss) {
    case 'binaryCrossentropy':
      return 'binary cross-entropy'
    case 'categoricalCrossentropy':
      return 'categorical cross-entropy'
    case 'meanSquaredError':
      return 'mean squared error'
    case 'meanAbsoluteError':
      return 'mean absolute error'
    case 'huber':
      return 'Huber'
  }
}
