// Runs in a dedicated module worker, as the studio trains: starts the requested backend, trains
// a small seeded table with checkpoints to IndexedDB, and after epoch 2's checkpoint breaks the
// backend for real (WebGL: WEBGL_lose_context on tfjs' own context; WebGPU: device.destroy()).
/// <reference types="vite/client" />
import '../../../src/workers/register-backends'
import * as tf from '@tensorflow/tfjs'
import { studioDb } from '../../../src/core/project/studio-db'
import { createRng } from '../../../src/core/random'
import { prepareTrainingJob } from '../../../src/core/recipe/prepare-job'
import { proposeRecipe } from '../../../src/core/recipe/propose'
import type { Table } from '../../../src/core/table/table'
import type { BackendName } from '../../../src/core/train/backend-names'
import type { TrainControl } from '../../../src/core/train/engine'
import { runTrainingJob, type TrainingEvent } from '../../../src/core/train/training-job'
import { indexedDbCheckpoints } from '../../../src/workers/checkpoint-store'
import type { Fault, FaultsReply, FaultsReport } from './faults-protocol'

const ROWS = 320
const FEATURES = 6
const EPOCHS = 4

/** A seeded table whose class follows its first two columns: a model learns it in a few epochs. */
function seededTable(): Table {
  const rng = createRng(7)
  const features = Array.from({ length: FEATURES }, () => new Float64Array(ROWS))
  const codes = new Int32Array(ROWS)
  for (let r = 0; r < ROWS; r++) {
    features.forEach((column) => (column[r] = rng() * 2 - 1))
    codes[r] = (features[0]?.[r] ?? 0) + (features[1]?.[r] ?? 0) > 0 ? 1 : 0
  }
  return {
    rowCount: ROWS,
    columns: [
      ...features.map((values, i) => ({ name: `x${i + 1}`, kind: 'numeric' as const, values })),
      { name: 'label', kind: 'categorical', codes, categories: ['no', 'yes'] },
    ],
  }
}

function breakBackend(fault: Fault): void {
  const backend = tf.backend() as unknown as {
    gpgpu?: { gl: WebGL2RenderingContext }
    device?: { destroy: () => void }
  }
  if (fault === 'lose-webgl-context') {
    const gl = backend.gpgpu?.gl
    const lose = gl?.getExtension('WEBGL_lose_context')
    if (!lose) throw new Error('tfjs has no WebGL context with WEBGL_lose_context here')
    lose.loseContext()
  } else {
    if (!backend.device) throw new Error('tfjs runs no WebGPU device here')
    backend.device.destroy()
  }
}

// One macrotask hop per epoch, as the studio's training worker does.
const hop = new MessageChannel()
const control: TrainControl = {
  shouldStop: () => false,
  waitWhilePaused: () =>
    new Promise((resolve) => {
      hop.port1.onmessage = () => resolve()
      hop.port2.postMessage(null)
    }),
}

self.onmessage = async (message: MessageEvent<{ backend: BackendName; fault: Fault }>) => {
  const { backend, fault } = message.data
  const table = seededTable()
  const proposed = proposeRecipe(table, 'faults', 'label')
  const recipe = {
    ...proposed,
    training: { ...proposed.training, epochs: EPOCHS, batchSize: 64, learningRate: 0.01 },
  }
  const runId = `faults-${backend}`
  const report: {
    -readonly [K in keyof FaultsReport]: FaultsReport[K]
  } = {
    requested: backend,
    events: [],
    fallback: null,
    checkpoints: [],
    losses: [],
    finishedOn: null,
    tensorsBefore: null,
    tensorsAfter: null,
    tensorsAtEnd: null,
    storedEpoch: null,
    error: null,
    done: false,
  }
  const post = (type: FaultsReply['type']) => self.postMessage({ type, report: { ...report } })
  const onEvent = (event: TrainingEvent) => {
    report.events.push(
      event.type === 'epoch' ? `epoch ${event.log.epoch} ${event.log.backend ?? '?'}` : event.type,
    )
    if (event.type === 'checkpoint') {
      report.checkpoints.push(event.epoch)
      if (event.epoch === 2) breakBackend(fault)
    }
    if (event.type === 'fallback') {
      const { from, to, epoch, reason } = event
      report.fallback = { from, to, epoch, reason }
    }
    if (event.type === 'done') {
      const { outcome } = event
      report.finishedOn = outcome.backend
      report.losses = outcome.epochs.map((l) => l.loss)
      report.tensorsBefore = outcome.tensorsBefore
      report.tensorsAfter = outcome.tensorsAfter
    }
    if (event.type === 'error') report.error = event.message
    post('update')
  }
  try {
    const { job } = prepareTrainingJob(recipe, table, backend)
    await runTrainingJob({ ...job, runId }, control, onEvent, indexedDbCheckpoints)
    report.tensorsAtEnd = tf.memory().numTensors
    const stored = await (await studioDb()).get('checkpoints', runId)
    report.storedEpoch = stored?.state.epoch ?? null
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error)
  }
  report.done = true
  post('done')
}
