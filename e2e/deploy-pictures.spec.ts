import { expect, test, type Page } from '@playwright/test'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { readFile, writeFile } from 'node:fs/promises'
import { StudioPage } from './studio-page'

const DIGITS = 'public/datasets/digits-images.zip'

async function loadDigits(page: Page) {
  await page.getByRole('tab', { name: 'Data', exact: true }).click()
  const browse = page.getByRole('button', { name: 'Browse sample datasets' })
  if (await browse.isVisible()) await browse.click()
  await page.getByRole('button', { name: 'Load Handwritten digit images', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Image classes' }).getByRole('listitem')).toHaveCount(
    10,
  )
}

/** The probabilities the card for `name` shows, as its data attribute holds them. */
async function probabilitiesOf(page: Page, name: string): Promise<number[]> {
  const card = page.getByRole('region', { name: `Prediction for ${name}` })
  await expect(card.getByLabel('Predicted class', { exact: true })).toBeVisible()
  return JSON.parse((await card.getAttribute('data-probabilities')) ?? '[]') as number[]
}

test('a picture model predicts and explains pictures, scores a zip, and reopens from its bundle with the same answers', async ({
  page,
}, info) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await loadDigits(page)
  const losses = await studio.train(2)
  const accuracy = (await studio.testMetrics()).accuracy ?? 0
  expect(accuracy).toBeGreaterThan(0.3)

  // Predict: one chosen picture, then a test picture of the loaded dataset.
  const digits = unzipSync(new Uint8Array(await readFile(DIGITS)))
  const seven = digits['digits/7/0007.png']
  if (!seven) throw new Error('the digits zip has no digits/7/0007.png')
  await studio.tab('Deploy').click()
  await page.getByLabel('Choose pictures to predict').setInputFiles({
    name: 'seven.png',
    mimeType: 'image/png',
    buffer: Buffer.from(seven),
  })
  const first = await probabilitiesOf(page, 'seven.png')
  expect(first).toHaveLength(10)
  expect(first.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4)
  const card = page.getByRole('region', { name: 'Prediction for seven.png' })
  await expect(card.getByRole('img', { name: /as the model sees it/ })).toHaveAttribute(
    'data-size',
    '8x8x1',
  )
  await expect(card.getByLabel(/^Why seven\.png is/)).toContainText(/looks most at|barely changes/)
  await card.screenshot({ path: info.outputPath('picture-card.png') })
  await page.getByRole('button', { name: 'Pick a test picture' }).click()
  await expect(page.getByText(/test picture \d+ of 180, truly \d/)).toBeVisible()
  await page.screenshot({ path: info.outputPath('picture-predict.png'), fullPage: true })

  // Score a file: a zip of 40 digits, a note and a file that only claims to be a picture.
  const batch: Record<string, Uint8Array> = {
    'batch/readme.txt': strToU8('not a picture'),
    'batch/broken.png': strToU8('not a png at all'),
  }
  Object.entries(digits)
    .slice(0, 40)
    .forEach(([path, bytes]) => (batch[`batch/${path.split('/').at(-1) ?? path}`] = bytes))
  await studio.deployTab('Score a file').click()
  // All 1,797 digits take a few seconds: long enough to cancel, and the page says so.
  await page.getByLabel('Upload a .zip of pictures').setInputFiles(DIGITS)
  await expect(page.getByRole('status', { name: 'Scoring progress' })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel scoring' }).click()
  await expect(page.getByText('Scoring digits-images.zip was cancelled.')).toBeVisible()
  await page.getByLabel('Upload a .zip of pictures').setInputFiles({
    name: 'batch.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync(batch)),
  })
  await expect(page.getByRole('status', { name: 'Scoring summary' })).toContainText(
    'batch.zip: 40 pictures scored',
  )
  await expect(page.getByRole('status', { name: 'Scoring summary' })).toContainText(
    '2 files not scored',
  )
  const table = page.getByRole('table', { name: 'Scored pictures' })
  await expect(table.locator('tbody tr')).toHaveCount(42)
  await expect(table.getByRole('row', { name: /readme\.txt/ })).toContainText(
    'Not a picture (.txt file)',
  )
  await page.screenshot({ path: info.outputPath('picture-batch.png'), fullPage: true })
  const csvDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download scored pictures (CSV)' }).click()
  const csv = strFromU8(new Uint8Array(await readFile(await (await csvDownload).path())))
  const lines = csv.trim().split('\r\n')
  expect(lines[0]).toBe(
    `file,predicted_class,${Array.from({ length: 10 }, (_, d) => `probability_${d}`).join(',')},note`,
  )
  expect(lines).toHaveLength(43)

  // The weight storage check scores the test pictures.
  await studio.deployTab('Download').click()
  await expect(page.getByText('Measured on the 180 test pictures')).toBeVisible()
  await page.screenshot({ path: info.outputPath('picture-download.png'), fullPage: true })
  const zip = await studio.download('Download model bundle')
  const file = info.outputPath('digits-model.zip')
  await writeFile(file, zip)

  // A new project: the bundle opens with no data and predicts the same picture alike.
  await page.getByRole('button', { name: /^Projects \(open: / }).click()
  await page.getByRole('button', { name: 'New project' }).click()
  await studio.tab('Deploy').click()
  await page.getByLabel('Model bundle file').setInputFiles(file)
  await page.getByLabel('Choose pictures to predict').setInputFiles({
    name: 'seven.png',
    mimeType: 'image/png',
    buffer: Buffer.from(seven),
  })
  const reopened = await probabilitiesOf(page, 'seven.png')
  reopened.forEach((p, i) => expect(p).toBeCloseTo(first[i] ?? Number.NaN, 5))
  await studio.deployTab('Import').click()
  await expect(page.getByTestId('opened-bundle')).toContainText(
    'Load Handwritten digit images (a folder or .zip of pictures, one folder per class)',
  )

  // With the pictures loaded, it is tested on the same 180 test pictures: the same accuracy.
  await loadDigits(page)
  await studio.tab('Deploy').click()
  await page.getByLabel('Model bundle file').setInputFiles(file)
  await studio.deployTab('Import').click()
  await expect(page.getByTestId('opened-bundle')).toContainText('Tested on 180 test')
  await page.screenshot({ path: info.outputPath('picture-import.png'), fullPage: true })
  expect((await studio.testMetrics()).accuracy).toBeCloseTo(accuracy, 5)

  // Training on starts from the bundle's weights: its first epoch is already below the first
  // epoch of the original run, which started from fresh weights.
  await studio.tab('Train').click()
  await expect(page.getByTestId('train-warm-start')).toContainText(
    'Starts from the weights of digits-model.zip',
  )
  const again = await studio.train(1)
  expect(again[0]).toBeLessThan(losses[0] ?? 0)
})
