import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { compareBundleWithPage } from './bundle-check'
import { StudioPage } from './studio-page'

/** One row of the weight storage table: the data-value (or data-change) of each storage. */
async function storageRow(page: Page, metric: string, attribute = 'data-value') {
  const cells = page
    .getByRole('table', { name: 'Weight storage check' })
    .locator(`tr[data-metric="${metric}"] td`)
  const pairs: [string, string][] = await cells.evaluateAll(
    (tds, attribute) =>
      tds.map((td): [string, string] => [
        td.getAttribute('data-quantization') ?? '',
        td.getAttribute(attribute) ?? '',
      ]),
    attribute,
  )
  return Object.fromEntries(pairs.map(([q, v]) => [q, v === '' ? Number.NaN : Number(v)]))
}

async function downloadFrom(page: Page, button: string): Promise<Buffer> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: button, exact: true }).click()
  return readFile(await (await download).path())
}

test('the Download tab shows what each weight storage costs, and a uint8 bundle keeps its word', async ({
  page,
}, testInfo) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('German credit risk')
  await studio.train(4)
  await studio.tab('Deploy').click()
  await page.getByRole('tab', { name: 'Download', exact: true }).click()

  const table = page.getByRole('table', { name: 'Weight storage check' })
  await expect(table).toBeVisible()
  // The worker reports uint8 last: once its cell has a number, every storage is scored.
  await expect(
    table.locator('tr[data-metric="largestChange"] td[data-quantization="uint8"]'),
  ).toHaveAttribute('data-value', /\d/, { timeout: 60_000 })
  await page.screenshot({ path: testInfo.outputPath('download-tab.png'), fullPage: true })

  const sizes = await storageRow(page, 'weightsBytes')
  expect(sizes.float16).toBe((sizes.float32 ?? 0) / 2)
  expect(sizes.uint8).toBe((sizes.float32 ?? 0) / 4)
  const largest = await storageRow(page, 'largestChange')
  expect(largest.float32).toBe(0)
  expect(largest.float16).toBeGreaterThan(0)
  expect(largest.float16).toBeLessThan(0.005)
  expect(largest.uint8).toBeGreaterThan(largest.float16 ?? 0)
  // float16 leaves every test metric where float32 had it, to a hundredth at most.
  const metrics = await studio.page
    .getByRole('table', { name: 'Weight storage check' })
    .locator('tbody tr[data-metric]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-metric') ?? ''))
  const tested = metrics.filter((m) => m !== 'weightsBytes' && m !== 'largestChange')
  expect(tested).toEqual(expect.arrayContaining(['accuracy', 'auc', 'logLoss']))
  for (const metric of tested) {
    const change = await storageRow(page, metric, 'data-change')
    expect(Math.abs(change.float16 ?? Number.NaN), metric).toBeLessThan(0.01)
    expect(Number.isFinite(change.uint8), metric).toBe(true)
  }

  await page.getByRole('radio', { name: /uint8/ }).check()
  const zip = await downloadFrom(page, 'Download model bundle')
  const csv = (await downloadFrom(page, 'Download test predictions (CSV)')).toString('utf8')

  const files = unzipSync(new Uint8Array(zip))
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining([
      'model.json',
      'weights.bin',
      'recipe.json',
      'model-card.md',
      'model-card.html',
    ]),
  )
  expect(files['weights.bin']?.length).toBe(sizes.uint8)
  const sample = await readFile('public/datasets/GermanCredit.csv')
  const sha = createHash('sha256').update(sample).digest('hex')
  const html = strFromU8(files['model-card.html'] ?? new Uint8Array())
  const markdown = strFromU8(files['model-card.md'] ?? new Uint8Array())
  for (const card of [html, markdown]) {
    expect(card).toContain(sha)
    expect(card).toContain('Weights are stored as 8-bit integers')
  }
  expect(html).not.toContain('<script')
  // The card quotes the check the page showed for the storage it holds.
  const auc = await storageRow(page, 'auc')
  const shown = (v: number | undefined) =>
    (v ?? Number.NaN).toLocaleString('en-US', { maximumFractionDigits: 4 })
  expect(markdown).toContain(
    `ROC AUC ${shown(auc.float32)} with float32, ${shown(auc.uint8)} with uint8`,
  )

  // The uint8 weights load in Node and score the page's test rows within the change the table
  // stated (plus a hair for WASM in the page against the CPU backend here).
  const comparison = await compareBundleWithPage(zip, csv)
  expect(comparison.rows).toBe(100)
  expect(comparison.maxDifference).toBeGreaterThan(1e-5)
  expect(comparison.maxDifference).toBeLessThanOrEqual((largest.uint8 ?? 0) + 1e-4)

  const card = await downloadFrom(page, 'Download model card')
  expect(card.toString('utf8')).toContain(sha)
  // The card opens as a page of its own: every section, the loss chart drawn.
  await page.setContent(card.toString('utf8'))
  for (const name of ['Data', 'Input columns', 'Model', 'Test metrics', 'Limitations'])
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible()
  await expect(
    page.getByRole('img', { name: 'Training and validation loss per epoch' }),
  ).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('model-card.png'), fullPage: true })
  await page.locator('#training').screenshot({ path: testInfo.outputPath('card-training.png') })
  await page.locator('#limitations').screenshot({ path: testInfo.outputPath('card-limits.png') })
})
