import { expect, test, type Page } from '@playwright/test'
import { harnessPort } from './harness/harness-port'
import type { FaultsReport } from './harness/faults/faults-protocol'

async function runFaults(page: Page, backend: 'webgl' | 'webgpu'): Promise<FaultsReport> {
  await page.goto(`http://127.0.0.1:${harnessPort}/faults/?backend=${backend}`)
  await page.waitForFunction(() => window.__faultsHarness?.done === true, null, {
    timeout: 200_000,
    polling: 500,
  })
  const report = await page.evaluate(() => window.__faultsHarness)
  if (!report) throw new Error('the faults harness published nothing')
  return report
}

// Each backend's GPU is really lost after epoch 2's checkpoint reached IndexedDB; the run must
// go on from that checkpoint on the next backend and finish, leaving no tensor behind.
for (const [backend, next] of [
  ['webgl', 'wasm'],
  ['webgpu', 'webgl'],
] as const) {
  test(`a lost ${backend} ${backend === 'webgl' ? 'context' : 'device'} hands the run to ${next}, which resumes from epoch 2`, async ({
    page,
  }) => {
    test.setTimeout(240_000)
    const report = await runFaults(page, backend)
    expect(report.error).toBeNull()
    expect(report.fallback).toMatchObject({ from: backend, to: next, epoch: 2 })
    expect(report.fallback?.reason).toMatch(backend === 'webgl' ? /WebGL context was lost/ : /./)
    expect(report.events.filter((e) => e.startsWith('epoch'))).toEqual([
      `epoch 1 ${backend}`,
      `epoch 2 ${backend}`,
      `epoch 3 ${next}`,
      `epoch 4 ${next}`,
    ])
    expect(report.checkpoints).toEqual([1, 2, 3, 4])
    expect(report.storedEpoch).toBe(4)
    expect(report.finishedOn).toBe(next)
    expect(report.losses).toHaveLength(4)
    expect(report.losses.every(Number.isFinite)).toBe(true)
    expect(report.tensorsAfter).toBe(report.tensorsBefore)
    expect(report.tensorsAtEnd).toBe(report.tensorsBefore)
  })
}
