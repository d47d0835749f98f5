import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import Papa from 'papaparse'
import { StudioPage } from './studio-page'

/** What an analyst should get from each bundled sample: the column to predict and the task. */
const SAMPLES = [
  { title: 'German credit risk', file: 'GermanCredit.csv', target: 'Class', task: 'Binary' },
  { title: 'Lending Club loan default', file: 'lending-club.csv', target: 'Class', task: 'Binary' },
  { title: 'Mortgage denial (Boston HMDA)', file: 'HMDA.csv', target: 'deny', task: 'Binary' },
  { title: 'Credit card applications', file: 'CreditCard.csv', target: 'card', task: 'Binary' },
  { title: 'Tech stock prices', file: 'stocks.csv', target: 'price', task: 'Regression' },
  {
    title: 'Financial news sentiment',
    file: 'financial-news-sentiment.csv',
    target: 'sentiment',
    task: 'Multiclass',
  },
  {
    title: 'Breast cancer diagnosis',
    file: 'breast-cancer.csv',
    target: 'diagnosis',
    task: 'Binary',
  },
  { title: 'Iris flowers', file: 'iris.csv', target: 'species', task: 'Multiclass' },
  {
    title: 'Handwritten digits (8×8 pixels)',
    file: 'digits.csv',
    target: 'digit',
    task: 'Multiclass',
  },
  { title: 'Wine cultivars', file: 'wine.csv', target: 'cultivar', task: 'Multiclass' },
] as const

const TASK_LABELS = {
  Binary: 'Binary classification',
  Multiclass: 'Multiclass classification',
  Regression: 'Regression',
}

/** Data rows and columns of a bundled file, counted here rather than trusted from the app. */
function shape(file: string): { rows: number; columns: number } {
  const text = readFileSync(new URL(`../public/datasets/${file}`, import.meta.url), 'utf8')
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data
  return { rows: rows.length - 1, columns: rows[0]?.length ?? 0 }
}

const count = (n: number) => n.toLocaleString('en-US')

test('the gallery lists every bundled sample with its shape, target, source and licence', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open()
  // The tables below, plus one image sample (loaded and checked in images.spec.ts).
  await expect(page.getByRole('article')).toHaveCount(SAMPLES.length + 1)
  await expect(page.getByRole('article', { name: 'Handwritten digit images' })).toContainText(
    '1,797 images in 10 classes',
  )
  // Finance comes first: that is who the studio is for.
  await expect(
    page.getByRole('region', { name: 'Finance samples' }).getByRole('article').first(),
  ).toHaveAccessibleName('German credit risk')
  for (const sample of SAMPLES) {
    const card = page.getByRole('article', { name: sample.title })
    const { rows, columns } = shape(sample.file)
    await expect(card).toContainText(`${count(rows)} rows × ${count(columns)} columns`)
    await expect(card).toContainText(`Target ${sample.target}`)
    await expect(card).toContainText(/Source: .+\. Licence: .+\./)
  }
  await page.screenshot({ path: '/tmp/samples-gallery.png', fullPage: true })
})

test('every bundled sample opens with its target preselected and all its rows', async ({
  page,
}) => {
  test.setTimeout(300_000)
  const studio = new StudioPage(page)
  await studio.open()
  for (const sample of SAMPLES) {
    await studio.loadSample(sample.title)
    const { rows, columns } = shape(sample.file)
    await expect(studio.targetColumn()).toHaveValue(sample.target)
    await expect(page.getByLabel(`Detected task: ${TASK_LABELS[sample.task]}`)).toBeVisible()
    await expect(
      page.getByText(`${sample.file}: ${count(rows)} rows × ${count(columns)} columns`),
    ).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  }
})

test('the quick picker loads the chosen sample with "Load sample dataset"', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  await page
    .getByRole('combobox', { name: 'Sample dataset' })
    .selectOption({ label: 'Iris flowers' })
  await page.getByRole('button', { name: 'Load sample dataset' }).click()
  await expect(page.getByText('Loaded: Iris flowers.')).toBeVisible()
  await expect(studio.targetColumn()).toHaveValue('species')
  await expect(page.getByText(`iris.csv: ${count(shape('iris.csv').rows)} rows`)).toBeVisible()
})
