import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { afterEach, describe, expect, it } from 'vitest'
import { prepareTrainingJob } from '../recipe/prepare-job'
import { proposeRecipe } from '../recipe/propose'
import type { Recipe } from '../recipe/recipe-schema'
import { runTrainingJob, type TrainingEvent, type TrainingJob } from './training-job'
import { bundledDataset, eventKinds, runFreely } from './train-test-kit'

// WASM and CPU are the backends Node has: WASM fails part-way here, CPU takes over.
const EPOCHS = 4

const german = bundledDataset('GermanCredit.csv')
const proposed = proposeRecipe(german, 'GermanCredit.csv', 'Class')
const recipe: Recipe = { ...proposed, training: { ...proposed.training, epochs: EPOCHS } }

async function run(job: TrainingJob, onEvent: (event: TrainingEvent) => void = () => undefined) {
  const seen: TrainingEvent[] = []
  await runTrainingJob(job, runFreely, (event) => {
    seen.push(event)
    onEvent(event)
  })
  return seen
}

const epochsOf = (seen: TrainingEvent[]) => seen.flatMap((e) => (e.type === 'epoch' ? [e.log] : []))

let removed: tf.KernelConfig | null = null
afterEach(() => {
  if (removed) tf.registerKernel(removed)
  removed = null
})

describe('a backend that fails mid-run', () => {
  it('hands the run to the next backend, which goes on from the last checkpoint', async () => {
    const job = prepareTrainingJob(recipe, german, 'wasm').job
    const unbroken = epochsOf(await run(job))
    expect(unbroken.map((l) => l.backend)).toEqual(['wasm', 'wasm', 'wasm', 'wasm'])

    // After epoch 2 WASM loses the matrix product every dense layer needs, as a backend whose
    // kernel breaks would: epoch 3 throws on WASM.
    const seen = await run(job, (event) => {
      if (event.type !== 'epoch' || event.log.epoch !== 2) return
      removed = tf.getKernel('_FusedMatMul', 'wasm')
      tf.unregisterKernel('_FusedMatMul', 'wasm')
    })
    expect(removed).not.toBeNull()
    expect(eventKinds(seen)).toEqual([
      'backend',
      'epoch',
      'epoch',
      'fallback',
      'epoch',
      'epoch',
      'done',
    ])
    const fallback = seen.find((e) => e.type === 'fallback')
    expect(fallback).toMatchObject({ from: 'wasm', to: 'cpu', epoch: 2 })
    expect(fallback?.type === 'fallback' && fallback.reason).toMatch(/_FusedMatMul/)

    const logs = epochsOf(seen)
    expect(logs.map((l) => [l.epoch, l.backend])).toEqual([
      [1, 'wasm'],
      [2, 'wasm'],
      [3, 'cpu'],
      [4, 'cpu'],
    ])
    // Epoch 3 starts from epoch 2's weights and optimiser state: its loss is the unbroken run's
    // (up to the two backends' rounding), far from a fresh start's epoch-1 loss.
    const [first, , third] = unbroken
    console.log(
      'DBG',
      unbroken.map((l) => l.loss),
      logs.map((l) => l.loss),
    )
    expect(Math.abs((logs[2]?.loss ?? 0) - (third?.loss ?? 0))).toBeLessThan(1e-4)
    expect(Math.abs((logs[2]?.loss ?? 0) - (first?.loss ?? 0))).toBeGreaterThan(1e-2)

    const last = seen.at(-1)
    if (last?.type !== 'done') throw new Error(`the run ended with ${JSON.stringify(last)}`)
    expect(last.outcome.backend).toBe('cpu')
    expect(last.outcome.epochs.map((l) => l.epoch)).toEqual([1, 2, 3, 4])
    expect(last.outcome.testOutputs).toHaveLength(job.test.x.rows)
    expect(last.outcome.tensorsAfter).toBe(last.outcome.tensorsBefore)
  })
})

describe('a loss that becomes NaN', () => {
  it('stops the run on its backend with the epoch and what to change, and falls back to none', async () => {
    const credit = bundledDataset('CreditCard.csv')
    const proposal = proposeRecipe(credit, 'CreditCard.csv', 'income')
    const sgd: Recipe = {
      ...proposal,
      training: { ...proposal.training, optimizer: 'sgd', momentum: 0, learningRate: 1, epochs: 3 },
    }
    const { job } = prepareTrainingJob(sgd, credit, 'wasm')
    // Inputs left in the thousands, as if the scaling step were skipped: SGD at rate 1 blows up.
    const unscaled: TrainingJob = {
      ...job,
      train: {
        ...job.train,
        x: { ...job.train.x, values: job.train.x.values.map((v) => v * 1e4) },
      },
    }
    const before = tf.memory().numTensors
    const seen = await run(unscaled)
    expect(seen.some((e) => e.type === 'fallback')).toBe(false)
    const error = seen.at(-1)
    if (error?.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(error)}`)
    expect(error.diverged).toBe(true)
    expect(error.message).toMatch(
      /^The loss became (NaN|Infinity) in epoch 1: training diverged\. Lower the learning rate \(try 0\.1\) or check that the inputs are scaled\.$/,
    )
    expect(tf.memory().numTensors).toBe(before)
  })
})
