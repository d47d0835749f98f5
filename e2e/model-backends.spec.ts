import { expect, test, type Page } from '@playwright/test'
import { LAYER_TYPES } from '../src/core/model/layer-catalogue'
import type { BackendName } from '../src/core/train/backend-names'
import { harnessPort } from './harness/harness-port'
import type { HarnessReport, LayerRun } from './harness/protocol'

/** Fastest first, so that a broken layer shows up before WebGPU's long shader compiles. */
const ORDER: BackendName[] = ['wasm', 'cpu', 'webgl', 'webgpu']

/** How long each backend may take for all layers here (WebGPU on SwiftShader: seconds a shader). */
const LIMIT_MS: Record<BackendName, number> = {
  wasm: 120_000,
  cpu: 120_000,
  webgl: 240_000,
  webgpu: 480_000,
}

async function runHarness(page: Page, backend: BackendName): Promise<HarnessReport | undefined> {
  await page.goto(`http://127.0.0.1:${harnessPort}/?backend=${backend}`)
  try {
    await page.waitForFunction(() => window.__layerHarness?.done === true, null, {
      timeout: LIMIT_MS[backend],
      polling: 1000,
    })
  } catch {
    // Report what finished; the assertions below name the layers that did not.
  }
  return page.evaluate(() => window.__layerHarness)
}

function cell(run: LayerRun | undefined): string {
  if (!run) return 'not run'
  return `${run.ok ? 'ok' : 'FAIL'} ${run.ms}`
}

/** What is wrong with a layer's run on a backend, or null when it trained as it should. */
function problem(run: LayerRun | undefined, backend: BackendName): string | null {
  if (!run) return 'did not run in time'
  // The work must have run on the backend asked for, not on a silent fallback.
  if (run.backend !== backend) return `ran on ${run.backend}`
  return run.ok ? null : (run.error ?? 'failed')
}

function table(reports: Map<BackendName, HarnessReport | undefined>): string {
  const header = ['layer (ms)', ...ORDER]
  const rows = LAYER_TYPES.map((layer) => [
    layer,
    ...ORDER.map((b) => cell(reports.get(b)?.runs.find((r) => r.layer === layer))),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')
  return [line(header), ...rows.map(line)].join('\n')
}

test('every layer type builds, trains, moves its weights and predicts on every backend', async ({
  page,
}) => {
  test.setTimeout(Object.values(LIMIT_MS).reduce((a, b) => a + b, 60_000))
  const reports = new Map<BackendName, HarnessReport | undefined>()
  for (const backend of ORDER) {
    await test.step(backend, async () => {
      reports.set(backend, await runHarness(page, backend))
    })
  }
  console.log(`\n${table(reports)}\n`)
  const stayed = [...reports].flatMap(([backend, report]) =>
    (report?.runs ?? [])
      .filter((run) => run.ok && run.unchanged.length > 0)
      .map((run) => `  ${run.layer} on ${backend}: ${run.unchanged.join(', ')}`),
  )
  if (stayed.length > 0)
    console.log(
      `Weights that stayed put, as they may (zero gradient by design):\n${stayed.join('\n')}\n`,
    )

  for (const backend of ORDER) {
    const report = reports.get(backend)
    expect.soft(report?.startError, `${backend} starts`).toBeNull()
    for (const layer of LAYER_TYPES) {
      expect
        .soft(
          problem(
            report?.runs.find((r) => r.layer === layer),
            backend,
          ),
          `${layer} on ${backend}`,
        )
        .toBeNull()
    }
  }
})
