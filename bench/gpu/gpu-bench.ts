/**
 * Training speed of the studio's default model through the studio's own engine, per TensorFlow.js
 * backend, in Node: WebGPU (Dawn's dawn.node, see dawn-prelude.ts), WASM (single-threaded SIMD, as
 * the studio's worker runs it) and the plain-JS CPU backend. Built into one ESM file by build.mjs;
 * README.md beside this file says how it runs on the GPU machine.
 *
 *   node gpu-bench.mjs [--csv public/datasets/GermanCredit.csv] [--target Class] [--wasm-dir DIR]
 *     [--backends webgpu,wasm,cpu] [--datasets GermanCredit,Synthetic] [--rows 200000]
 *     [--features 20] [--quick] [--tf-flags KEY=VALUE,...] [--label TEXT] [--json FILE]
 *     [--export DIR] [--export-only]
 *   node gpu-bench.mjs --table a.json,b.json   (one table from earlier --json files, PyTorch's too)
 *
 * Environment: DAWN_NODE (path to dawn.node; without it there is no WebGPU), DAWN_FLAGS (Dawn
 * options), DAWN_TRACE=1 (count and time the WebGPU calls per training step).
 */
// Must come first: it defines navigator.gpu before the WebGPU backend is evaluated.
import { dawnStatus, takeDawnStats } from './dawn-prelude'
import '@tensorflow/tfjs-backend-webgpu'
import * as tf from '@tensorflow/tfjs'
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createRng } from '../../src/core/random'
import { parseDelimitedText } from '../../src/core/table/parse-delimited'
import type { Column, Table } from '../../src/core/table/table'
import { proposeRecipe } from '../../src/core/recipe/propose'
import { prepareTrainingJob } from '../../src/core/recipe/prepare-job'
import type { Recipe } from '../../src/core/recipe/recipe-schema'
import { buildModel, compileModel, disposeModel } from '../../src/core/model/build-model'
import { outputHead } from '../../src/core/model/head'
import { tableInput } from '../../src/core/model/model-input'
import type { BackendName } from '../../src/core/train/backend-names'
import { activateBackend } from '../../src/core/train/backends'
import { trainModel, type Dataset, type TrainControl } from '../../src/core/train/engine'

/** One dataset prepared exactly as the studio prepares it: default recipe, split, fitted steps. */
interface PreparedSet {
  readonly name: string
  readonly recipe: Recipe
  readonly train: Dataset
  readonly validation: Dataset
}

/** Which batch sizes, epochs and measurements one dataset gets on one backend. */
interface Plan {
  readonly batches: readonly number[]
  /** Untimed epochs first: shader compilation, kernel caches, the first buffers. */
  readonly warmEpochs: number
  readonly timedEpochs: number
  /** Batch sizes that also get a bare `model.fit` (each costs as many epochs again). */
  readonly bareFitBatches: readonly number[]
}

export interface BenchRow {
  readonly dataset: string
  readonly trainRows: number
  readonly width: number
  readonly batch: number
  readonly backend: string
  /** Median samples/s of the timed epochs of `trainModel` (shuffle, fit, validation). */
  readonly engine: number | null
  /** Samples/s of one bare `model.fit` over the timed epochs, tensors made once, no validation. */
  readonly bareFit: number | null
  /** Seconds of the first (warm-up) epoch through the engine. */
  readonly firstEpochS: number | null
  readonly finalLoss: number | null
  readonly valAccuracy: number | null
  /** Tensors alive after the case minus before: must be 0. */
  readonly leakedTensors: number | null
  readonly error: string | null
}

const NO_CONTROL: TrainControl = {
  shouldStop: () => false,
  waitWhilePaused: () => Promise.resolve(),
}
const CASE_TIMEOUT_MS = 240_000

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

function prepare(name: string, table: Table, target: string): PreparedSet {
  const recipe = proposeRecipe(table, name, target)
  const { job } = prepareTrainingJob(recipe, table, 'auto')
  return { name, recipe: job.recipe, train: job.train, validation: job.validation }
}

/**
 * A tabular set with `features` numeric columns and a yes/no target that depends on them
 * non-linearly, generated from a fixed seed so every backend and PyTorch see the same rows.
 */
function syntheticTable(rows: number, features: number, seed: number): Table {
  const rng = createRng(seed)
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng())
  const weights = Array.from({ length: features }, () => normal())
  const columns: Column[] = Array.from({ length: features }, (_, j) => ({
    name: `x${j + 1}`,
    kind: 'numeric' as const,
    values: new Float64Array(rows),
  }))
  const codes = new Int32Array(rows)
  for (let r = 0; r < rows; r++) {
    let logit = 0
    columns.forEach((column, j) => {
      if (column.kind !== 'numeric') return
      const v = normal() * (1 + j / features) + j
      column.values[r] = v
      logit += (weights[j] ?? 0) * (v - j) * 0.5
    })
    const first = columns[0]
    const second = columns[1]
    if (first?.kind === 'numeric' && second?.kind === 'numeric') {
      logit += Math.sin((first.values[r] ?? 0) * 2) * ((second.values[r] ?? 1) - 1)
    }
    codes[r] = rng() < 1 / (1 + Math.exp(-logit)) ? 1 : 0
  }
  columns.push({ name: 'target', kind: 'categorical', codes, categories: ['no', 'yes'] })
  return { columns, rowCount: rows }
}

/** Writes the prepared matrices as raw little-endian float32 for the PyTorch peer. */
function exportSet(dir: string, set: PreparedSet): void {
  mkdirSync(dir, { recursive: true })
  const parts = { train: set.train, validation: set.validation }
  const meta: Record<string, unknown> = { name: set.name }
  for (const [part, data] of Object.entries(parts)) {
    writeFileSync(join(dir, `${set.name}.${part}.x.f32`), data.x.values)
    writeFileSync(join(dir, `${set.name}.${part}.y.f32`), data.y.values)
    meta[part] = { rows: data.x.rows, width: data.x.width, targetWidth: data.y.width }
  }
  meta.model = set.recipe.model
  meta.learningRate = set.recipe.training.learningRate
  writeFileSync(join(dir, `${set.name}.json`), JSON.stringify(meta, null, 2))
}

async function engineRun(
  set: PreparedSet,
  batch: number,
  plan: Plan,
): Promise<Pick<BenchRow, 'engine' | 'firstEpochS' | 'finalLoss' | 'valAccuracy'>> {
  const { recipe } = set
  const head = outputHead(recipe.target)
  const config = {
    ...recipe.training,
    batchSize: batch,
    epochs: plan.warmEpochs + plan.timedEpochs,
  }
  const model = buildModel(recipe.model, tableInput(set.train.x.width), head, recipe.seed)
  try {
    compileModel(model, head, config)
    const result = await trainModel(
      model,
      set.train,
      set.validation,
      config,
      recipe.seed,
      NO_CONTROL,
      () => undefined,
    )
    const timed = result.epochs.slice(plan.warmEpochs)
    const last = result.epochs.at(-1)
    const firstLog = result.epochs[0]
    return {
      engine: median(timed.map((e) => e.samplesPerSecond)),
      firstEpochS: firstLog ? firstLog.elapsedMs / 1000 : null,
      finalLoss: last?.loss ?? null,
      valAccuracy: last?.valAccuracy ?? null,
    }
  } finally {
    disposeModel(model)
  }
}

async function bareFitRun(set: PreparedSet, batch: number, plan: Plan): Promise<number> {
  const { recipe, train } = set
  const head = outputHead(recipe.target)
  const config = { ...recipe.training, batchSize: batch }
  const model = buildModel(recipe.model, tableInput(train.x.width), head, recipe.seed)
  const x = tf.tensor2d(train.x.values, [train.x.rows, train.x.width])
  const y = tf.tensor2d(train.y.values, [train.y.rows, train.y.width])
  try {
    compileModel(model, head, config)
    const options = { batchSize: batch, shuffle: false, verbose: 0 }
    await model.fit(x, y, { ...options, epochs: plan.warmEpochs })
    const start = performance.now()
    await model.fit(x, y, { ...options, epochs: plan.timedEpochs })
    return ((train.x.rows * plan.timedEpochs) / (performance.now() - start)) * 1000
  } finally {
    tf.dispose([x, y])
    disposeModel(model)
  }
}

async function runCase(
  set: PreparedSet,
  backend: BackendName,
  batch: number,
  plan: Plan,
  label: string,
): Promise<BenchRow> {
  const base = {
    dataset: set.name,
    trainRows: set.train.x.rows,
    width: set.train.x.width,
    batch,
    backend: `tfjs ${backend}${label}`,
  }
  const before = tf.memory().numTensors
  try {
    const engine = await withTimeout(engineRun(set, batch, plan), CASE_TIMEOUT_MS, 'trainModel')
    const bareFit = plan.bareFitBatches.includes(batch)
      ? await withTimeout(bareFitRun(set, batch, plan), CASE_TIMEOUT_MS, 'model.fit')
      : null
    return {
      ...base,
      ...engine,
      bareFit,
      leakedTensors: tf.memory().numTensors - before,
      error: null,
    }
  } catch (error) {
    return {
      ...base,
      engine: null,
      bareFit: null,
      firstEpochS: null,
      finalLoss: null,
      valAccuracy: null,
      leakedTensors: tf.memory().numTensors - before,
      error: message(error),
    }
  }
}

function rate(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—'
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`
  if (value >= 1e4) return `${Math.round(value / 1e3)}k`
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)}k`
  return value.toFixed(0)
}

/** Dataset, then batch size; backends keep the order they ran in. */
function sortRows(rows: readonly BenchRow[]): BenchRow[] {
  return [...rows].sort((a, b) => a.dataset.localeCompare(b.dataset) || a.batch - b.batch)
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = [
    '| dataset | train rows | batch | backend | engine samples/s | bare fit samples/s | first epoch s | final loss | val acc | note |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const r of rows) {
    const note = r.error ?? (r.leakedTensors ? `${r.leakedTensors} tensors leaked` : '')
    lines.push(
      `| ${r.dataset} | ${r.trainRows} | ${r.batch} | ${r.backend} | ${rate(r.engine)} | ${rate(r.bareFit)} | ${r.firstEpochS?.toFixed(2) ?? '—'} | ${r.finalLoss?.toFixed(4) ?? '—'} | ${r.valAccuracy?.toFixed(3) ?? '—'} | ${note} |`,
    )
  }
  return lines.join('\n')
}

/** Dawn calls per training step (validation batches included in the total), and time per call. */
function traceSummary(steps: number): string {
  const { calls, ms } = takeDawnStats()
  return Object.entries(calls)
    .sort(([, a], [, b]) => b - a)
    .map(([key, n]) => {
      const perCall = (ms[key] ?? 0) / n
      return `${key} ${(n / steps).toFixed(1)}/step ${perCall < 0.1 ? perCall.toFixed(3) : perCall.toFixed(1)} ms`
    })
    .join('; ')
}

/** Prints what the WebGPU adapter says about itself (vendor, device, driver), if there is one. */
async function describeAdapter(): Promise<string> {
  interface AdapterLike {
    info?: Record<string, unknown>
    limits?: { maxBufferSize?: number }
  }
  const gpu = (
    globalThis as { navigator?: { gpu?: { requestAdapter: () => Promise<AdapterLike | null> } } }
  ).navigator?.gpu
  if (!gpu) return `no navigator.gpu (${dawnStatus.error ?? 'DAWN_NODE unset'})`
  const adapter = await gpu.requestAdapter()
  if (!adapter) return 'navigator.gpu.requestAdapter() returned null'
  const info = adapter.info ?? {}
  const fields = ['vendor', 'architecture', 'device', 'description', 'backendType', 'adapterType']
  return fields
    .filter((f) => info[f] !== undefined && info[f] !== '')
    .map((f) => `${f}=${JSON.stringify(info[f])}`)
    .join(' ')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      csv: { type: 'string', default: 'public/datasets/GermanCredit.csv' },
      target: { type: 'string', default: 'Class' },
      'wasm-dir': { type: 'string' },
      backends: { type: 'string', default: 'webgpu,wasm,cpu' },
      rows: { type: 'string', default: '200000' },
      features: { type: 'string', default: '20' },
      datasets: { type: 'string', default: 'GermanCredit,Synthetic' },
      'tf-flags': { type: 'string', default: '' },
      label: { type: 'string', default: '' },
      quick: { type: 'boolean', default: false },
      export: { type: 'string' },
      'export-only': { type: 'boolean', default: false },
      json: { type: 'string' },
      table: { type: 'string' },
    },
  })
  const log = (line: string): void => void process.stdout.write(`${line}\n`)
  if (values.table) {
    const rows = values.table
      .split(',')
      .flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as BenchRow[])
    log(markdownTable(sortRows(rows)))
    return
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false) // as the studio's worker does
  if (values['wasm-dir']) setWasmPaths(`${resolve(values['wasm-dir'])}/`)
  // e.g. --tf-flags WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE=1000 (numbers and true/false only)
  for (const pair of values['tf-flags'].split(',').filter((p) => p !== '')) {
    const [key = '', raw = ''] = pair.split('=')
    tf.env().set(key, raw === 'true' ? true : raw === 'false' ? false : Number(raw))
    log(`# tf flag ${key} = ${String(tf.env().get(key))}`)
  }

  const german = prepare(
    'GermanCredit',
    parseDelimitedText(readFileSync(values.csv, 'utf8')).table,
    values.target,
  )
  const rows = Number(values.rows)
  const features = Number(values.features)
  const synthetic = prepare(
    `Synthetic${Math.round(rows / 1000)}k`,
    syntheticTable(rows, features, 7),
    'target',
  )
  for (const set of [german, synthetic]) {
    log(
      `# ${set.name}: train ${set.train.x.rows} × ${set.train.x.width}, validation ${set.validation.x.rows}, model ${JSON.stringify(set.recipe.model.layers)}, Adam lr ${set.recipe.training.learningRate}`,
    )
  }
  if (values.export) {
    exportSet(values.export, german)
    exportSet(values.export, synthetic)
    log(`# matrices written to ${values.export}`)
  }
  if (values['export-only']) return

  const quick = values.quick
  // The WebGPU backend costs ~0.1 s a training step on the H100 (see RESULTS.md), so its
  // synthetic runs get one timed epoch and no bare fit at batch 256 to fit a 10-minute call.
  const small = [32, 256, 1024]
  const large = [256, 1024, 4096]
  const plans: [PreparedSet, Record<BackendName, Plan | null>][] = [
    [
      german,
      {
        webgpu: {
          batches: small,
          warmEpochs: 2,
          timedEpochs: quick ? 2 : 5,
          bareFitBatches: small,
        },
        webgl: null,
        wasm: { batches: small, warmEpochs: 2, timedEpochs: quick ? 2 : 5, bareFitBatches: small },
        cpu: { batches: small, warmEpochs: 1, timedEpochs: quick ? 1 : 3, bareFitBatches: small },
      },
    ],
    [
      synthetic,
      {
        webgpu: { batches: large, warmEpochs: 1, timedEpochs: 1, bareFitBatches: [1024, 4096] },
        webgl: null,
        wasm: { batches: large, warmEpochs: 1, timedEpochs: quick ? 1 : 2, bareFitBatches: large },
        cpu: { batches: large, warmEpochs: 1, timedEpochs: 1, bareFitBatches: [] },
      },
    ],
  ]

  const results: BenchRow[] = []
  const backends = values.backends.split(',').filter((b): b is BackendName => b !== '')
  for (const backend of backends) {
    const started = performance.now()
    const error = await activateBackend(backend)
    if (backend === 'webgpu') log(`# WebGPU adapter: ${await describeAdapter()}`)
    if (error !== null) {
      log(`# ${backend}: could not start: ${error}`)
      results.push({
        dataset: '(all)',
        trainRows: 0,
        width: 0,
        batch: 0,
        backend: `tfjs ${backend}`,
        engine: null,
        bareFit: null,
        firstEpochS: null,
        finalLoss: null,
        valAccuracy: null,
        leakedTensors: null,
        error: `did not start: ${error}`,
      })
      continue
    }
    log(
      `# ${backend}: started in ${((performance.now() - started) / 1000).toFixed(2)} s (tf.getBackend() = ${tf.getBackend()})`,
    )
    for (const [set, byBackend] of plans) {
      const plan = byBackend[backend]
      if (!plan || !values.datasets.split(',').some((d) => set.name.startsWith(d))) continue
      for (const batch of plan.batches) {
        takeDawnStats()
        const row = await runCase(set, backend, batch, plan, values.label)
        results.push(row)
        log(`ROW ${JSON.stringify(row)}`)
        if (process.env.DAWN_TRACE === '1' && backend === 'webgpu') {
          const runs = plan.bareFitBatches.includes(batch) ? 2 : 1
          const epochs = runs * (plan.warmEpochs + plan.timedEpochs)
          const steps = epochs * Math.ceil(set.train.x.rows / batch)
          log(`TRACE ${set.name} batch ${batch}: ${steps} training steps; ${traceSummary(steps)}`)
        }
        // Rewritten after every case, so a run cut off by a time limit still leaves its rows.
        if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2))
      }
    }
  }

  log('')
  log(markdownTable(sortRows(results)))
}

main().then(
  // Dawn keeps handles open: leave explicitly once the table is out.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
