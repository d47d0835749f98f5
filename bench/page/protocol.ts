import type { Recipe } from '../../src/core/recipe/recipe-schema'
import type { Table } from '../../src/core/table/table'
import type { BackendName } from '../../src/core/train/backend-names'

/** The benchmark's settings, read from the page's query string. */
export interface BenchSettings {
  readonly backends: BackendName[]
  readonly rounds: number
  /** Epochs per timed run, per backend: each run should take a few seconds. */
  readonly epochs: Record<BackendName, number>
  /** Also time one whole studio run per backend in a fresh worker, as the studio starts one. */
  readonly endToEnd: boolean
  /** Also time the diagnostic paths that take the engine apart (DIAGNOSTIC_PATHS). */
  readonly diagnose: boolean
}

/**
 * Paths that take the engine's per-epoch work apart, timed with ?diagnose=1 (BENCH_DIAG=1):
 * `epochwise` is bare `model.fit` called once per epoch with tfjs' own shuffle and the losses
 * read after each call (the engine without its seeded gather); `host-shuffle` permutes the rows
 * on the host with the seeded generator and uploads them per epoch instead of gathering on the
 * backend.
 */
export const DIAGNOSTIC_PATHS = ['epochwise', 'host-shuffle'] as const
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

/** One timed run: wall time and training samples per second. */
export interface Timing {
  readonly ms: number
  readonly samplesPerSecond: number
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

export interface BenchResult {
  readonly dataset: string
  readonly trainRows: number
  readonly validationRows: number
  readonly features: number
  readonly batchSize: number
  readonly model: string
  readonly rounds: number
  readonly machine: Machine
  readonly backends: BackendResult[]
}

export type BenchReply =
  | { readonly type: 'progress'; readonly text: string }
  | { readonly type: 'machine'; readonly machine: Machine }
  | { readonly type: 'backend'; readonly bench: BackendBench }
  | { readonly type: 'studio'; readonly trainMs: number }
  | { readonly type: 'error'; readonly message: string }
