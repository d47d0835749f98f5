// The prepare benchmark (part of `npm run bench`; alone with BENCH_ONLY=prepare). In Node, one
// process per run (so each path's peak memory is its own), alternating AB BA AB:
//   ours     = prepareData (split, every step fitted on the training rows and applied to all)
//              then featureMatrix for train, validation and test, then planRecipe (what the
//              Prepare step waits for, previews included);
//   baseline = a hand-written single pass (bench/prepare/baseline.ts) fitting the same
//              statistics on the same training rows and writing the same inputs.
// Then in headless Chromium: the longest main-thread task and frame gap while the same recipe
// is planned through the studio's prepare worker, and on the main thread for contrast.
import { spawnSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { build, preview } from 'vite'
import { chromiumLaunchOptions } from '../../e2e/chromium-launch.mjs'
import { buildPrepareBench } from './build-node.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const ROWS = Number(process.env.BENCH_PREPARE_ROWS ?? 1_000_000)
const ROUNDS = Number(process.env.BENCH_PREPARE_ROUNDS ?? 3)
const BROWSER = process.env.BENCH_PREPARE_BROWSER !== '0'

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const rate = (ms) => Math.round((ROWS / ms) * 1000).toLocaleString('en-US')
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`
const mb = (n) => `${Math.round(n).toLocaleString('en-US')} MB`

function runNode(script, mode) {
  const child = spawnSync(process.execPath, ['--expose-gc', script, mode, String(ROWS)], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
    timeout: 15 * 60_000,
  })
  if (child.status !== 0) throw new Error(`${mode} run failed: ${child.stderr.trim()}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1))
}

async function browserRun(say) {
  const configFile = join(here, 'vite.prepare.config.ts')
  say('building the prepare responsiveness page (bench/prepare/page → bench/dist/prepare-page)')
  await build({ configFile })
  const server = await preview({
    configFile,
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const { port } = server.httpServer.address()
  const browser = await chromium.launch(chromiumLaunchOptions({ webgpu: false }))
  try {
    const page = await browser.newPage()
    page.on('console', (message) => {
      const text = message.text()
      if (text.startsWith('[bench] ')) say(text.slice(8))
      else if (message.type() === 'error') say(`page: ${text}`)
    })
    await page.goto(`http://127.0.0.1:${port}/`)
    await page.waitForFunction('typeof window.__runResponsiveness === "function"')
    return {
      userAgent: await page.evaluate('navigator.userAgent'),
      results: await page.evaluate(`window.__runResponsiveness(${ROWS})`),
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

function report(check, ours, baseline, page, loadBefore) {
  const o = (pick) => median(ours.map(pick))
  const b = (pick) => median(baseline.map(pick))
  const first = ours[0]
  const oursMatrix = o((r) => r.matrixMs.train + r.matrixMs.validation + r.matrixMs.test)
  const baseMatrix = b((r) => r.matrixMs.train + r.matrixMs.validation + r.matrixMs.test)
  const oursFit = o((r) => r.stepsMs + r.finishMs)
  const baseFit = b((r) => r.fitMs)
  const row = (name, ms, base) =>
    `  ${name.padEnd(44)} ${secs(ms).padStart(8)} ${rate(ms).padStart(12)} rows/s` +
    (base == null
      ? ''
      : ` | ${secs(base).padStart(8)} ${rate(base).padStart(12)} rows/s | ${(ms / base).toFixed(2)}×`)
  const stepNames = first.steps.map((s) => s.op)
  const perStep = stepNames.map((name, i) => `${name} ${o((r) => r.steps[i].ms).toFixed(0)}`)
  const out = [
    '',
    `Prepare benchmark: ${ROWS.toLocaleString('en-US')} rows × ${first.columns} columns (synthetic loan book, bench/prepare/synthetic-table.ts) → ${first.width} model inputs`,
    `  recipe: ${first.steps.length} steps (${[...new Set(stepNames)].join(', ')}); left out, not built yet on this branch: ${first.skipped.length ? first.skipped.join(', ') : 'none'}`,
    `  Node ${process.version}, ${cpus()[0]?.model ?? '?'}, ${cpus().length} logical cores; load average before: ${loadBefore.toFixed(2)}${loadBefore > 1 ? ' (busy machine: figures noisier and slower than on a quiet one)' : ''}`,
    `  median of ${ours.length} runs each, one process per run, ours and baseline alternated; rows/s = ${ROWS.toLocaleString('en-US')} table rows / time`,
    ...(first.splitFailure
      ? [
          `  NOTE: the studio's splitRows fails at this size ("${first.splitFailure}"); the bench split the rows itself (bench/prepare/bench-split.ts) and timed the rest of prepareData (fitOnParts).`,
        ]
      : []),
    '',
    `  ${'phase'.padEnd(44)} ${'ours'.padStart(8)} ${''.padStart(19)} | ${'baseline'.padStart(8)} ${''.padStart(19)} | ours/baseline`,
    row(
      'split (seeded, stratified)',
      o((r) => r.splitMs),
    ),
    row('fit + apply the steps, list the inputs', oursFit, baseFit),
    row(
      '  of which: target, inputs, missing count',
      o((r) => r.finishMs),
    ),
    row('model inputs → Float32Array (3 parts)', oursMatrix, baseMatrix),
    row(
      'prepare for training (all of the above)',
      o((r) => r.prepareMs + r.matrixMs.train + r.matrixMs.validation + r.matrixMs.test),
      baseFit + baseMatrix,
    ),
    row(
      'plan (the Prepare step: prepareData + previews)',
      o((r) => r.planMs),
    ),
    '',
    `  ours per step (ms): ${perStep.join(', ')}`,
    `  peak RSS: ours ${mb(o((r) => r.peakRssMB))}, baseline ${mb(b((r) => r.peakRssMB))}, the table alone ${mb(o((r) => r.rssAtStartMB))} (array buffers ${mb(first.tableMB)}); held after gc with the results alive: ours ${mb(o((r) => r.heldMB))}, baseline ${mb(b((r) => r.heldMB))}`,
    `  ours vs baseline on the test rows: ${check.matched} of ${check.ours} inputs matched by name (baseline ${check.baseline}), largest difference ${check.maxDiff.toExponential(2)}`,
    '  baseline fit = statistics from the training rows; ours = every step fitted and applied to every row (new columns), sources traced, reports, the missing-inputs count.',
  ]
  if (page) {
    out.push(
      '',
      `  Page responsiveness while ${ROWS.toLocaleString('en-US')} rows are planned (${page.userAgent}):`,
    )
    for (const r of page.results) {
      out.push(
        `    ${r.path.padEnd(12)} plan ${secs(r.planMs)}, longest main-thread task ${r.longestTaskMs.toFixed(0)} ms, longest gap between frames ${r.longestFrameGapMs.toFixed(0)} ms, ${r.frames} frames${r.path === 'worker' ? `, ${r.progressReports} progress reports` : ''}${r.error ? `, failed: ${r.error}` : ''}`,
      )
    }
    out.push(
      '    worker = src/workers/prepare-client.ts (the table copied over once, the recipe sent, the plan back); the longest task there is the copy of the table to the worker.',
    )
  }
  return out.join('\n')
}

/** Runs the prepare benchmark; resolves with the printed report. */
export async function runPrepareBench(say) {
  const loadBefore = loadavg()[0]
  say('bundling bench/prepare/prepare-bench.ts for Node')
  const script = await buildPrepareBench()
  say(`checking ours against the baseline on ${ROWS.toLocaleString('en-US')} rows`)
  const check = runNode(script, 'check')
  const ours = []
  const baseline = []
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? ['baseline', 'ours'] : ['ours', 'baseline']
    for (const mode of order) {
      say(`round ${round + 1}/${ROUNDS}: ${mode}`)
      ;(mode === 'ours' ? ours : baseline).push(runNode(script, mode))
    }
  }
  let page = null
  if (BROWSER) {
    try {
      page = await browserRun(say)
    } catch (error) {
      say(
        `prepare responsiveness page failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  return report(check, ours, baseline, page, loadBefore)
}
