import * as tf from '@tensorflow/tfjs'
import type { EarlyStopping } from './train-config'

/** What early stopping remembers between epochs (`TrainState.early`). */
export interface EarlyState {
  readonly best: number
  readonly bestEpoch: number
  readonly wait: number
}

export const FRESH_EARLY: EarlyState = { best: Number.POSITIVE_INFINITY, bestEpoch: 0, wait: 0 }

export interface EarlyVerdict {
  readonly early: EarlyState
  /** This epoch is the new best: keep its weights. */
  readonly improved: boolean
  /** `patience` epochs in a row without improvement: stop now. */
  readonly stop: boolean
}

/**
 * Keras' EarlyStopping (mode 'min'): an epoch improves when loss < best − minDelta; the run stops
 * once `patience` epochs in a row have not. A NaN loss never improves.
 */
export function earlyStoppingStep(
  rule: EarlyStopping,
  early: EarlyState,
  epoch: number,
  monitored: number,
): EarlyVerdict {
  if (monitored < early.best - rule.minDelta) {
    return { early: { best: monitored, bestEpoch: epoch, wait: 0 }, improved: true, stop: false }
  }
  const wait = early.wait + 1
  return { early: { ...early, wait }, improved: false, stop: wait >= rule.patience }
}

/**
 * The weights of the best epoch so far, as clones the run owns: a clone shares the variable's
 * data until the optimiser assigns the next value, so keeping them costs no copy until then.
 * Every replaced set is disposed at once and the last one by `dispose`, so nothing leaks.
 */
export class BestWeights {
  private tensors: tf.Tensor[] | null

  /** `resumed`: best weights handed back from a checkpoint; from now on this holder owns them. */
  constructor(resumed: tf.Tensor[] | null = null) {
    this.tensors = resumed
  }

  get current(): readonly tf.Tensor[] | null {
    return this.tensors
  }

  keep(model: tf.LayersModel): void {
    const next = model.getWeights().map((w) => w.clone())
    this.dispose()
    this.tensors = next
  }

  /** Puts the kept weights back into the model (it copies them); true when there were any. */
  restoreInto(model: tf.LayersModel): boolean {
    if (!this.tensors) return false
    model.setWeights(this.tensors)
    return true
  }

  dispose(): void {
    if (this.tensors) tf.dispose(this.tensors)
    this.tensors = null
  }
}
