// The benchmark's worker: a dedicated module worker like the studio's train worker, with the same
// backend registration. It times the studio's engine against a bare `model.fit`, and runs whole
// studio trainings exactly as src/workers/train-worker.ts does.
import '../../src/workers/register-backends'
import * as tf from '@tensorflow/tfjs'
import { buildModel, compileModel, disposeModel } from '../../src/core/model/build-model'
import { outputHead } from '../../src/core/model/head'
import { tableInput } from '../../src/core/model/model-input'
import { prepareTrainingJob } from '../../src/core/recipe/prepare-job'
import type { Recipe } from '../../src/core/recipe/recipe-schema'
import type { Table } from '../../src/core/table/table'
import { BACKEND_LABELS, type BackendName } from '../../src/core/train/backend-names'
import { activateBackend } from '../../src/core/train/backends'
import { createRng, shuffleInPlace } from '../../src/core/random'
import { trainModel, type Dataset, type TrainControl } from '../../src/core/train/engine'
import { runStudioTraining } from '../../src/core/train/studio-run'
import type { TrainingJob } from '../../src/core/train/training-job'
import type {
  BackendBench,
  BenchCommand,
  BenchReply,
  DiagnosticPath,
  Machine,
  Timing,
} from './protocol'

const post = (message: BenchReply) => self.postMessage(message)
const progress = (text: string) => post({ type: 'progress', text })

/** Never paused, never stopped: the control the studio passes while a run goes undisturbed. */
const control: TrainControl = {
  shouldStop: () => false,
  waitWhilePaused: () => Promise.resolve(),
}

function timing(rows: number, epochs: number, ms: number): Timing {
  return { ms, samplesPerSecond: (rows * epochs * 1000) / ms }
}

function tensor(m: Dataset['x']): tf.Tensor2D {
  return tf.tensor2d(m.values, [m.rows, m.width])
}

type Config = TrainingJob['recipe']['training']

/**
 * Builds and compiles a fresh seeded model (left out of the time: the same in every path), times
 * `train` on it, and disposes of it. Every path below differs only in how it trains.
 */
async function timedOnFreshModel(
  job: TrainingJob,
  epochs: number,
  train: (model: tf.LayersModel, config: Config) => Promise<void>,
): Promise<number> {
  const { recipe } = job
  const head = outputHead(recipe.target)
  const config = { ...recipe.training, epochs }
  const model = buildModel(recipe.model, tableInput(job.train.x.width), head, recipe.seed)
  try {
    compileModel(model, head, config)
    const start = performance.now()
    await train(model, config)
    return performance.now() - start
  } finally {
    disposeModel(model)
  }
}

/** The four matrices of a job as tensors, disposed of once `train` is done with them. */
async function withTensors(
  job: TrainingJob,
  train: (x: tf.Tensor2D, y: tf.Tensor2D, vx: tf.Tensor2D, vy: tf.Tensor2D) => Promise<void>,
): Promise<void> {
  const [x, y, vx, vy] = [job.train.x, job.train.y, job.validation.x, job.validation.y].map(
    tensor,
  ) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D]
  try {
    await train(x, y, vx, vy)
  } finally {
    tf.dispose([x, y, vx, vy])
  }
}

/**
 * The studio's engine, as `runTrainingJob` calls it: `trainModel` over the training rows with
 * the validation rows, the memory figures read after every epoch.
 */
function engineRun(job: TrainingJob, epochs: number): Promise<number> {
  return timedOnFreshModel(job, epochs, async (model, config) => {
    let tensors = 0
    await trainModel(model, job.train, job.validation, config, job.recipe.seed, control, () => {
      tensors = tf.memory().numTensors
    })
    if (tensors === 0) throw new Error('the engine reported no epoch')
  })
}

/**
 * The same model trained by one plain `model.fit` call on tensors, with tfjs' own shuffle. (No
 * `verbose`: in a browser tfjs registers no progress logger, as in the engine's calls.)
 */
function bareRun(job: TrainingJob, epochs: number): Promise<number> {
  return timedOnFreshModel(job, epochs, (model, config) =>
    withTensors(job, async (x, y, vx, vy) => {
      await model.fit(x, y, {
        epochs,
        batchSize: config.batchSize,
        shuffle: true,
        validationData: [vx, vy],
      })
    }),
  )
}

/** Diagnostic: bare `model.fit` once per epoch, losses read after each call as the engine does. */
function epochwiseRun(job: TrainingJob, epochs: number): Promise<number> {
  return timedOnFreshModel(job, epochs, (model, config) =>
    withTensors(job, async (x, y, vx, vy) => {
      for (let epoch = 0; epoch < epochs; epoch++) {
        const history = await model.fit(x, y, {
          epochs: 1,
          batchSize: config.batchSize,
          shuffle: true,
          validationData: [vx, vy],
        })
        if (history.history.loss === undefined) throw new Error('no loss')
      }
    }),
  )
}

/** Rows of a matrix in the given order, copied on the host. */
function permuteRows(m: Dataset['x'], order: Int32Array, into: Float32Array): Float32Array {
  for (let i = 0; i < order.length; i++) {
    const from = (order[i] ?? 0) * m.width
    into.set(m.values.subarray(from, from + m.width), i * m.width)
  }
  return into
}

/** Diagnostic: the engine's seeded per-epoch shuffle done on the host and uploaded, no gather. */
function hostShuffleRun(job: TrainingJob, epochs: number): Promise<number> {
  return timedOnFreshModel(job, epochs, async (model, config) => {
    const { x, y } = job.train
    const [vx, vy] = [tensor(job.validation.x), tensor(job.validation.y)]
    const rng = createRng(job.recipe.seed ^ 0x5eed)
    const order = Int32Array.from({ length: x.rows }, (_, i) => i)
    const [xBuffer, yBuffer] = [
      new Float32Array(x.values.length),
      new Float32Array(y.values.length),
    ]
    try {
      for (let epoch = 0; epoch < epochs; epoch++) {
        shuffleInPlace(order, rng)
        const xs = tf.tensor2d(permuteRows(x, order, xBuffer), [x.rows, x.width])
        const ys = tf.tensor2d(permuteRows(y, order, yBuffer), [y.rows, y.width])
        try {
          const history = await model.fit(xs, ys, {
            epochs: 1,
            batchSize: config.batchSize,
            shuffle: false,
            validationData: [vx, vy],
          })
          if (history.history.loss === undefined) throw new Error('no loss')
        } finally {
          tf.dispose([xs, ys])
        }
      }
    } finally {
      tf.dispose([vx, vy])
    }
  })
}

/**
 * Diagnostic: what the engine's per-epoch reordering costs on its own: a seeded shuffle, the
 * index upload and `tf.gather` of x and y, as in trainModel, repeated and timed together (the
 * last result is read so that queued GPU work is counted).
 */
async function gatherCost(job: TrainingJob, repeats: number): Promise<number> {
  const { x, y } = job.train
  const [xAll, yAll] = [tensor(x), tensor(y)]
  const rng = createRng(1)
  const order = Int32Array.from({ length: x.rows }, (_, i) => i)
  const once = () =>
    tf.tidy(() => {
      shuffleInPlace(order, rng)
      const index = tf.tensor1d(order, 'int32')
      return [tf.gather(xAll, index), tf.gather(yAll, index)]
    })
  try {
    tf.dispose(once())
    await xAll.data()
    const start = performance.now()
    let last: tf.Tensor[] = []
    for (let i = 0; i < repeats; i++) {
      tf.dispose(last)
      last = once()
    }
    await Promise.all(last.map((t) => t.data()))
    tf.dispose(last)
    return (performance.now() - start) / repeats
  } finally {
    tf.dispose([xAll, yAll])
  }
}

type PathName = 'engine' | 'bare' | DiagnosticPath

const RUNS: Record<PathName, (job: TrainingJob, epochs: number) => Promise<number>> = {
  engine: engineRun,
  bare: bareRun,
  epochwise: epochwiseRun,
  'host-shuffle': hostShuffleRun,
}

async function benchBackend(
  backend: BackendName,
  epochs: number,
  rounds: number,
  diagnose: boolean,
  table: Table,
  recipe: Recipe,
): Promise<BackendBench> {
  const { job } = prepareTrainingJob(recipe, table, backend)
  const rows = job.train.x.rows
  const result = {
    backend,
    error: null as string | null,
    startMs: null as number | null,
    epochs,
    warmUpMs: null as number | null,
    engine: [] as Timing[],
    bare: [] as Timing[],
    diagnostics: { epochwise: [] as Timing[], 'host-shuffle': [] as Timing[] },
    gatherMs: null as number | null,
    tensorsBefore: null as number | null,
    tensorsAfter: null as number | null,
    notes: [] as string[],
  }
  const label = BACKEND_LABELS[backend]
  progress(`${label}: starting the backend`)
  const started = performance.now()
  const error = await activateBackend(backend)
  if (error !== null) return { ...result, error }
  result.startMs = performance.now() - started
  if (backend === 'wasm') {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')
    const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')
    result.notes.push(`SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off'}`)
  }
  try {
    result.tensorsBefore = tf.memory().numTensors
    // Shaders compile on first use of each shape (full batches, the last validation batch): one
    // untimed epoch through each path pays for that before anything is timed.
    const paths: PathName[] = [
      'engine',
      'bare',
      ...(diagnose ? (['epochwise', 'host-shuffle'] as const) : []),
    ]
    progress(`${label}: warm-up (1 epoch through each of ${paths.join(', ')})`)
    const warm = performance.now()
    for (const path of paths) await RUNS[path](job, 1)
    result.warmUpMs = performance.now() - warm
    // The order turns from round to round (AB BA AB … for two paths) so that slow drift (heat,
    // other load) falls on every path alike; each round's runs are also compared pairwise.
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? paths : [...paths].reverse()
      for (const path of order) {
        const t = timing(rows, epochs, await RUNS[path](job, epochs))
        if (path === 'engine' || path === 'bare') result[path].push(t)
        else result.diagnostics[path].push(t)
      }
      const last = (list: Timing[]) => list.at(-1)?.samplesPerSecond.toFixed(0) ?? '?'
      const figures = paths.map(
        (p) => `${p} ${last(p === 'engine' || p === 'bare' ? result[p] : result.diagnostics[p])}`,
      )
      progress(`${label}: round ${round + 1}/${rounds}: ${figures.join(', ')} samples/s`)
    }
    if (diagnose) result.gatherMs = await gatherCost(job, 50)
    result.tensorsAfter = tf.memory().numTensors
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e)
  }
  return result
}

/** One whole studio run as the train worker does it; resolves with the engine's training time. */
function studioRun(table: Table, recipe: Recipe, backend: BackendName): Promise<number> {
  return new Promise((resolve, reject) => {
    void runStudioTraining({ recipe, table, backend }, control, (event) => {
      if (event.type === 'error') reject(new Error(event.message))
      else if (event.type === 'backend' && event.choice.backend !== backend)
        reject(new Error(`the studio run fell back to ${event.choice.backend}`))
      else if (event.type === 'done')
        resolve(event.result.outcome.epochs.at(-1)?.elapsedMs ?? Number.NaN)
    })
  })
}

async function webgpuAdapter(): Promise<string | null> {
  try {
    const adapter = await navigator.gpu.requestAdapter()
    if (!adapter) return 'no adapter'
    const { vendor, architecture, device, description } = adapter.info
    return [vendor, architecture, device, description].filter((s) => s !== '').join(' / ') || '?'
  } catch {
    return null
  }
}

function webglRenderer(): string | null {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2')
    if (!gl) return null
    const info = gl.getExtension('WEBGL_debug_renderer_info')
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
  } catch {
    return null
  }
}

async function handle(command: BenchCommand): Promise<BenchReply> {
  switch (command.type) {
    case 'machine': {
      const machine: Machine = {
        userAgent: navigator.userAgent,
        hardwareConcurrency: navigator.hardwareConcurrency,
        webgpuAdapter: await webgpuAdapter(),
        webglRenderer: webglRenderer(),
      }
      return { type: 'machine', machine }
    }
    case 'backend': {
      const { backend, epochs, rounds, diagnose, table, recipe } = command
      return {
        type: 'backend',
        bench: await benchBackend(backend, epochs, rounds, diagnose, table, recipe),
      }
    }
    case 'studio':
      return {
        type: 'studio',
        trainMs: await studioRun(command.table, command.recipe, command.backend),
      }
  }
}

self.addEventListener('message', (event: MessageEvent<BenchCommand>) => {
  handle(event.data).then(post, (error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  )
})
