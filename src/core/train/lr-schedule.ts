import type { LearningRateSchedule } from './train-config'

/** What a plateau schedule remembers between epochs (`TrainState.plateau`). */
export interface PlateauState {
  readonly best: number
  readonly wait: number
}

export const FRESH_PLATEAU: PlateauState = { best: Number.POSITIVE_INFINITY, wait: 0 }

export interface NextRate {
  readonly learningRate: number
  readonly plateau: PlateauState
}

/**
 * The learning rate for the epoch after `epoch` (1-based, just finished), given the rate it
 * trained with and the loss the schedule watches (validation loss, or training loss without
 * validation). Step and exponential are closed forms of the epoch, as PyTorch's StepLR
 * (base · factor^⌊(e−1)/every⌋) and ExponentialLR (base · decay^(e−1)) for 1-based epoch e, so a
 * resumed run lands on the same rates. Plateau follows Keras' ReduceLROnPlateau (mode 'min',
 * cooldown 0): an epoch improves when loss < best − minDelta; after `patience` epochs without
 * one the rate is multiplied by `factor`, never below `minLearningRate`, and the wait starts over.
 */
export function nextLearningRate(
  schedule: LearningRateSchedule | undefined,
  baseRate: number,
  epoch: number,
  currentRate: number,
  plateau: PlateauState,
  monitored: number,
): NextRate {
  const s = schedule ?? { kind: 'constant' }
  switch (s.kind) {
    case 'constant':
      return { learningRate: baseRate, plateau }
    case 'step':
      return { learningRate: baseRate * s.factor ** Math.floor(epoch / s.every), plateau }
    case 'exponential':
      return { learningRate: baseRate * s.decay ** epoch, plateau }
    case 'plateau': {
      if (monitored < plateau.best - s.minDelta) {
        return { learningRate: currentRate, plateau: { best: monitored, wait: 0 } }
      }
      const wait = plateau.wait + 1
      if (wait < s.patience) return { learningRate: currentRate, plateau: { ...plateau, wait } }
      // Keras compares old_lr > min_lr before reducing; at the floor the rate simply stays.
      const reduced = Math.max(currentRate * s.factor, s.minLearningRate)
      return {
        learningRate: currentRate > s.minLearningRate ? reduced : currentRate,
        plateau: { ...plateau, wait: 0 },
      }
    }
  }
}
