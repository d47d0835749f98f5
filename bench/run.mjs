// `npm run bench`: trains the studio's default model on the sample data in headless Chromium on
// every TensorFlow.js backend, through the studio's engine and through a bare `model.fit` in the
// same worker, and prints samples/s side by side. It prints figures; it never fails on time.
//
//   npm run bench                      all four backends, 7 rounds
//   npm run bench -- wasm,cpu          only these backends (or BENCH_BACKENDS=wasm,cpu)
//   BENCH_ROUNDS=9                     more rounds (median of each path is reported)
//   BENCH_EPOCHS=webgpu:4,wasm:80      epochs per timed run (defaults in bench/page/bench-main.ts)
//   BENCH_E2E=0                        skip the whole-studio-run figure
//   BENCH_TORCH=0                      skip the PyTorch CPU peer
//   BENCH_DIAG=1                      also time the paths that take the engine apart (see protocol.ts)
//   BENCH_GPU=native                   let Chromium use the machine's GPU instead of SwiftShader
//   BENCH_ONLY=data | training | prepare   only the data-load (bench/data-load), training or
//                                      prepare (bench/prepare) benchmark
//   BENCH_DATA_ROUNDS=5                data-load rounds (default 3); BENCH_DATA_ROWS=200000 a smaller file
//   BENCH_PREPARE_ROUNDS=5             prepare rounds (default 3); BENCH_PREPARE_ROWS=200000 a smaller
//                                      table; BENCH_PREPARE_BROWSER=0 skips the page-responsiveness run
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { build, preview } from 'vite'
import { chromiumLaunchOptions } from '../e2e/chromium-launch.mjs'
import { runDataBench } from './data-load/run-data-bench.mjs'
import { runPrepareBench } from './prepare/run-prepare-bench.mjs'

const benchDir = dirname(fileURLToPath(import.meta.url))
const configFile = join(benchDir, 'vite.bench.config.ts')
const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3'
const TIMEOUT_MS = 30 * 60_000

const query = new URLSearchParams()
const backends = process.argv[2] ?? process.env.BENCH_BACKENDS
if (backends) query.set('backends', backends)
if (process.env.BENCH_ROUNDS) query.set('rounds', process.env.BENCH_ROUNDS)
if (process.env.BENCH_EPOCHS) query.set('epochs', process.env.BENCH_EPOCHS)
if (process.env.BENCH_E2E === '0') query.set('e2e', '0')
if (process.env.BENCH_DIAG === '1') query.set('diagnose', '1')

const say = (text) => process.stderr.write(`${text}\n`)

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const rate = (n) => (n == null || !Number.isFinite(n) ? '–' : Math.round(n).toLocaleString('en-US'))
const seconds = (ms) => (ms == null ? '–' : `${(ms / 1000).toFixed(2)} s`)
const range = (values) =>
  values.length > 1 ? ` (${rate(Math.min(...values))}–${rate(Math.max(...values))})` : ''

/** The cold whole-studio-run cell of a backend. */
const studio = (b) =>
  b.endToEnd
    ? `${seconds(b.endToEnd.ms)} (${seconds(b.endToEnd.trainMs)})`
    : b.endToEndError
      ? 'failed'
      : '–'

/** Rows of cells as an aligned plain-text table (first column left, the rest right aligned). */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n')
}

function report(result, loadBefore) {
  const out = []
  const m = result.machine
  out.push('')
  out.push(`Training benchmark: ${result.dataset}`)
  out.push(
    `  ${result.trainRows} training rows × ${result.features} features, ${result.validationRows} validation rows, batch ${result.batchSize}`,
  )
  out.push(`  model: ${result.model}`)
  out.push(
    `  machine: ${cpus()[0]?.model ?? '?'}, ${cpus().length} logical cores (navigator.hardwareConcurrency ${m.hardwareConcurrency}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  )
  out.push(
    `  load average (1 min) before the bench started: ${loadBefore.toFixed(2)}${loadBefore > 0.5 ? ' – other processes were busy, so these figures are noisier than usual' : ''}`,
  )
  out.push(`  browser: ${m.userAgent}`)
  out.push(`  WebGPU adapter: ${m.webgpuAdapter ?? 'none'}`)
  out.push(`  WebGL renderer: ${m.webglRenderer ?? 'none'}`)
  out.push(
    `  samples/s = training rows × epochs / wall time of the run (incl. validation each epoch); median of ${result.rounds} rounds (min–max), engine and bare runs alternated`,
  )
  out.push('')
  const rows = []
  const notes = []
  for (const b of result.backends) {
    if (b.engine.length === 0 || b.bare.length === 0) {
      rows.push([b.backend, '–', '–', '–', '–', studio(b), seconds(b.startMs), '–'])
      notes.push(`${b.backend}: not measured: ${b.error ?? 'no runs'}`)
      if (b.endToEndError) notes.push(`${b.backend}: whole studio run failed: ${b.endToEndError}`)
      continue
    }
    const engine = b.engine.map((t) => t.samplesPerSecond)
    const bare = b.bare.map((t) => t.samplesPerSecond)
    // Each round's engine and bare runs ran back to back: their ratio cancels slower drift.
    const paired = engine.map((e, i) => e / bare[i])
    rows.push([
      b.backend,
      `${b.epochs} × ${b.engine.length}`,
      `${rate(median(engine))}${range(engine)}`,
      `${rate(median(bare))}${range(bare)}`,
      `${median(paired).toFixed(3)} (${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)})`,
      studio(b),
      seconds(b.startMs),
      `${b.tensorsBefore ?? '?'} → ${b.tensorsAfter ?? '?'}`,
    ])
    if (b.error) notes.push(`${b.backend}: ${b.error}`)
    if (b.endToEndError) notes.push(`${b.backend}: whole studio run failed: ${b.endToEndError}`)
    for (const note of b.notes) notes.push(`${b.backend}: ${note}`)
    if (b.warmUpMs != null)
      notes.push(`${b.backend}: untimed warm-up (1 epoch through each path) ${seconds(b.warmUpMs)}`)
  }
  out.push(
    table(
      [
        'backend',
        'epochs × rounds',
        'engine samples/s',
        'bare model.fit samples/s',
        'engine/bare',
        'cold studio run (training)',
        'backend start',
        'tensors',
      ],
      rows,
    ),
  )
  out.push('')
  out.push(
    '  engine = trainModel (src/core/train/engine.ts) as runTrainingJob calls it; bare = one model.fit(x, y, {epochs, shuffle: true, validationData}) on the same model.',
  )
  out.push(
    '  engine/bare = median (min–max) over rounds of engine ÷ bare samples/s within the round; below 1 means the engine is slower; the budget is 0.95 (the engine may cost at most 5 %), shown, never enforced.',
  )
  out.push(
    "  cold studio run = wall time from `new Worker` to the result of runStudioTraining (the train worker's job: backend start, split, fit recipe, train the same epochs, score the test rows, save the model) in a fresh worker, before the timed runs; in brackets the engine's own training time.",
  )
  out.push(
    '  backend start = first activateBackend in the worker; tensors = tf.memory().numTensors before the first and after the last timed run.',
  )
  for (const note of notes) out.push(`  ${note}`)
  const diagnosed = result.backends.filter((b) => b.diagnostics.epochwise.length > 0)
  if (diagnosed.length > 0) {
    const names = Object.keys(diagnosed[0].diagnostics)
    // Each path against bare within the same round, median over rounds.
    const cell = (runs, bare) =>
      `${rate(median(runs.map((t) => t.samplesPerSecond)))} (${median(runs.map((t, i) => t.samplesPerSecond / bare[i].samplesPerSecond)).toFixed(3)})`
    out.push('')
    out.push(
      '  Diagnostic paths (BENCH_DIAG=1): median samples/s (median ratio to bare in the same round)',
    )
    out.push('')
    out.push(
      table(
        ['backend', 'bare', 'engine', ...names, 'gather ms/epoch', 'engine epoch ms'],
        diagnosed.map((b) => [
          b.backend,
          rate(median(b.bare.map((t) => t.samplesPerSecond))),
          cell(b.engine, b.bare),
          ...names.map((n) => cell(b.diagnostics[n], b.bare)),
          b.gatherMs == null ? '–' : b.gatherMs.toFixed(2),
          (median(b.engine.map((t) => t.ms)) / b.epochs).toFixed(1),
        ]),
      ),
    )
    out.push('')
    out.push(
      "  epochwise = bare model.fit once per epoch with tfjs shuffle, losses read per call (the engine minus its seeded gather); host-shuffle = the engine's seeded shuffle done on the host and uploaded per epoch instead of tf.gather.",
    )
  }
  return out.join('\n')
}

function torchPeer(result) {
  if (process.env.BENCH_TORCH === '0') return '  PyTorch peer: skipped (BENCH_TORCH=0).'
  if (!existsSync(PYTHON)) return `  PyTorch peer: skipped (${PYTHON} not found).`
  const check = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' })
  if (check.status !== 0)
    return `  PyTorch peer: skipped (${PYTHON} has no torch; on Debian: apt-get install python3-torch).`
  say('PyTorch CPU peer (1 thread)')
  const args = [
    join(benchDir, 'torch_peer.py'),
    `--rows=${result.trainRows}`,
    `--validation=${result.validationRows}`,
    `--features=${result.features}`,
    `--batch=${result.batchSize}`,
    `--rounds=${result.rounds}`,
  ]
  const run = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 10 * 60_000 })
  if (run.status !== 0) return `  PyTorch peer failed: ${run.stderr.trim().split('\n').at(-1)}`
  const peer = JSON.parse(run.stdout)
  return `  native peer: PyTorch ${peer.torch} on the CPU, ${peer.threads} thread, same MLP and batch on random data of the same shape: ${rate(peer.median)} samples/s${range(peer.samplesPerSecond)} (${peer.epochs} epochs × ${peer.rounds} rounds)`
}

const BENCHES = ['training', 'data', 'prepare']
const only = process.env.BENCH_ONLY
if (only && !BENCHES.includes(only)) {
  say(`BENCH_ONLY=${only}: use ${BENCHES.join(', ')}.`)
  process.exit(1)
}

async function trainingBench() {
  const loadBefore = loadavg()[0]
  say('building the bench page (bench/vite.bench.config.ts → bench/dist)')
  await build({ configFile })
  const server = await preview({
    configFile,
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const { port } = server.httpServer.address()
  const url = `http://127.0.0.1:${port}/?${query}`
  let browser
  let exitCode = 0
  try {
    browser = await chromium.launch(
      chromiumLaunchOptions({ swiftshader: process.env.BENCH_GPU !== 'native' }),
    )
    const page = await browser.newPage()
    page.on('console', (message) => {
      const text = message.text()
      if (text.startsWith('[bench] ')) say(text.slice(8))
      else if (message.type() === 'error') say(`page: ${text}`)
    })
    page.on('pageerror', (error) => say(`page error: ${error.message}`))
    say(`opening ${url} in ${browser.version()}`)
    await page.goto(url)
    // Page expressions as strings: this file is plain Node code and has no `window`.
    await page.waitForFunction('window.__benchResult ?? window.__benchError', null, {
      timeout: TIMEOUT_MS,
      polling: 500,
    })
    const error = await page.evaluate('window.__benchError')
    if (error) throw new Error(error)
    const result = await page.evaluate('window.__benchResult')
    await browser.close()
    browser = undefined
    const printed = report(result, loadBefore)
    const peer = torchPeer(result)
    console.log(printed)
    console.log(peer)
  } catch (error) {
    say(`bench failed: ${error instanceof Error ? error.message : String(error)}`)
    exitCode = 1
  } finally {
    await browser?.close()
    await server.close()
  }
  return exitCode
}

async function dataBench() {
  try {
    console.log(await runDataBench(say))
    return 0
  } catch (error) {
    say(`data-load bench failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

async function prepareBench() {
  try {
    console.log(await runPrepareBench(say))
    return 0
  } catch (error) {
    say(`prepare bench failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

const runs = { training: trainingBench, data: dataBench, prepare: prepareBench }
let status = 0
for (const name of BENCHES) if (!only || only === name) status = (await runs[name]()) || status
process.exit(status)
