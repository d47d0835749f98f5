import { describe, expect, it } from 'vitest'
import { FRESH_PLATEAU, nextLearningRate, type PlateauState } from './lr-schedule'
import type { LearningRateSchedule } from './train-config'

/** The rate each epoch trains with, as the engine walks the schedule epoch by epoch. */
function ratesOver(schedule: LearningRateSchedule, base: number, losses: number[]): number[] {
  const rates: number[] = []
  let rate = base
  let plateau: PlateauState = FRESH_PLATEAU
  losses.forEach((loss, i) => {
    rates.push(rate)
    ;({ learningRate: rate, plateau } = nextLearningRate(
      schedule,
      base,
      i + 1,
      rate,
      plateau,
      loss,
    ))
  })
  return rates
}

const flat = (n: number) => Array.from({ length: n }, () => 1)

describe('learning-rate schedules', () => {
  it('constant keeps the configured rate', () => {
    expect(ratesOver({ kind: 'constant' }, 0.01, flat(4))).toEqual([0.01, 0.01, 0.01, 0.01])
  })

  it('step multiplies by the factor every n epochs, as PyTorch StepLR (step_size 3, gamma 0.5)', () => {
    // torch: lr = 0.1 * 0.5 ** (epoch0 // 3) for 0-based epochs 0..7
    const torch = [0, 1, 2, 3, 4, 5, 6, 7].map((e) => 0.1 * 0.5 ** Math.floor(e / 3))
    const ours = ratesOver({ kind: 'step', every: 3, factor: 0.5 }, 0.1, flat(8))
    expect(ours).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025])
    ours.forEach((r, i) => expect(r).toBeCloseTo(torch[i] as number, 15))
  })

  it('exponential multiplies by decay after every epoch, as PyTorch ExponentialLR', () => {
    const ours = ratesOver({ kind: 'exponential', decay: 0.9 }, 0.02, flat(5))
    ours.forEach((r, i) => expect(r).toBeCloseTo(0.02 * 0.9 ** i, 15))
    expect(ours[4]).toBeCloseTo(0.013122, 7)
  })

  it('plateau halves after `patience` epochs without an improvement of minDelta (Keras ReduceLROnPlateau)', () => {
    const schedule: LearningRateSchedule = {
      kind: 'plateau',
      factor: 0.5,
      patience: 2,
      minDelta: 0.01,
      minLearningRate: 0,
    }
    // Epoch 2 improves by only 0.005 < minDelta: no improvement. After epochs 2 and 3 the wait
    // reaches 2, so epoch 4 runs at half; epoch 4 improves, the wait starts over.
    const losses = [1.0, 0.995, 0.999, 0.5, 0.5, 0.5, 0.5, 0.5]
    expect(ratesOver(schedule, 0.1, losses)).toEqual([
      0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025,
    ])
  })

  it('plateau never goes below its minimum rate', () => {
    const schedule: LearningRateSchedule = {
      kind: 'plateau',
      factor: 0.1,
      patience: 1,
      minDelta: 0,
      minLearningRate: 0.003,
    }
    const rates = ratesOver(schedule, 0.1, flat(6))
    // 0.1 → 0.01 → max(0.001, 0.003) = 0.003, then it stays at the floor.
    expect(rates[0]).toBe(0.1)
    expect(rates[1]).toBe(0.1)
    expect(rates[2]).toBeCloseTo(0.01, 12)
    expect(rates.slice(3)).toEqual([0.003, 0.003, 0.003])
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(0.003)
  })
})
