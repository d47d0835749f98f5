import type { WireTable } from '../../../src/workers/packed-categories'

/** One timed load, measured on the page from postMessage to the worker's reply. */
export interface LoadRun {
  readonly path: 'ours' | 'bare'
  readonly ms: number
  readonly rows: number
  /** Largest performance.memory.usedJSHeapSize of the page seen during the run. */
  readonly pageHeapPeak: number | null
}

/** Our load taken apart in one worker: read, infer types, profile. */
export interface PhaseRun {
  readonly readMs: number
  readonly inferMs: number
  readonly profileMs: number
  /** Packing the categories for the reply (parse-worker.ts does the same). */
  readonly packMs: number
  /** performance.timeOrigin + now() in the worker when it posted the reply. */
  readonly sentAt: number
  /** From that post to the page holding the unpacked table. */
  receiveMs?: number
  readonly rows: number
  readonly columns: number
  readonly types: string[]
}

export interface DataBenchResult {
  readonly fileBytes: number
  readonly runs: LoadRun[]
  readonly phases: PhaseRun
  readonly userAgent: string
}

export type PhaseReply =
  { ok: true; phases: PhaseRun; wire: WireTable } | { ok: false; message: string }
export type BareReply = { ok: true; rows: number } | { ok: false; message: string }
