import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { layer, stackOf } from '../model/layer-catalogue'
import { modelSpecOf } from '../model/model-spec'
import { proposeModel } from '../model/templates'
import { modelInputOf } from '../recipe/model-input'
import { prepareTrainingJob } from '../recipe/prepare-job'
import { proposeRecipe } from '../recipe/propose'
import type { Recipe } from '../recipe/recipe-schema'
import type { Step } from '../recipe/step-schema'
import { inferTable } from '../table/infer-types'
import { parseDelimitedText } from '../table/parse-delimited'
import type { BackendRequest } from './backend-names'
import type { Checkpoint, CheckpointStore } from './checkpoint'
import type { TrainControl } from './engine'
import { runStudioTraining, type StudioRunEvent } from './studio-run'
import { runTrainingJob, type TrainingEvent, type TrainingJob } from './training-job'
import { bundledDataset, eventKinds, runFreely } from './train-test-kit'

// This file registers only the backends '@tensorflow/tfjs' brings to Node (CPU), as a plain Node
// process without a GPU has: WebGPU, WebGL and WASM are all unavailable here.
const EPOCHS = 3

const german = bundledDataset('GermanCredit.csv')
const proposed = proposeRecipe(german, 'GermanCredit.csv', 'Class')
const recipe: Recipe = { ...proposed, training: { ...proposed.training, epochs: EPOCHS } }

async function events(job: TrainingJob): Promise<TrainingEvent[]> {
  const seen: TrainingEvent[] = []
  await runTrainingJob(job, runFreely, (event) => seen.push(event))
  return seen
}

function jobFor(backend: BackendRequest): TrainingJob {
  return prepareTrainingJob(recipe, german, backend).job
}

function done(seen: TrainingEvent[]) {
  const last = seen.at(-1)
  if (last?.type !== 'done') throw new Error(`the run ended with ${JSON.stringify(last)}`)
  return last.outcome
}

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe('runTrainingJob', () => {
  it('on CPU reports the backend, then every epoch, then the finished model', async () => {
    const job = jobFor('cpu')
    const seen = await events(job)
    expect(eventKinds(seen)).toEqual(['backend', 'epoch', 'epoch', 'epoch', 'done'])
    const [first] = seen
    if (first?.type !== 'backend') throw new Error('backend first')
    expect(first.choice).toEqual({ backend: 'cpu', requested: 'cpu', probes: [], notes: [] })

    const epochs = seen.flatMap((e) => (e.type === 'epoch' ? [e] : []))
    expect(epochs.map((e) => e.log.epoch)).toEqual([1, 2, 3])
    expect(new Set(epochs.map((e) => e.tensors)).size).toBe(1)

    const outcome = done(seen)
    expect(outcome.backend).toBe('cpu')
    expect(outcome.stoppedEarly).toBe(false)
    expect(outcome.epochs.map((l) => l.loss)).toEqual(epochs.map((e) => e.log.loss))
    expect(outcome.testOutputs).toHaveLength(job.test.x.rows)
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore)
    expect(tf.memory().numTensors).toBe(outcome.tensorsBefore)
    const modelJson = JSON.parse(outcome.model.modelJson) as { format: string }
    expect(modelJson.format).toBe('layers-model')
    expect(outcome.model.weights.byteLength).toBeGreaterThan(0)
  })

  it('falls back from WebGPU where the platform has none, with a note naming WebGPU', async () => {
    const seen = await events(jobFor('webgpu'))
    const [first] = seen
    if (first?.type !== 'backend') throw new Error(`expected a backend event, got ${first?.type}`)
    const { choice } = first
    expect(choice.requested).toBe('webgpu')
    expect(choice.backend).toBe('cpu')
    expect(choice.notes[0]).toMatch(/^WebGPU could not start: this browser does not offer WebGPU/)
    expect(choice.notes.every((note) => note.endsWith('Trying the next backend.'))).toBe(true)
    const outcome = done(seen)
    expect(outcome.backend).toBe('cpu')
    expect(outcome.tensorsAfter).toBe(outcome.tensorsBefore)
  })

  it('on auto measures every backend that starts and says why the others did not', async () => {
    const seen = await events(jobFor('auto'))
    const [first] = seen
    if (first?.type !== 'backend') throw new Error(`expected a backend event, got ${first?.type}`)
    const probes = Object.fromEntries(first.choice.probes.map((p) => [p.backend, p]))
    expect(Object.keys(probes)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu'])
    expect(probes.webgpu?.error).toMatch(/does not offer WebGPU/)
    expect(probes.wasm?.error).toMatch(/not part of this build/)
    expect(probes.cpu?.error).toBeNull()
    expect(probes.cpu?.samplesPerSecond).toBeGreaterThan(0)
    expect(first.choice.backend).toBe('cpu')
    expect(done(seen).tensorsAfter).toBe(done(seen).tensorsBefore)
  })

  it('on auto measures and trains a network that reads the rows as sequences', async () => {
    // The MSFT price windows (the date dropped, as the Model step's note advises): an LSTM.
    const { table: stocks, types } = inferTable(bundledDataset('stocks.csv'))
    const series = proposeRecipe(stocks, 'stocks.csv', 'price', 42, types)
    const steps = series.steps.map((s): Step =>
      s.op === 'date-parts'
        ? { id: s.id, enabled: true, op: 'drop-columns', columns: ['date'] }
        : s,
    )
    const draft = { ...series, steps, training: { ...series.training, epochs: 1 } }
    const input = modelInputOf(prepareTrainingJob(draft, stocks, 'auto').job.recipe)
    expect(input.kind).toBe('sequence')
    const { job } = prepareTrainingJob({ ...draft, model: proposeModel(input) }, stocks, 'auto')
    const seen = await events(job)
    const [first] = seen
    if (first?.type !== 'backend') throw new Error(`expected a backend event, got ${first?.type}`)
    const cpu = first.choice.probes.find((p) => p.backend === 'cpu')
    expect(cpu?.error).toBeNull()
    expect(cpu?.samplesPerSecond).toBeGreaterThan(0)
    expect(done(seen).epochs).toHaveLength(1)
  })

  it('reports a diverging run as diverged, with advice, and releases its tensors', async () => {
    const credit = bundledDataset('CreditCard.csv')
    const regression = proposeRecipe(credit, 'CreditCard.csv', 'income')
    const { job } = prepareTrainingJob(
      { ...regression, training: { ...regression.training, epochs: 2 } },
      credit,
      'cpu',
    )
    // A target left unscaled at 1e30 (as if the scaling step were skipped) overflows the loss.
    const unscaled: TrainingJob = {
      ...job,
      train: { ...job.train, y: { ...job.train.y, values: job.train.y.values.map(() => 1e30) } },
    }
    const before = tf.memory().numTensors
    const seen = await events(unscaled)
    expect(eventKinds(seen)).toEqual(['backend', 'error'])
    const error = seen.at(-1)
    if (error?.type !== 'error') throw new Error('expected an error event')
    expect(error.diverged).toBe(true)
    expect(error.message).toMatch(/training diverged\. Lower the learning rate/)
    expect(tf.memory().numTensors).toBe(before)
  })
})

/** Checkpoints kept in a Map: the store contract as the worker's IndexedDB store keeps it. */
function memoryStore(): CheckpointStore & { readonly saved: Map<string, Checkpoint> } {
  const saved = new Map<string, Checkpoint>()
  return {
    saved,
    load: (runId) => Promise.resolve(saved.get(runId)),
    save: (checkpoint) => {
      // A copy, as IndexedDB keeps one: later epochs must not reach into it.
      saved.set(checkpoint.runId, structuredClone(checkpoint))
      return Promise.resolve()
    },
  }
}

describe('runTrainingJob with a run id', () => {
  it('checkpoints every epoch, and a resumed job goes on from the last one', async () => {
    const prepared = jobFor('cpu')
    const training = { ...prepared.recipe.training, epochs: 3 }
    const job = { ...prepared, recipe: { ...prepared.recipe, training } }
    const unbroken = done(await events(job)).epochs.map((l) => l.loss)

    // The first run ends after epoch 2, as a page that closes would leave it.
    const store = memoryStore()
    let epochsSeen = 0
    const closing: TrainControl = {
      shouldStop: () => epochsSeen >= 2,
      waitWhilePaused: () => Promise.resolve(),
    }
    const first: TrainingEvent[] = []
    await runTrainingJob(
      { ...job, runId: 'run-a' },
      closing,
      (e) => {
        if (e.type === 'epoch') epochsSeen += 1
        first.push(e)
      },
      store,
    )
    expect(first.filter((e) => e.type === 'checkpoint')).toEqual([
      { type: 'checkpoint', epoch: 1 },
      { type: 'checkpoint', epoch: 2 },
    ])
    expect(store.saved.get('run-a')?.state.epoch).toBe(2)

    const before = tf.memory().numTensors
    const resumed: TrainingEvent[] = []
    await runTrainingJob(
      { ...job, runId: 'run-a', resume: true },
      runFreely,
      (e) => resumed.push(e),
      store,
    )
    // Epochs 1–2 come back from the checkpoint for the curves; epoch 3 is trained.
    const logs = resumed.flatMap((e) => (e.type === 'epoch' ? [e.log] : []))
    expect(logs.map((l) => l.epoch)).toEqual([1, 2, 3])
    expect(resumed.filter((e) => e.type === 'checkpoint')).toEqual([
      { type: 'checkpoint', epoch: 3 },
    ])
    const outcome = done(resumed)
    expect(outcome.epochs.map((l) => l.epoch)).toEqual([1, 2, 3])
    outcome.epochs.forEach((l, i) => expect(l.loss).toBeCloseTo(unbroken[i] ?? Number.NaN, 6))
    expect(tf.memory().numTensors).toBe(before)
  })

  it('refuses to resume a run whose checkpoint is gone, saying to start again', async () => {
    const seen = await new Promise<TrainingEvent[]>((resolve) => {
      const all: TrainingEvent[] = []
      void runTrainingJob(
        { ...jobFor('cpu'), runId: 'never-saved', resume: true },
        runFreely,
        (e) => all.push(e),
        memoryStore(),
      ).then(() => resolve(all))
    })
    expect(seen).toEqual([
      {
        type: 'error',
        message:
          'The checkpoint of this run is gone (the browser may have cleared its storage). Start training again.',
        diverged: false,
      },
    ])
  })
})

describe('runTrainingJob refuses a network that does not fit the data', () => {
  it('stops before measuring any backend, with the words the Model step shows', async () => {
    const job = jobFor('auto')
    const lstm = modelSpecOf(stackOf([layer('lstm')]))
    const before = tf.memory().numTensors
    const seen = await events({ ...job, recipe: { ...job.recipe, model: lstm } })
    expect(eventKinds(seen)).toEqual(['error'])
    const error = seen[0]
    if (error?.type !== 'error') throw new Error('expected an error event')
    expect(error.diverged).toBe(false)
    expect(error.message).toMatch(/^The model cannot be trained: LSTM \(layer 1\) reads a sequence/)
    expect(tf.memory().numTensors).toBe(before)
  })
})

describe('runStudioTraining', () => {
  it('scores the test rows beside a baseline that ignores the inputs', async () => {
    const seen: StudioRunEvent[] = []
    await runStudioTraining({ recipe, table: german, backend: 'cpu' }, runFreely, (e) =>
      seen.push(e),
    )
    const last = seen.at(-1)
    if (last?.type !== 'done') throw new Error(`the run ended with ${JSON.stringify(last)}`)
    const { result } = last
    expect(result.testRows).toHaveLength(100)
    expect(result.recipe.features?.length).toBeGreaterThan(0)
    expect(result.recipe.steps.every((s) => !('fitted' in s) || s.fitted !== undefined)).toBe(true)
    expect(result.metrics.map((m) => m.key)).toEqual([
      'accuracy',
      'precision',
      'recall',
      'f1',
      'auc',
      'prAuc',
      'logLoss',
      'brier',
    ])
    const baseline = Object.fromEntries(result.baselineMetrics.map((m) => [m.key, m.value]))
    // The prior predicts P(Bad) = 0.3 for every row: below 0.5, so it never says "Bad", and a
    // constant score ranks nothing (AUC exactly one half); 70 of the 100 test rows are Good.
    expect(baseline.auc).toBe(0.5)
    expect(baseline.recall).toBe(0)
    expect(baseline.accuracy).toBeCloseTo(0.7, 10)
  })

  it('reports a table with too few labelled rows as an error that asks for more rows', async () => {
    const { table } = parseDelimitedText('x,y\n1,a\n2,b\n3,\n')
    const small = proposeRecipe(table, 't', 'y')
    const seen: StudioRunEvent[] = []
    await runStudioTraining({ recipe: small, table, backend: 'cpu' }, runFreely, (e) =>
      seen.push(e),
    )
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ type: 'error', diverged: false })
    expect(seen[0]?.type === 'error' && seen[0].message).toMatch(/too few to train.*Load more rows/)
  })
})
