import type { Recipe } from '../../src/core/recipe/recipe-schema'
import type { Table } from '../../src/core/table/table'
import type { BackendName } from '../../src/core/train/backend-names'
import type { ProbeResult } from '../../src/core/train/backends'

/** The models the bench trains: the default tabular MLP and the LSTM forecaster. */
export const CASE_IDS = ['mlp', 'lstm'] as const
export type CaseId = (typeof CASE_IDS)[number]

/** The benchmark's settings, read from the page's query string. */
export interface BenchSettings {
  readonly cases: CaseId[]
  readonly backends: BackendName[]
  readonly rounds: number
  /** Epochs per timed run, per case and backend: each run should take a second or two. */
  readonly epochs: Record<CaseId, Record<BackendName, number>>
  /** Also time one whole studio run per backend in a fresh worker, as the studio starts one. */
  readonly endToEnd: boolean
  /** Also time the diagnostic paths that take the engine apart (DIAGNOSTIC_PATHS). */
  readonly diagnose: boolean
  /** Times the studio's backend probe runs per case, each in a fresh worker (0: none). */
  readonly probes: number
}

/**
 * Paths that take the engine's per-epoch and per-batch work apart, timed with ?diagnose=1
 * (BENCH_DIAG=1), each on a fresh model beside the engine in the same round:
 * - `epochwise`: bare `model.fit` once per epoch with tfjs' own shuffle, losses read per call (the
 *   engine without its seeded gather);
 * - `host-shuffle`: the engine's seeded shuffle done on the host and uploaded per epoch;
 * - `never-yield`: the engine's loop with `yieldEvery: 'never'` (tfjs otherwise waits for an
 *   animation frame every 125 ms of training);
 * - `batch-sync`: the engine's loop with an `onBatchEnd` callback that reads each batch's loss (a
 *   per-batch curve the naive way: one GPU→CPU read per batch);
 * - `batch-kept`: the engine's loop keeping each batch's loss tensor through a `tf.Callback` (no
 *   yield, no read) and reading them all once per epoch;
 * - `minimize`: a hand-written loop (seeded gather per epoch, `optimizer.minimize` per batch, the
 *   losses summed on the backend and read once per epoch with the validation loss);
 * - `batch64`, `batch128`, `batch256`: the engine at a larger batch (fewer, larger steps: the final
 *   loss is printed beside the speed, so that speed is not bought with a worse model).
 */
export const DIAGNOSTIC_PATHS = [
  'epochwise',
  'host-shuffle',
  'never-yield',
  'batch-sync',
  'batch-kept',
  'minimize',
  'batch64',
  'batch128',
  'batch256',
] as const
export type DiagnosticPath = (typeof DIAGNOSTIC_PATHS)[number]

/** What the page asks of a benchmark worker; the table is copied to it as the studio does. */
export type BenchCommand =
  | { readonly type: 'machine' }
  | {
      readonly type: 'backend'
      readonly backend: BackendName
      readonly epochs: number
      readonly rounds: number
      readonly diagnose: boolean
      readonly table: Table
      readonly recipe: Recipe
    }
  | {
      readonly type: 'studio'
      readonly backend: BackendName
      readonly table: Table
      readonly recipe: Recipe
    }
  | { readonly type: 'probe'; readonly table: Table; readonly recipe: Recipe }

/** One timed run: wall time, training samples per second and, where read, the last epoch's losses. */
export interface Timing {
  readonly ms: number
  readonly samplesPerSecond: number
  readonly loss?: number
  readonly valLoss?: number | null
}

export interface Machine {
  readonly userAgent: string
  readonly hardwareConcurrency: number
  readonly webgpuAdapter: string | null
  readonly webglRenderer: string | null
}

/** The engine-against-bare measurement of one backend, made in one long-lived worker. */
export interface BackendBench {
  readonly backend: BackendName
  /** Why the backend could not be measured (fully); null when it was. */
  readonly error: string | null
  /** First activation in the worker: backend module start, adapter and device request. */
  readonly startMs: number | null
  readonly epochs: number
  /** Untimed first engine and bare runs (shader compilation, first-use allocations). */
  readonly warmUpMs: number | null
  readonly engine: Timing[]
  readonly bare: Timing[]
  /** Only with `diagnose`; empty arrays otherwise. */
  readonly diagnostics: Record<DiagnosticPath, Timing[]>
  /** Only with `diagnose`: the engine's per-epoch seeded gather alone, ms per epoch. */
  readonly gatherMs: number | null
  /** tf.memory().numTensors before the first and after the last run on this backend. */
  readonly tensorsBefore: number | null
  readonly tensorsAfter: number | null
  readonly notes: string[]
}

/** One whole studio run, cold: from `new Worker` to the 'done' message, as a user waits for it. */
export interface StudioRun extends Timing {
  /** The engine's own time (the last epoch's elapsedMs). */
  readonly trainMs: number
}

export interface BackendResult extends BackendBench {
  readonly endToEnd: StudioRun | null
  readonly endToEndError: string | null
}

/** One run of the studio's backend choice ('auto') in a fresh worker. */
export interface ProbeRun {
  readonly backend: BackendName
  readonly probes: ProbeResult[]
  /** Wall time of `chooseBackend`, all backends' start and measurement included. */
  readonly ms: number
  /** Wall time of each backend's `measureTrainingSpeed` (model build, warm-up, timed fits). */
  readonly measureMs: Partial<Record<BackendName, number>>
}

export interface CaseResult {
  readonly id: CaseId
  readonly dataset: string
  readonly trainRows: number
  readonly validationRows: number
  /** One row's shape as the model reads it: [61] for a table, [12, 1] for windows. */
  readonly inputShape: number[]
  readonly batchSize: number
  readonly model: string
  readonly backends: BackendResult[]
  readonly probes: ProbeRun[]
  readonly probeError: string | null
}

export interface BenchResult {
  readonly rounds: number
  readonly machine: Machine
  readonly cases: CaseResult[]
}

export type BenchReply =
  | { readonly type: 'progress'; readonly text: string }
  | { readonly type: 'machine'; readonly machine: Machine }
  | { readonly type: 'backend'; readonly bench: BackendBench }
  | { readonly type: 'studio'; readonly trainMs: number }
  | { readonly type: 'probe'; readonly run: ProbeRun }
  | { readonly type: 'error'; readonly message: string }
