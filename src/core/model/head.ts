import type { TargetSpec } from '../recipe/recipe-schema'

export type LossName = 'binaryCrossentropy' | 'categoricalCrossentropy' | 'meanSquaredError'

export interface OutputHead {
  readonly units: number
  readonly activation: 'sigmoid' | 'softmax' | 'linear'
  readonly loss: LossName
}

/** The output layer and loss that fit the task: they change whenever the target does. */
export function outputHead(target: TargetSpec): OutputHead {
  switch (target.task) {
    case 'binary':
      return { units: 1, activation: 'sigmoid', loss: 'binaryCrossentropy' }
    case 'multiclass':
      return {
        units: target.classes?.length ?? 0,
        activation: 'softmax',
        loss: 'categoricalCrossentropy',
      }
    case 'regression':
      return { units: 1, activation: 'linear', loss: 'meanSquaredError' }
  }
}
