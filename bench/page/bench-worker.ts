// The benchmark's worker: a dedicated module worker like the studio's train worker, with the same
// backend registration. It times the studio's engine against a bare `model.fit`, and runs whole
// studio trainings exactly as src/workers/train-worker.ts does.
import '../../src/workers/register-backends'
import * as tf from '@tensorflow/tfjs'
import { buildModel, compileModel, disposeModel } from '../../src/core/model/build-model'
import { outputHead } from '../../src/core/model/head'
import { modelInputOf } from '../../src/core/recipe/model-input'
import { prepareTrainingJob } from '../../src/core/recipe/prepare-job'
import type { Recipe } from '../../src/core/recipe/recipe-schema'
import type { Table } from '../../src/core/table/table'
import { BACKEND_LABELS, type BackendName } from '../../src/core/train/backend-names'
import { activateBackend, chooseBackend } from '../../src/core/train/backends'
import { createRng, shuffleInPlace } from '../../src/core/random'
import {
  inputTensor,
  trainModel,
  type Dataset,
  type EpochLog,
  type TrainControl,
} from '../../src/core/train/engine'
import { measureTrainingSpeed } from '../../src/core/train/probe'
import { runStudioTraining } from '../../src/core/train/studio-run'
import type { TrainingJob } from '../../src/core/train/training-job'
import type {
  BackendBench,
  BenchCommand,
  BenchReply,
  DiagnosticPath,
  Machine,
  ProbeRun,
  Timing,
} from './protocol'
import { DIAGNOSTIC_PATHS } from './protocol'

const post = (message: BenchReply) => self.postMessage(message)
const progress = (text: string) => post({ type: 'progress', text })

/** Never paused, never stopped: the control the studio passes while a run goes undisturbed. */
const control: TrainControl = {
  shouldStop: () => false,
  waitWhilePaused: () => Promise.resolve(),
}

/** What one path's run reports: its wall time and, where it read them, the last epoch's losses. */
interface Run {
  readonly ms: number
  readonly loss?: number
  readonly valLoss?: number | null
}

function timing(rows: number, epochs: number, run: Run): Timing {
  return { ...run, samplesPerSecond: (rows * epochs * 1000) / run.ms }
}

function tensor(m: Dataset['x']): tf.Tensor2D {
  return tf.tensor2d(m.values, [m.rows, m.width])
}

type Config = TrainingJob['recipe']['training']
type Losses = Omit<Run, 'ms'>

/**
 * Builds and compiles a fresh seeded model (left out of the time: the same in every path), times
 * `train` on it, and disposes of it. Every path below differs only in how it trains.
 */
async function timedOnFreshModel(
  job: TrainingJob,
  epochs: number,
  train: (model: tf.LayersModel, config: Config) => Promise<Losses>,
  batchSize = job.recipe.training.batchSize,
): Promise<Run> {
  const { recipe } = job
  const head = outputHead(recipe.target, recipe.model)
  const config = { ...recipe.training, epochs, batchSize }
  const model = buildModel(recipe.model, modelInputOf(recipe), head, recipe.seed)
  try {
    compileModel(model, head, config)
    const start = performance.now()
    const losses = await train(model, config)
    return { ms: performance.now() - start, ...losses }
  } finally {
    disposeModel(model)
  }
}

/** The four matrices of a job as the model reads them, disposed of once `train` is done. */
async function withTensors<T>(
  job: TrainingJob,
  model: tf.LayersModel,
  train: (x: tf.Tensor, y: tf.Tensor2D, vx: tf.Tensor, vy: tf.Tensor2D) => Promise<T>,
): Promise<T> {
  const x = inputTensor(model, job.train.x)
  const y = tensor(job.train.y)
  const vx = inputTensor(model, job.validation.x)
  const vy = tensor(job.validation.y)
  try {
    return await train(x, y, vx, vy)
  } finally {
    tf.dispose([x, y, vx, vy])
  }
}

const lossesOf = (log: EpochLog | undefined): Losses => ({
  loss: log?.loss ?? Number.NaN,
  valLoss: log?.valLoss ?? null,
})

/**
 * The studio's engine, as `runTrainingJob` calls it: `trainModel` over the training rows with
 * the validation rows, the memory figures read after every epoch. `batchSize` other than the
 * recipe's: the batch-size diagnostics.
 */
function engineRun(job: TrainingJob, epochs: number, batchSize?: number): Promise<Run> {
  return timedOnFreshModel(
    job,
    epochs,
    async (model, config) => {
      let tensors = 0
      const { epochs: logs } = await trainModel(
        model,
        job.train,
        job.validation,
        config,
        job.recipe.seed,
        control,
        () => {
          tensors = tf.memory().numTensors
        },
      )
      if (tensors === 0) throw new Error('the engine reported no epoch')
      return lossesOf(logs.at(-1))
    },
    batchSize,
  )
}

/**
 * The same model trained by one plain `model.fit` call on tensors, with tfjs' own shuffle. (No
 * `verbose`: in a browser tfjs registers no progress logger, as in the engine's calls.)
 */
function bareRun(job: TrainingJob, epochs: number): Promise<Run> {
  return timedOnFreshModel(job, epochs, (model, config) =>
    withTensors(job, model, async (x, y, vx, vy) => {
      const history = await model.fit(x, y, {
        epochs,
        batchSize: config.batchSize,
        shuffle: true,
        validationData: [vx, vy],
      })
      return lossesOf({
        loss: Number(history.history.loss?.at(-1)),
        valLoss: Number(history.history.val_loss?.at(-1)),
      } as EpochLog)
    }),
  )
}

/** Diagnostic: bare `model.fit` once per epoch, losses read after each call as the engine does. */
function epochwiseRun(job: TrainingJob, epochs: number): Promise<Run> {
  return timedOnFreshModel(job, epochs, (model, config) =>
    withTensors(job, model, async (x, y, vx, vy) => {
      for (let epoch = 0; epoch < epochs; epoch++) {
        const history = await model.fit(x, y, {
          epochs: 1,
          batchSize: config.batchSize,
          shuffle: true,
          validationData: [vx, vy],
        })
        if (history.history.loss === undefined) throw new Error('no loss')
      }
      return {}
    }),
  )
}

/**
 * Keeps every batch's loss tensor as `fit` hands it over, without reading it: a tf.Callback
 * (unlike the callbacks object `fit` wraps) sees the logs before tfjs resolves them to numbers,
 * and `fit` adds no yield to the animation frame for it.
 */
class KeptBatchLosses extends tf.Callback {
  kept: tf.Tensor[] = []
  override onBatchEnd(_batch: number, logs?: tf.Logs): Promise<void> {
    const loss = (logs as Record<string, unknown> | undefined)?.loss
    if (loss instanceof tf.Tensor) this.kept.push(tf.clone(loss as tf.Scalar))
    return Promise.resolve()
  }
  /** All batches' losses of the epoch in one read. */
  async read(): Promise<Float32Array> {
    const stacked = tf.stack(this.kept)
    try {
      return (await stacked.data()) as Float32Array
    } finally {
      tf.dispose([stacked, ...this.kept])
      this.kept = []
    }
  }
}

/**
 * Diagnostic: the engine's loop (seeded gather, one `fit` per epoch, losses read from the
 * history) with one thing changed: no yields (`never-yield`), each batch's loss read in an
 * `onBatchEnd` callback (`batch-sync`), or each batch's loss kept and read once per epoch
 * (`batch-kept`).
 */
function engineLoopRun(
  job: TrainingJob,
  epochs: number,
  variant: 'never-yield' | 'batch-sync' | 'batch-kept',
): Promise<Run> {
  return timedOnFreshModel(job, epochs, (model, config) =>
    withTensors(job, model, async (xAll, yAll, vx, vy) => {
      const rng = createRng(job.recipe.seed ^ 0x5eed)
      const order = Int32Array.from({ length: job.train.x.rows }, (_, i) => i)
      const batchLosses: number[] = []
      const kept = new KeptBatchLosses()
      let losses: Losses = {}
      for (let epoch = 0; epoch < epochs; epoch++) {
        shuffleInPlace(order, rng)
        const [xs, ys] = tf.tidy(() => {
          const index = tf.tensor1d(order, 'int32')
          return [tf.gather(xAll, index), tf.gather(yAll, index)]
        })
        try {
          const history = await model.fit(xs, ys, {
            epochs: 1,
            batchSize: config.batchSize,
            shuffle: false,
            validationData: [vx, vy],
            ...(variant === 'never-yield' && { yieldEvery: 'never' as const }),
            ...(variant === 'batch-sync' && {
              callbacks: {
                onBatchEnd: (_batch: number, logs?: tf.Logs) => {
                  batchLosses.push(logs?.loss ?? Number.NaN)
                  return Promise.resolve()
                },
              },
            }),
            ...(variant === 'batch-kept' && { callbacks: [kept] }),
          })
          if (variant === 'batch-kept') batchLosses.push(...(await kept.read()))
          losses = {
            loss: Number(history.history.loss?.[0]),
            valLoss: Number(history.history.val_loss?.[0]),
          }
        } finally {
          tf.dispose([xs, ys])
        }
      }
      const batches = Math.ceil(job.train.x.rows / config.batchSize) * epochs
      if (variant !== 'never-yield' && batchLosses.length !== batches)
        throw new Error(`${variant}: ${batchLosses.length} batch losses for ${batches} batches`)
      return losses
    }),
  )
}

/**
 * Diagnostic: a hand-written loop with the engine's maths (seeded shuffle per epoch, the compiled
 * loss and optimiser, one step per batch of the recipe's size) but no `fit`: the batches are
 * slices of the gathered epoch, the step is `optimizer.minimize`, the batch losses are summed on
 * the backend and read once per epoch together with the validation loss. (No training accuracy
 * per batch, which `fit` also computes for classifiers.)
 */
function minimizeRun(job: TrainingJob, epochs: number): Promise<Run> {
  return timedOnFreshModel(job, epochs, (model, config) =>
    withTensors(job, model, async (xAll, yAll, vx, vy) => {
      const optimizer = model.optimizer
      // A tf.Sequential compiles the LayersModel it wraps: the loss functions live there.
      const inner = (model as unknown as { model?: tf.LayersModel }).model ?? model
      const lossFn = inner.lossFunctions[0]
      if (!lossFn) throw new Error('the model has no loss')
      // What fit's training step updates: the tfjs variables behind the model's trainable weights.
      const variables = model.trainableWeights
        .map((w) => w.read())
        .filter((v): v is tf.Variable => v instanceof tf.Variable)
      const rows = job.train.x.rows
      const rng = createRng(job.recipe.seed ^ 0x5eed)
      const order = Int32Array.from({ length: rows }, (_, i) => i)
      let losses: Losses = {}
      for (let epoch = 0; epoch < epochs; epoch++) {
        shuffleInPlace(order, rng)
        const [xs, ys] = tf.tidy(() => {
          const index = tf.tensor1d(order, 'int32')
          return [tf.gather(xAll, index), tf.gather(yAll, index)]
        })
        let total: tf.Scalar = tf.scalar(0)
        try {
          for (let begin = 0; begin < rows; begin += config.batchSize) {
            const size = Math.min(config.batchSize, rows - begin)
            const next = tf.tidy(() => {
              const bx = xs.slice(begin, size)
              const by = ys.slice(begin, size)
              const loss = optimizer.minimize(
                () => {
                  const out = model.apply(bx, { training: true }) as tf.Tensor
                  let l = tf.mean<tf.Scalar>(lossFn(by, out))
                  for (const penalty of inner.calculateLosses()) l = tf.add<tf.Scalar>(l, penalty)
                  return l
                },
                true,
                variables,
              )
              if (!loss) throw new Error('minimize returned no loss')
              return tf.add<tf.Scalar>(total, tf.mul(loss, size))
            })
            total.dispose()
            total = next
          }
          const valLoss = tf.tidy(() => {
            const out = model.predict(vx, { batchSize: config.batchSize }) as tf.Tensor
            return tf.mean(lossFn(vy, out))
          })
          const [sum, val] = await Promise.all([total.data(), valLoss.data()])
          valLoss.dispose()
          losses = { loss: (sum[0] ?? Number.NaN) / rows, valLoss: val[0] ?? null }
        } finally {
          tf.dispose([xs, ys, total])
        }
      }
      return losses
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
function hostShuffleRun(job: TrainingJob, epochs: number): Promise<Run> {
  return timedOnFreshModel(job, epochs, async (model, config) => {
    const { x, y } = job.train
    const [vx, vy] = [inputTensor(model, job.validation.x), tensor(job.validation.y)]
    const rng = createRng(job.recipe.seed ^ 0x5eed)
    const order = Int32Array.from({ length: x.rows }, (_, i) => i)
    const [xBuffer, yBuffer] = [
      new Float32Array(x.values.length),
      new Float32Array(y.values.length),
    ]
    try {
      for (let epoch = 0; epoch < epochs; epoch++) {
        shuffleInPlace(order, rng)
        const xs = inputTensor(model, { ...x, values: permuteRows(x, order, xBuffer) })
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
    return {}
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

const RUNS: Record<PathName, (job: TrainingJob, epochs: number) => Promise<Run>> = {
  engine: (job, epochs) => engineRun(job, epochs),
  bare: bareRun,
  epochwise: epochwiseRun,
  'host-shuffle': hostShuffleRun,
  'never-yield': (job, epochs) => engineLoopRun(job, epochs, 'never-yield'),
  'batch-sync': (job, epochs) => engineLoopRun(job, epochs, 'batch-sync'),
  'batch-kept': (job, epochs) => engineLoopRun(job, epochs, 'batch-kept'),
  minimize: minimizeRun,
  batch64: (job, epochs) => engineRun(job, epochs, 64),
  batch128: (job, epochs) => engineRun(job, epochs, 128),
  batch256: (job, epochs) => engineRun(job, epochs, 256),
}

/** One run of a path; a failure names the path. */
async function runPath(path: PathName, job: TrainingJob, epochs: number): Promise<Run> {
  try {
    return await RUNS[path](job, epochs)
  } catch (e) {
    const message =
      e instanceof Error ? `${e.message} ${e.stack?.split('\n')[1]?.trim() ?? ''}` : String(e)
    throw new Error(`${path}: ${message}`, { cause: e })
  }
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
  const diagnostics = Object.fromEntries(
    DIAGNOSTIC_PATHS.map((p) => [p, [] as Timing[]]),
  ) as Record<DiagnosticPath, Timing[]>
  const result = {
    backend,
    error: null as string | null,
    startMs: null as number | null,
    epochs,
    warmUpMs: null as number | null,
    engine: [] as Timing[],
    bare: [] as Timing[],
    diagnostics,
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
    const paths: PathName[] = ['engine', 'bare', ...(diagnose ? DIAGNOSTIC_PATHS : [])]
    progress(`${label}: warm-up (1 epoch through each of ${paths.join(', ')})`)
    const warm = performance.now()
    for (const path of paths) await runPath(path, job, 1)
    result.warmUpMs = performance.now() - warm
    // The order turns from round to round (AB BA AB … for two paths) so that slow drift (heat,
    // other load) falls on every path alike; each round's runs are also compared pairwise.
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? paths : [...paths].reverse()
      for (const path of order) {
        const t = timing(rows, epochs, await runPath(path, job, epochs))
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

/**
 * The studio's backend choice on 'auto' exactly as `runTrainingJob` makes it: every backend that
 * starts is measured by `measureTrainingSpeed` on the job's training rows and the fastest is
 * kept. Meant for a fresh worker, so that nothing has compiled yet, as when a run starts.
 */
async function probeRun(table: Table, recipe: Recipe): Promise<ProbeRun> {
  const { job } = prepareTrainingJob(recipe, table, 'auto')
  const fitted = job.recipe
  const head = outputHead(fitted.target, fitted.model)
  const input = modelInputOf(fitted)
  const measureMs: Partial<Record<BackendName, number>> = {}
  const start = performance.now()
  const choice = await chooseBackend('auto', async (backend) => {
    progress(`probe: measuring ${BACKEND_LABELS[backend]}`)
    const begun = performance.now()
    try {
      return await measureTrainingSpeed(
        fitted.model,
        head,
        fitted.training,
        job.train,
        fitted.seed,
        input,
      )
    } finally {
      measureMs[backend] = performance.now() - begun
    }
  })
  return {
    backend: choice.backend,
    probes: choice.probes,
    ms: performance.now() - start,
    measureMs,
  }
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
    case 'probe':
      return { type: 'probe', run: await probeRun(command.table, command.recipe) }
  }
}

self.addEventListener('message', (event: MessageEvent<BenchCommand>) => {
  handle(event.data).then(post, (error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  )
})
