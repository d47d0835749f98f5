import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { layer, stackOf } from '../model/layer-catalogue'
import { tableInput } from '../model/model-input'
import { modelSpecOf } from '../model/model-spec'
import { earlyStoppingStep, FRESH_EARLY, type EarlyState } from './early-stopping'
import { inputTensor, trainModel, type EpochLog, type TrainState } from './engine'
import type { EarlyStopping, TrainConfig } from './train-config'
import { germanCreditJob, runFreely } from './train-test-kit'

const { job, head } = germanCreditJob()
// Two wide layers on 700 rows: the validation loss bottoms out within a few epochs, then climbs.
const overfitting = modelSpecOf(
  stackOf([layer('dense', { units: 128 }), layer('dense', { units: 128 })]),
)

describe('earlyStoppingStep (Keras EarlyStopping, mode min)', () => {
  const rule: EarlyStopping = { patience: 2, minDelta: 0.01, restoreBestWeights: true }
  function walk(losses: number[]): { states: EarlyState[]; stoppedAt: number | null } {
    let early = FRESH_EARLY
    const states: EarlyState[] = []
    for (const [i, loss] of losses.entries()) {
      const verdict = earlyStoppingStep(rule, early, i + 1, loss)
      early = verdict.early
      states.push(early)
      if (verdict.stop) return { states, stoppedAt: i + 1 }
    }
    return { states, stoppedAt: null }
  }

  it('stops after `patience` epochs without an improvement larger than minDelta', () => {
    // 0.695 is better than 0.7 but by less than minDelta: it does not count.
    const { states, stoppedAt } = walk([0.8, 0.7, 0.695, 0.71, 0.6])
    expect(stoppedAt).toBe(4)
    expect(states.at(-1)).toEqual({ best: 0.7, bestEpoch: 2, wait: 2 })
  })

  it('starts the wait over whenever the loss improves, and never counts NaN as better', () => {
    expect(walk([0.8, 0.85, 0.7, 0.75, 0.6, 0.65]).stoppedAt).toBeNull()
    expect(walk([0.8, Number.NaN, Number.NaN]).stoppedAt).toBe(3)
  })
})

// The rule is plain arithmetic; one real backend shows it on a real run (wasm: the fastest in
// Node).
describe('early stopping on German credit', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true)
  })

  it('stops an overfitting model before its last epoch and puts back the best epoch’s weights', async () => {
    const config: TrainConfig = {
      ...job.recipe.training,
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 32,
      epochs: 40,
      earlyStopping: { patience: 3, minDelta: 0, restoreBestWeights: true },
    }
    const tensors = tf.memory().numTensors
    const model = buildModel(overfitting, tableInput(job.train.x.width), head, 5)
    compileModel(model, head, config)
    const checkpoints: TrainState[] = []
    const bestKept: (number | null)[] = []
    const result = await trainModel(
      model,
      job.train,
      job.validation,
      config,
      5,
      runFreely,
      () => undefined,
      null,
      {
        onCheckpoint: (_model, state, best) => {
          checkpoints.push(state)
          bestKept.push(best?.length ?? null)
          return Promise.resolve()
        },
      },
    )
    const valLosses = result.epochs.map((e: EpochLog) => e.valLoss as number)
    const bestEpoch = valLosses.indexOf(Math.min(...valLosses)) + 1
    // What the model scores on the validation rows now, measured afresh.
    const [x, y] = [
      inputTensor(model, job.validation.x),
      tf.tensor2d(job.validation.y.values, [job.validation.y.rows, 1]),
    ]
    const evaluated = model.evaluate(x, y, { batchSize: config.batchSize }) as tf.Scalar[]
    const after = (await evaluated[0]?.data())?.[0]
    tf.dispose([x, y, ...evaluated])
    disposeModel(model)

    expect(result.stopReason).toBe('early-stopping')
    expect(result.epochs.length).toBeLessThan(config.epochs)
    expect(result.epochs.length).toBe(bestEpoch + 3)
    expect(result.restoredEpoch).toBe(bestEpoch)
    expect(after).toBeCloseTo(valLosses[bestEpoch - 1] as number, 5)
    expect(after).toBeLessThan(valLosses.at(-1) as number)
    expect(checkpoints.at(-1)?.early).toMatchObject({ bestEpoch, wait: 3 })
    expect(bestKept.every((n) => n === model.weights.length)).toBe(true)
    expect(tf.memory().numTensors).toBe(tensors)
  })
})
