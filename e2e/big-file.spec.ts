import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { writeBigCsv } from '../bench/data-load/big-csv.mjs'
import { StudioPage } from './studio-page'

// One generated loan book for both tests: 1,000,000 rows × 20 columns, about 145 MB.
let dir = ''
let bigCsv = ''

test.beforeAll(async () => {
  test.setTimeout(240_000)
  dir = await mkdtemp(join(tmpdir(), 'studio-big-'))
  bigCsv = join(dir, 'loan-book.csv')
  await writeBigCsv(bigCsv)
})

test.afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

test('a 1,000,000-row CSV streams in with a progress bar and is all there', async ({ page }) => {
  test.setTimeout(480_000)
  const studio = new StudioPage(page)
  await studio.open()
  await studio.tab('Data').click()
  await page.getByLabel('Upload data file').setInputFiles(bigCsv)
  const progress = page.getByRole('progressbar', { name: 'Loading data' })
  await expect(progress).toBeVisible()
  await expect(page.getByText(/Reading loan-book\.csv: [\d,]+ rows · \d+ of \d+ MB/)).toBeVisible()
  await expect(page.getByText('1,000,000 rows × 20')).toBeVisible({ timeout: 420_000 })
  await expect(progress).toBeHidden()
  await expect(page.getByRole('table', { name: 'Data preview' })).toContainText('LOAN-00000001')
})

test('Cancel stops a big load and keeps the data already loaded', async ({ page }) => {
  test.setTimeout(240_000)
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample()
  // The header names the loaded data (beside a save status and an offline note that change
  // by themselves): the sample's name must stay.
  const loaded = page.getByRole('banner').getByText('GermanCredit.csv', { exact: true })
  await expect(loaded).toBeVisible()
  await page.getByLabel('Upload data file').setInputFiles(bigCsv)
  await expect(page.getByRole('progressbar', { name: 'Loading data' })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('progressbar', { name: 'Loading data' })).toBeHidden()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(loaded).toBeVisible()
  await expect(page.getByRole('banner')).not.toContainText('loan-book')
  await expect(page.getByRole('table', { name: 'Columns' })).toBeVisible()
  await expect(page.getByText('1,000,000 rows')).toHaveCount(0)
})
