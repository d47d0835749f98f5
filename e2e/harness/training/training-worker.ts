// Runs in a dedicated module worker, as the studio trains: starts the requested backend, then
// trains through the studio's engine with every per-epoch feature on (schedule, early stopping
// with best weights, metrics, batch losses), counting tensors after each epoch; then three short
// runs with dropout, two on the same seed and one on another.
/// <reference types="vite/client" />
import '../../../src/workers/register-backends'
import * as tf from '@tensorflow/tfjs'
import { buildModel, compileModel, disposeModel } from '../../../src/core/model/build-model'
import { outputHead } from '../../../src/core/model/head'
import { layer, stackOf } from '../../../src/core/model/layer-catalogue'
import { tableInput } from '../../../src/core/model/model-input'
import { modelSpecOf } from '../../../src/core/model/model-spec'
import { createRng } from '../../../src/core/random'
import type { BackendName } from '../../../src/core/train/backend-names'
import { activateBackend } from '../../../src/core/train/backends'
import { trainModel, type Dataset, type TrainOptions } from '../../../src/core/train/engine'
import type { TrainConfig } from '../../../src/core/train/train-config'
import { validationFor } from '../../../src/core/train/validation-source'
import type { TrainingReply } from './training-protocol'

const post = (message: TrainingReply) => self.postMessage(message)
const head = outputHead({ column: 'y', task: 'binary', classes: ['no', 'yes'] })
const spec = modelSpecOf(
  stackOf([
    layer('dense', { units: 16 }),
    layer('dropout', { rate: 0.2 }),
    layer('dense', { units: 8 }),
  ]),
)
const runFreely = { shouldStop: () => false, waitWhilePaused: () => Promise.resolve() }

/** 80 seeded rows of 6 inputs; the label follows a noisy linear rule, so there is something to learn. */
function data(): Dataset {
  const rows = 80
  const width = 6
  const rng = createRng(99)
  const x = Float32Array.from({ length: rows * width }, () => rng() * 2 - 1)
  const y = Float32Array.from({ length: rows }, (_, r) => {
    const s = (x[r * width] as number) - (x[r * width + 1] as number) + (rng() - 0.5)
    return s > 0 ? 1 : 0
  })
  return { x: { values: x, rows, width }, y: { values: y, rows, width: 1 } }
}

async function train(
  config: TrainConfig,
  seed: number,
  onEpoch: () => void,
  options: TrainOptions,
) {
  const rows = validationFor(data(), null, config, seed)
  const model = buildModel(spec, tableInput(6), head, seed)
  try {
    compileModel(model, head, config)
    return await trainModel(
      model,
      rows.train,
      rows.validation,
      config,
      seed,
      runFreely,
      onEpoch,
      null,
      {
        task: 'binary',
        ...options,
      },
    )
  } finally {
    disposeModel(model)
  }
}

const base: TrainConfig = {
  optimizer: 'adam',
  learningRate: 0.02,
  // One batch an epoch (60 training rows): WebGPU on SwiftShader pays milliseconds a kernel call.
  batchSize: 64,
  epochs: 25,
  validation: 'from-training',
  validationShare: 0.25,
  schedule: { kind: 'step', every: 5, factor: 0.7 },
  // Patience longer than the run: all 25 epochs train and the best weights are put back.
  earlyStopping: { patience: 30, minDelta: 0, restoreBestWeights: true },
  metrics: ['accuracy', 'auc', 'precision', 'recall'],
}

async function memoryRun(): Promise<void> {
  const tensorsBefore = tf.memory().numTensors
  const tensorsPerEpoch: number[] = []
  const epochMs: number[] = []
  let last = performance.now()
  let batchChunks = 0
  const result = await train(
    base,
    3,
    () => {
      tensorsPerEpoch.push(tf.memory().numTensors)
      epochMs.push(Math.round(performance.now() - last))
      last = performance.now()
    },
    {
      onBatches: () => batchChunks++,
    },
  )
  post({
    type: 'report',
    report: {
      tensorsBefore,
      tensorsPerEpoch,
      tensorsAfter: tf.memory().numTensors,
      learningRates: result.epochs.map((e) => e.learningRate ?? Number.NaN),
      batchChunks,
      metricKeys: Object.keys(result.epochs.at(-1)?.metrics ?? {}),
      epochMs,
    },
  })
}

async function seedRuns(): Promise<void> {
  const config: TrainConfig = { ...base, epochs: 3, earlyStopping: null, schedule: undefined }
  const runs: { seed: number; losses: number[] }[] = []
  for (const seed of [7, 7, 8]) {
    const result = await train({ ...config, seed }, seed, () => undefined, {})
    runs.push({ seed, losses: result.epochs.flatMap((e) => [e.loss, e.valLoss ?? Number.NaN]) })
  }
  post({ type: 'report', report: { seedRuns: runs } })
}

self.onmessage = async (event: MessageEvent<{ backend: BackendName }>) => {
  const startError = await activateBackend(event.data.backend)
  post({ type: 'started', startError, backend: tf.getBackend() })
  let error: string | null = null
  if (startError === null) {
    try {
      await memoryRun()
      await seedRuns()
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
    }
  }
  post({ type: 'done', error })
}
