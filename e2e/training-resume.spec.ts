import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

// WASM epochs of German credit (with a checkpoint each) last a few hundred milliseconds on two
// busy cores: 40 leave seconds to reload mid-run.
const EPOCHS = 40

/** Epoch numbers and losses of the Training history table, in row order. */
async function history(page: Page): Promise<{ epochs: number[]; losses: number[] }> {
  const rows = page.getByRole('table', { name: 'Training history' }).locator('tbody tr')
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => [
      tr.querySelector('td:nth-child(1)')?.textContent ?? '',
      tr.querySelector('td:nth-child(2)')?.getAttribute('data-value') ?? '',
    ]),
  )
  return { epochs: cells.map(([e]) => Number(e)), losses: cells.map(([, l]) => Number(l)) }
}

/** Starts a long run on WASM and reloads the page once a few epochs are checkpointed. */
async function trainThenReload(
  studio: StudioPage,
): Promise<{ epochs: number[]; losses: number[] }> {
  const { page } = studio
  await studio.open('?backend=wasm')
  await studio.loadSample('German credit risk')
  await studio.tab('Train').click()
  const input = page.getByRole('textbox', { name: 'Epochs', exact: true })
  await input.fill(String(EPOCHS))
  await input.blur()
  await page.getByRole('button', { name: 'Start training' }).click()
  // Epoch 3 on screen: epoch 2's checkpoint is written (the engine waits for it between epochs).
  await expect(page.getByText(new RegExp(`epoch ([3-9]|\\d\\d) of ${EPOCHS}\\b`))).toBeVisible()
  const before = await history(page)
  await page.reload()
  return before
}

test('a reload mid-training offers to resume, and the run goes on from its checkpoint', async ({
  page,
}) => {
  test.setTimeout(200_000)
  const studio = new StudioPage(page)
  const before = await trainThenReload(studio)

  const offer = page.getByText(
    new RegExp(`Training of GermanCredit\\.csv stopped at epoch (\\d+) of ${EPOCHS}`),
  )
  await expect(offer).toBeVisible()
  const stoppedAt = Number((await offer.textContent())?.match(/epoch (\d+) of/)?.[1])
  expect(stoppedAt).toBeGreaterThanOrEqual(2)
  await page.getByRole('button', { name: `Resume training from epoch ${stoppedAt}` }).click()

  await expect(studio.trainStatus()).toContainText('Backend: wasm')
  await expect(studio.trainStatus()).toContainText(`Finished after ${EPOCHS} epochs`, {
    timeout: 120_000,
  })
  await studio.historyCaughtUp()
  const after = await history(page)
  // Every epoch once, in order: the run went on after its checkpoint instead of starting over.
  expect(after.epochs).toEqual(Array.from({ length: EPOCHS }, (_, i) => i + 1))
  // The epochs trained before the reload are those the checkpoint kept, losses and all.
  const kept = Math.min(stoppedAt, before.losses.length)
  expect(after.losses.slice(0, kept)).toEqual(before.losses.slice(0, kept))
  expect(after.losses.every(Number.isFinite)).toBe(true)
  expect(after.losses.at(-1)).toBeLessThan(after.losses[0] ?? 0)
  const metrics = await studio.testMetrics()
  expect(metrics.auc).toBeGreaterThan(0.6)

  // A finished run leaves nothing to resume.
  await page.reload()
  await expect(page.getByRole('tab', { name: 'Data' })).toBeVisible()
  await page.waitForTimeout(1000)
  await expect(page.getByText(/stopped at epoch \d+ of/)).toHaveCount(0)
})

test('Discard forgets the interrupted run and its checkpoint', async ({ page }) => {
  test.setTimeout(120_000)
  const studio = new StudioPage(page)
  await trainThenReload(studio)
  await expect(page.getByText(/Training of GermanCredit\.csv stopped at epoch/)).toBeVisible()
  await page.getByRole('button', { name: 'Discard' }).click()
  await expect(page.getByText(/stopped at epoch \d+ of/)).toHaveCount(0)

  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('model-studio')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(new Error('the studio database did not open'))
    })
    const count = (store: string) =>
      new Promise<number>((resolve) => {
        const request = db.transaction(store).objectStore(store).count()
        request.onsuccess = () => resolve(request.result)
      })
    return { checkpoints: await count('checkpoints'), runs: await count('active-runs') }
  })
  expect(stored).toEqual({ checkpoints: 0, runs: 0 })
  await page.reload()
  await page.waitForTimeout(1000)
  await expect(page.getByText(/stopped at epoch \d+ of/)).toHaveCount(0)
})
