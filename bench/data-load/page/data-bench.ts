// The data-load benchmark page. bench/data-load/run-data-bench.mjs puts the generated CSV into
// the file input and calls window.__runDataBench(rounds); each round times our load (the
// studio's own parse worker: stream, infer types, profile, transfer the columns back) and a bare
// papaparse parse of the same file in a worker, in alternating order.
import { unpackTable } from '../../../src/workers/packed-categories'
import type { ParseMessage } from '../../../src/workers/parse-protocol'
import type { BareReply, DataBenchResult, LoadRun, PhaseReply, PhaseRun } from './protocol'

declare global {
  interface Window {
    __runDataBench?: (rounds: number) => Promise<DataBenchResult>
  }
  interface Performance {
    /** Chromium only; precise with --enable-precise-memory-info. */
    readonly memory?: { readonly usedJSHeapSize: number }
  }
}

const pageHeap = (): number | null => performance.memory?.usedJSHeapSize ?? null

/** Runs one worker job, sampling the page's heap meanwhile; resolves with the reply. */
async function timed<T>(
  worker: Worker,
  file: File,
  isLast: (data: T) => boolean,
): Promise<{ ms: number; data: T; pageHeapPeak: number | null }> {
  // Start each run from a collected heap (the flag --expose-gc gives the page gc()).
  ;(globalThis as { gc?: () => void }).gc?.()
  let peak = pageHeap()
  const sample = () => {
    const now = pageHeap()
    if (now !== null) peak = Math.max(peak ?? 0, now)
  }
  const timer = setInterval(sample, 50)
  const start = performance.now()
  try {
    const data = await new Promise<T>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<T>) => {
        if (isLast(event.data)) resolve(event.data)
      })
      worker.addEventListener('error', (event) => reject(new Error(event.message)))
      worker.postMessage({ file, name: file.name })
    })
    const ms = performance.now() - start
    sample()
    return { ms, data, pageHeapPeak: peak }
  } finally {
    clearInterval(timer)
    // The runner samples the worker's heap: give it a moment before the worker goes.
    await new Promise((resolve) => setTimeout(resolve, 300))
    worker.terminate()
  }
}

async function ours(file: File): Promise<LoadRun> {
  const worker = new Worker(new URL('../../../src/workers/parse-worker.ts', import.meta.url), {
    type: 'module',
    name: 'parse',
  })
  const run = await timed<ParseMessage>(worker, file, (m) => m.type !== 'progress')
  if (run.data.type === 'failed') throw new Error(run.data.message)
  const rows = run.data.type === 'done' ? run.data.result.table.rowCount : 0
  return { path: 'ours', ms: run.ms, rows, pageHeapPeak: run.pageHeapPeak }
}

async function bare(file: File): Promise<LoadRun> {
  const worker = new Worker(new URL('./bare-worker.ts', import.meta.url), {
    type: 'module',
    name: 'bare',
  })
  const run = await timed<BareReply>(worker, file, () => true)
  if (!run.data.ok) throw new Error(run.data.message)
  return { path: 'bare', ms: run.ms, rows: run.data.rows, pageHeapPeak: run.pageHeapPeak }
}

async function phases(file: File): Promise<PhaseRun> {
  const worker = new Worker(new URL('./phase-worker.ts', import.meta.url), {
    type: 'module',
    name: 'phases',
  })
  let receiveMs: number | undefined
  const run = await timed<PhaseReply>(worker, file, (reply) => {
    if (reply.ok) {
      unpackTable(reply.wire)
      receiveMs = performance.timeOrigin + performance.now() - reply.phases.sentAt
    }
    return true
  })
  if (!run.data.ok) throw new Error(run.data.message)
  return { ...run.data.phases, receiveMs }
}

window.__runDataBench = async (rounds) => {
  const file = (document.getElementById('file') as HTMLInputElement).files?.[0]
  if (!file) throw new Error('No file in the input.')
  const runs: LoadRun[] = []
  for (let round = 0; round < rounds; round++) {
    // AB BA AB …: slow drift of a shared machine falls on both paths alike.
    const order = round % 2 === 0 ? [ours, bare] : [bare, ours]
    for (const path of order) {
      const run = await path(file)
      console.log(`[bench] ${run.path}: ${(run.ms / 1000).toFixed(2)} s, ${run.rows} rows`)
      runs.push(run)
    }
  }
  const split = await phases(file)
  return { fileBytes: file.size, runs, phases: split, userAgent: navigator.userAgent }
}
