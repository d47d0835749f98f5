import { describe, expect, it } from 'vitest'
import { earlyStopText } from './stop-reason-text'

describe('earlyStopText', () => {
  it('says what was watched, for how long, and which weights were kept', () => {
    const end = {
      stopReason: 'early-stopping' as const,
      restoredEpoch: 9,
      earlyStopping: { patience: 5, minDelta: 0, restoreBestWeights: true },
    }
    expect(earlyStopText(end, 14, true)).toBe(
      'Stopped early at epoch 14: validation loss had not improved for 5 epochs; weights of epoch 9 restored.',
    )
  })

  it('names the training loss and the smallest improvement when there are no validation rows', () => {
    const end = {
      stopReason: 'early-stopping' as const,
      restoredEpoch: null,
      earlyStopping: { patience: 1, minDelta: 0.01, restoreBestWeights: false },
    }
    expect(earlyStopText(end, 3, false)).toBe(
      'Stopped early at epoch 3: training loss had not improved by more than 0.01 for 1 epoch.',
    )
  })
})
