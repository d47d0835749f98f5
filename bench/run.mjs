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
if (process.env.BENCH_CASES) query.set('cases', process.env.BENCH_CASES)
if (process.env.BENCH_PROBES) query.set('probes', process.env.BENCH_PROBES)

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

function header(result, loadBefore) {
  const m = result.machine
  return [
    '',
    'Training benchmark',
    `  machine: ${cpus()[0]?.model ?? '?'}, ${cpus().length} logical cores (navigator.hardwareConcurrency ${m.hardwareConcurrency}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `  load average (1 min) before the bench started: ${loadBefore.toFixed(2)}${loadBefore > 0.5 ? ' – other processes were busy, so these figures are noisier than usual' : ''}`,
    `  browser: ${m.userAgent}`,
    `  WebGPU adapter: ${m.webgpuAdapter ?? 'none'}${/swiftshader/i.test(m.webgpuAdapter ?? '') ? ' (SwiftShader: WebGPU runs on the CPU here; its figures mostly show shader compilation and emulation)' : ''}`,
    `  WebGL renderer: ${m.webglRenderer ?? 'none'}`,
    `  samples/s = training rows × epochs / wall time of the run (incl. validation each epoch); median of ${result.rounds} rounds (min–max), engine and bare runs alternated`,
  ].join('\n')
}

/** Median engine samples/s per backend of a case (only backends that were timed). */
const engineMedians = (c) =>
  Object.fromEntries(
    c.backends
      .filter((b) => b.engine.length > 0)
      .map((b) => [b.backend, median(b.engine.map((t) => t.samplesPerSecond))]),
  )

function caseReport(c) {
  const out = []
  out.push('')
  out.push(`Case ${c.id}: ${c.dataset}`)
  out.push(
    `  ${c.trainRows} training rows × [${c.inputShape.join(' × ')}], ${c.validationRows} validation rows, batch ${c.batchSize}`,
  )
  out.push(`  model: ${c.model}`)
  out.push('')
  const rows = []
  const notes = []
  for (const b of c.backends) {
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
  for (const note of notes) out.push(`  ${note}`)
  out.push(...probeReport(c))
  out.push(...diagnosticReport(c))
  return out.join('\n')
}

/**
 * The studio's backend probe against the long timed runs: which backend it picked in each fresh
 * worker, what it measured per backend, and how far its pick's timed speed falls short of the
 * fastest timed backend (the issue allows 10 %).
 */
function probeReport(c) {
  if (c.probes.length === 0 && !c.probeError) return []
  const out = ['']
  const timed = engineMedians(c)
  const names = Object.keys(timed)
  const fastest = names.length > 0 ? Math.max(...names.map((n) => timed[n])) : null
  const fastestName = names.find((n) => timed[n] === fastest)
  out.push(
    `  Backend probe (chooseBackend('auto') + measureTrainingSpeed as runTrainingJob calls them, each run in a fresh worker); timed engine medians: ${names.map((n) => `${n} ${rate(timed[n])}`).join(', ')}`,
  )
  out.push('')
  const backends = c.probes[0]?.probes.map((p) => p.backend) ?? []
  const rows = c.probes.map((run, i) => {
    const pick = timed[run.backend]
    const gap = pick != null && fastest ? `${((1 - pick / fastest) * 100).toFixed(1)} %` : '?'
    return [
      `${i + 1}`,
      run.backend,
      ...backends.map((name) => {
        const p = run.probes.find((q) => q.backend === name)
        const ms = run.measureMs?.[name]
        const took = ms == null ? '' : ` (${seconds(ms)})`
        return `${p?.samplesPerSecond != null ? rate(p.samplesPerSecond) : 'failed'}${took}`
      }),
      seconds(run.ms),
      gap,
    ]
  })
  out.push(
    table(
      ['probe run', 'pick', ...backends.map((b) => `${b} probe`), 'probe time', 'gap to fastest'],
      rows,
    ),
  )
  out.push(
    `  per backend: samples/s the probe measured (its wall time: build, warm-up batch, timed fits); gap to fastest = 1 − timed speed of the pick ÷ timed speed of the fastest (${fastestName ?? '?'}); the issue requires ≤ 10 %. A backend left out of the timed runs (BENCH_BACKENDS) shows '?'.`,
  )
  for (const run of c.probes)
    for (const p of run.probes) if (p.error) out.push(`  probe ${p.backend}: ${p.error}`)
  if (c.probeError) out.push(`  probe failed: ${c.probeError}`)
  return out
}

function diagnosticReport(c) {
  const diagnosed = c.backends.filter((b) => b.diagnostics.epochwise?.length > 0)
  if (diagnosed.length === 0) return []
  const out = ['']
  const names = Object.keys(diagnosed[0].diagnostics)
  // Each path against the engine within the same round, median over rounds.
  const cell = (runs, engine) =>
    `${rate(median(runs.map((t) => t.samplesPerSecond)))} (${median(runs.map((t, i) => t.samplesPerSecond / engine[i].samplesPerSecond)).toFixed(2)})`
  out.push(
    '  Diagnostic paths (BENCH_DIAG=1): median samples/s (median ratio to the engine in the same round)',
  )
  out.push('')
  out.push(
    table(
      ['backend', 'engine', 'bare', ...names, 'gather ms/epoch', 'engine epoch ms'],
      diagnosed.map((b) => [
        b.backend,
        rate(median(b.engine.map((t) => t.samplesPerSecond))),
        cell(b.bare, b.engine),
        ...names.map((n) => cell(b.diagnostics[n], b.engine)),
        b.gatherMs == null ? '–' : b.gatherMs.toFixed(2),
        (median(b.engine.map((t) => t.ms)) / b.epochs).toFixed(1),
      ]),
    ),
  )
  out.push('')
  out.push(
    '  Final losses after the same epochs (median over rounds: training loss / validation loss):',
  )
  out.push('')
  const losses = (runs) => {
    const loss = runs.map((t) => t.loss).filter((v) => v != null && Number.isFinite(v))
    const val = runs.map((t) => t.valLoss).filter((v) => v != null && Number.isFinite(v))
    return loss.length
      ? `${median(loss).toFixed(4)} / ${val.length ? median(val).toFixed(4) : '–'}`
      : '–'
  }
  const lossPaths = ['minimize', 'batch64', 'batch128', 'batch256'].filter((n) => names.includes(n))
  out.push(
    table(
      ['backend', `engine (batch ${c.batchSize})`, 'bare', ...lossPaths],
      diagnosed.map((b) => [
        b.backend,
        losses(b.engine),
        losses(b.bare),
        ...lossPaths.map((n) => losses(b.diagnostics[n])),
      ]),
    ),
  )
  out.push('')
  out.push(
    "  epochwise = bare model.fit once per epoch with tfjs shuffle; host-shuffle = the engine's seeded shuffle done on the host; never-yield = the engine's loop with yieldEvery 'never'; batch-sync = the same with an onBatchEnd callback reading each batch's loss; batch-kept = the same keeping each batch's loss tensor (tf.Callback) and reading them once per epoch; minimize = a hand-written optimizer.minimize loop, one loss read per epoch; batchN = the engine at batch N (fewer steps per epoch).",
  )
  return out
}

/** Backends as rows, the cases side by side: engine and bare samples/s of each. */
function sideBySide(cases) {
  const backends = [...new Set(cases.flatMap((c) => c.backends.map((b) => b.backend)))]
  const cell = (c, name, path) => {
    const b = c.backends.find((x) => x.backend === name)
    return b && b[path].length > 0 ? rate(median(b[path].map((t) => t.samplesPerSecond))) : '–'
  }
  return table(
    ['backend', ...cases.flatMap((c) => [`${c.id} engine`, `${c.id} bare`])],
    backends.map((name) => [
      name,
      ...cases.flatMap((c) => [cell(c, name, 'engine'), cell(c, name, 'bare')]),
    ]),
  )
}

/** The same model and shapes trained by PyTorch on the CPU; throws with its last error line. */
function torchRun(c, threads) {
  const args = [
    join(benchDir, 'torch_peer.py'),
    `--model=${c.id}`,
    `--rows=${c.trainRows}`,
    `--validation=${c.validationRows}`,
    `--shape=${c.inputShape.join(',')}`,
    `--batch=${c.batchSize}`,
    '--rounds=5',
    `--threads=${threads}`,
  ]
  const run = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 10 * 60_000 })
  if (run.status !== 0) throw new Error(run.stderr.trim().split('\n').at(-1))
  return JSON.parse(run.stdout)
}

/** PyTorch on one thread and on every core, against the fastest timed backend of each case. */
function torchPeer(cases) {
  if (process.env.BENCH_TORCH === '0') return '  PyTorch peer: skipped (BENCH_TORCH=0).'
  if (!existsSync(PYTHON)) return `  PyTorch peer: skipped (${PYTHON} not found).`
  const check = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' })
  if (check.status !== 0)
    return `  PyTorch peer: skipped (${PYTHON} has no torch; on Debian: apt-get install python3-torch).`
  const all = cpus().length
  const out = [
    '',
    'Native peer: the same models, shapes and batch in PyTorch on the CPU (bench/torch_peer.py, random data of the same shape: the speed does not depend on the values)',
    '',
  ]
  const rows = []
  let version = '?'
  for (const c of cases) {
    const timed = engineMedians(c)
    const best = Object.entries(timed).sort((a, b) => b[1] - a[1])[0]
    const peers = []
    for (const threads of [1, all]) {
      say(`PyTorch CPU peer: ${c.id}, ${threads} thread${threads > 1 ? 's' : ''}`)
      try {
        const peer = torchRun(c, threads)
        version = peer.torch
        peers.push(peer)
      } catch (error) {
        out.push(`  PyTorch ${c.id} (${threads} threads) failed: ${error.message}`)
        peers.push(null)
      }
    }
    const [one, many] = peers
    rows.push([
      c.id,
      best ? `${rate(best[1])} (${best[0]})` : '–',
      one ? `${rate(one.median)}${range(one.samplesPerSecond)}` : '–',
      many ? `${rate(many.median)}${range(many.samplesPerSecond)}` : '–',
      best && one ? (best[1] / one.median).toFixed(2) : '–',
      best && many ? (best[1] / many.median).toFixed(2) : '–',
    ])
  }
  out.push(
    table(
      [
        'case',
        'fastest engine samples/s',
        'PyTorch 1 thread',
        `PyTorch ${all} threads`,
        'engine / torch 1',
        `engine / torch ${all}`,
      ],
      rows,
    ),
  )
  out.push(
    `  PyTorch ${version}; each figure the median of 5 rounds (min–max); engine = the fastest timed backend's median in the tables above.`,
  )
  return out.join('\n')
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
    const printed = [
      header(result, loadBefore),
      ...result.cases.map(caseReport),
      '',
      'Cases side by side (engine and bare samples/s, medians):',
      '',
      sideBySide(result.cases),
    ].join('\n')
    console.log(printed)
    console.log(torchPeer(result.cases))
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
