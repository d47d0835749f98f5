import { expect, test, type Page } from '@playwright/test'
import type { BackendName } from '../src/core/train/backend-names'
import { harnessPort } from './harness/harness-port'
import type { TrainingReport } from './harness/training/training-protocol'

/** Fastest first; WebGPU on SwiftShader spends seconds compiling each new shader. */
const ORDER: BackendName[] = ['wasm', 'cpu', 'webgl', 'webgpu']
const LIMIT_MS: Record<BackendName, number> = {
  wasm: 30_000,
  cpu: 30_000,
  webgl: 45_000,
  webgpu: 90_000,
}

async function runHarness(page: Page, backend: BackendName): Promise<TrainingReport | undefined> {
  await page.goto(`http://127.0.0.1:${harnessPort}/training/?backend=${backend}`)
  try {
    await page.waitForFunction(() => window.__trainingHarness?.done === true, null, {
      timeout: LIMIT_MS[backend],
      polling: 250,
    })
  } catch {
    // The assertions below say what did not finish.
  }
  return page.evaluate(() => window.__trainingHarness)
}

for (const backend of ORDER) {
  test(`training on ${backend} keeps tensors flat over 25 epochs and repeats a seed exactly`, async ({
    page,
  }) => {
    test.setTimeout(LIMIT_MS[backend] + 15_000)
    const report = await runHarness(page, backend)
    expect(report?.startError ?? null, `${backend} did not start`).toBeNull()
    expect(report?.error ?? null).toBeNull()
    expect(report?.done).toBe(true)
    if (!report) return
    console.info(
      `[training harness, ${backend}] ${report.ms} ms; tensors ${report.tensorsBefore} → ${report.tensorsPerEpoch.join(',')} → ${report.tensorsAfter}; epoch ms ${report.epochMs.join(',')}`,
    )
    // The engine really trained on the backend asked for, with every per-epoch feature on.
    expect(report.backend).toBe(backend)
    expect(report.tensorsPerEpoch).toHaveLength(25)
    expect(new Set(report.learningRates).size).toBe(5)
    expect(report.batchChunks).toBeGreaterThanOrEqual(25)
    expect(report.metricKeys).toContain('val_auc')
    // Memory: the same count after every epoch, and back to the start once the run is over.
    expect(new Set(report.tensorsPerEpoch).size).toBe(1)
    expect(report.tensorsAfter).toBe(report.tensorsBefore)
    // Seeds: the same seed twice gives the same losses to the last bit, another seed others.
    const [a, b, other] = report.seedRuns
    expect(a?.losses).toHaveLength(6)
    expect(a?.losses.every(Number.isFinite)).toBe(true)
    expect(b?.losses).toEqual(a?.losses)
    expect(other?.losses).not.toEqual(a?.losses)
  })
}
