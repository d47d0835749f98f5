// The data-load benchmark (part of `npm run bench`; alone with BENCH_ONLY=data): writes the
// 1,000,000-row × 20-column CSV once to the temp folder, then in one Chromium run times our load
// (the studio's parse worker: stream, infer types, profile, columns transferred back) against a
// bare papaparse parse of the same file in a worker, and reports rows/s, the ratio and peak heaps.
import { existsSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { build, preview } from 'vite'
import { chromiumLaunchOptions } from '../../e2e/chromium-launch.mjs'
import { writeBigCsv } from './big-csv.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const configFile = join(here, 'vite.data.config.ts')
const ROWS = Number(process.env.BENCH_DATA_ROWS ?? 1_000_000)
const ROUNDS = Number(process.env.BENCH_DATA_ROUNDS ?? 3)

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const mb = (bytes) => (bytes == null ? '–' : `${(bytes / 2 ** 20).toFixed(0)} MB`)
const rate = (n) => Math.round(n).toLocaleString('en-US')

async function csvFile(say) {
  const path = join(tmpdir(), `studio-bench-loans-${ROWS}.csv`)
  if (!existsSync(path) || statSync(path).size === 0) {
    say(`writing ${ROWS.toLocaleString('en-US')} rows × 20 columns to ${path}`)
    await writeBigCsv(path, ROWS)
  }
  return path
}

/** Which path a worker belongs to, by its script. */
const workerPath = (url) =>
  /parse-worker/.test(url) ? 'ours' : /bare-worker/.test(url) ? 'bare' : 'phases'

/**
 * Samples every worker's JS heap from outside through the DevTools protocol
 * (Runtime.getHeapUsage, answered even while the worker runs a long task), largest seen by path.
 */
async function sampleWorkers(browser) {
  const cdp = await browser.newBrowserCDPSession()
  const peaks = new Map()
  const sessions = new Map()
  let nextId = 1
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const reply = JSON.parse(message)
    const path = sessions.get(sessionId)
    const used = reply.result?.usedSize
    if (path && typeof used === 'number') peaks.set(path, Math.max(peaks.get(path) ?? 0, used))
  })
  let stopped = false
  const loop = async () => {
    while (!stopped) {
      const { targetInfos } = await cdp.send('Target.getTargets')
      for (const target of targetInfos.filter((t) => t.type === 'worker')) {
        try {
          let sessionId = [...sessions.keys()].find(
            (id) => sessions.get(id + ':target') === target.targetId,
          )
          if (!sessionId) {
            ;({ sessionId } = await cdp.send('Target.attachToTarget', {
              targetId: target.targetId,
              flatten: false,
            }))
            sessions.set(sessionId, workerPath(target.url))
            sessions.set(sessionId + ':target', target.targetId)
          }
          const message = JSON.stringify({ id: nextId++, method: 'Runtime.getHeapUsage' })
          await cdp.send('Target.sendMessageToTarget', { sessionId, message })
        } catch {
          // the worker ended between listing and asking
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const done = loop()
  return async () => {
    stopped = true
    await done
    await cdp.detach()
    return peaks
  }
}

function report(result, workerPeaks) {
  const rows = ROWS
  const ours = result.runs.filter((r) => r.path === 'ours')
  const bare = result.runs.filter((r) => r.path === 'bare')
  const oursMs = median(ours.map((r) => r.ms))
  const bareMs = median(bare.map((r) => r.ms))
  const pagePeak = (runs) => Math.max(...runs.map((r) => r.pageHeapPeak ?? 0)) || null
  const p = result.phases
  const withoutProfile = p.readMs + p.inferMs + p.packMs + (p.receiveMs ?? 0)
  const out = [
    '',
    `Data-load benchmark: ${rows.toLocaleString('en-US')} rows × 20 columns, ${mb(result.fileBytes)} CSV`,
    `  browser: ${result.userAgent}`,
    `  median of ${ours.length} runs each, ours and bare alternated; times from postMessage to the worker's reply, on the page`,
    '',
    `  path | median s | rows/s | page heap peak | worker heap peak`,
    `  ours: load + types + profile (src/workers/parse-worker.ts) | ${(oursMs / 1000).toFixed(2)} | ${rate((rows / oursMs) * 1000)} | ${mb(pagePeak(ours))} | ${mb(workerPeaks.get('ours'))}`,
    `  bare: papaparse chunk streaming, nothing kept | ${(bareMs / 1000).toFixed(2)} | ${rate((rows / bareMs) * 1000)} | ${mb(pagePeak(bare))} | ${mb(workerPeaks.get('bare'))}`,
    '',
    `  ours / bare time: ${(oursMs / bareMs).toFixed(2)}× (target ≤ 1.5×; shown, never enforced); runs: ours ${ours.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s, bare ${bare.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s`,
    `  ours taken apart (one more run, same core calls): read ${(p.readMs / 1000).toFixed(2)} s, infer types ${(p.inferMs / 1000).toFixed(2)} s, profile ${(p.profileMs / 1000).toFixed(2)} s, pack the reply ${(p.packMs / 1000).toFixed(2)} s, reply to unpacked table on the page ${((p.receiveMs ?? NaN) / 1000).toFixed(2)} s`,
    `  ours without the profile (read + infer + pack + reply, from the taken-apart run): ${(withoutProfile / 1000).toFixed(2)} s, ${(withoutProfile / bareMs).toFixed(2)}× the bare median; the profile belongs to src/core/profile`,
    `  types: ${p.types.join(', ')}`,
    '  page heap = performance.memory.usedJSHeapSize (--enable-precise-memory-info) every 50 ms, after a gc() before each run; worker heap = Runtime.getHeapUsage over the DevTools protocol every 100 ms. Typed-array buffers (the columns: 20 × 8 MB here) live outside the JS heap and are not in these figures.',
  ]
  return out.join('\n')
}

/** Runs the data-load benchmark; resolves with the printed report. */
export async function runDataBench(say) {
  const path = await csvFile(say)
  say('building the data-load bench page (bench/data-load → bench/dist/data-load)')
  await build({ configFile })
  const server = await preview({
    configFile,
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const { port } = server.httpServer.address()
  const launch = chromiumLaunchOptions({ webgpu: false })
  launch.args.push('--enable-precise-memory-info', '--js-flags=--expose-gc')
  const browser = await chromium.launch(launch)
  try {
    const page = await browser.newPage()
    page.on('console', (message) => {
      const text = message.text()
      if (text.startsWith('[bench] ')) say(text.slice(8))
      else if (message.type() === 'error') say(`page: ${text}`)
    })
    await page.goto(`http://127.0.0.1:${port}/`)
    await page.locator('#file').setInputFiles(path)
    const stop = await sampleWorkers(browser)
    const result = await page.evaluate(`window.__runDataBench(${ROUNDS})`)
    const peaks = await stop()
    return report(result, peaks)
  } finally {
    await browser.close()
    await server.close()
  }
}
