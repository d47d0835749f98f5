import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadModelFiles } from '../export/model-artifacts'
import { buildModel } from '../model/build-model'
import { modelInputOf } from '../recipe/model-input'
import { germanCreditJob, runFreely } from './train-test-kit'
import {
  runTrainingJob,
  type TrainingEvent,
  type TrainingJob,
  type TrainingOutcome,
} from './training-job'
import { applyWarmStart } from './warm-start'

async function train(job: TrainingJob): Promise<TrainingOutcome> {
  // Filled by the callback: an array, because control flow does not see a callback assign.
  const outcomes: TrainingOutcome[] = []
  await runTrainingJob(job, runFreely, (event: TrainingEvent) => {
    if (event.type === 'error') throw new Error(event.message)
    if (event.type === 'done') outcomes.push(event.outcome)
  })
  const outcome = outcomes[0]
  if (!outcome) throw new Error('the run did not finish')
  return outcome
}

describe('warm start', () => {
  const { job, head } = germanCreditJob()
  const quick: TrainingJob = {
    ...job,
    recipe: { ...job.recipe, training: { ...job.recipe.training, epochs: 4 } },
  }
  let first: TrainingOutcome

  beforeAll(async () => {
    await tf.setBackend('cpu')
    first = await train(quick)
  })

  it('gives a fresh network exactly the saved weights, so it predicts as the saved model', async () => {
    const fresh = buildModel(job.recipe.model, modelInputOf(job.recipe), head, 999)
    const report = await applyWarmStart(fresh, {
      name: 'run 1',
      model: first.model,
      newHeadAllowed: false,
    })
    const saved = await loadModelFiles(first.model)
    const x = tf.tensor2d(job.test.x.values, [job.test.x.rows, job.test.x.width])
    const a = (await (fresh.predict(x) as tf.Tensor).data()) as Float32Array
    const b = (await (saved.predict(x) as tf.Tensor).data()) as Float32Array
    expect(report.freshLayers).toEqual([])
    expect(report.copiedLayers).toBeGreaterThan(1)
    expect(Array.from(a)).toEqual(Array.from(b))
    tf.dispose([x])
    fresh.dispose()
    saved.dispose()
  })

  it('continues training: the first epoch starts where the saved run ended, not from scratch', async () => {
    const again = await train({
      ...quick,
      recipe: { ...quick.recipe, training: { ...quick.recipe.training, epochs: 1 } },
      warmStart: { name: 'run 1', model: first.model, newHeadAllowed: false },
    })
    const fresh = await train({
      ...quick,
      recipe: { ...quick.recipe, training: { ...quick.recipe.training, epochs: 1 } },
    })
    const lossOf = (o: TrainingOutcome) => o.epochs[0]?.loss ?? Number.NaN
    // The warm run's first epoch is at least as good as the saved run's last one was.
    expect(lossOf(again)).toBeLessThan(lossOf(fresh))
    expect(lossOf(again)).toBeLessThan((first.epochs.at(-1)?.loss ?? 0) * 1.05)
  })

  it('refuses weights of another network, naming the layer that differs', async () => {
    const wider = {
      ...job.recipe.model,
      layers: job.recipe.model.layers.map((l) => (l.type === 'dense' ? { ...l, units: 7 } : l)),
    }
    const other = buildModel(wider, modelInputOf(job.recipe), head, 1)
    await expect(
      applyWarmStart(other, { name: 'run 1', model: first.model, newHeadAllowed: false }),
    ).rejects.toThrow(/Layer 1 of run 1 .* does not fit layer 1 of the network on the Model step/)
    other.dispose()
  })
})
