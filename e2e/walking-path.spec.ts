import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { compareBundleWithPage } from './bundle-check'
import { StudioPage } from './studio-page'

// WebGPU runs on SwiftShader here, about 20× slower than WASM: fewer epochs keep it to seconds.
const EPOCHS = { webgpu: 8, webgl: 15, wasm: 20, cpu: 15 } as const

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
  test(`credit risk from sample to downloaded bundle on ${backend}`, async ({ page }) => {
    const studio = new StudioPage(page)
    await studio.open(`?backend=${backend}`)
    await studio.loadSample('German credit risk')
    await expect(studio.targetColumn()).toHaveValue('Class')
    await expect(page.getByLabel('Detected task: Binary classification')).toBeVisible()

    await studio.tab('Prepare').click()
    await expect(page.getByLabel('Split sizes')).toContainText('Train 800')
    await expect(page.getByLabel('Split sizes')).toContainText('Test 100')

    const losses = await studio.train(EPOCHS[backend])
    await expect(studio.trainStatus()).toContainText(`Backend: ${backend}`)
    await expect(page.getByText('all tensors released')).toBeVisible()
    expect(losses).toHaveLength(EPOCHS[backend])
    expect(losses.at(-1)).toBeLessThan((losses[0] ?? 0) * 0.85)

    const metrics = await studio.testMetrics()
    // 70% of applicants are good risks: the model must rank risk better than chance.
    expect(metrics.accuracy).toBeGreaterThan(0.6)
    expect(metrics.auc).toBeGreaterThan(0.65)
    for (const key of ['precision', 'recall', 'f1']) expect(metrics[key]).toBeGreaterThanOrEqual(0)
    const baseline = await studio.testMetrics('baseline')
    // Class frequencies rank nobody above anybody: AUC 0.5, which the network must clearly beat.
    expect(baseline.auc).toBeCloseTo(0.5, 6)
    expect(baseline.accuracy).toBeCloseTo(0.7, 6)

    const zip = await studio.download('Download model bundle')
    const csv = (await studio.download('Download test predictions (CSV)')).toString('utf8')
    const comparison = await compareBundleWithPage(zip, csv)
    expect(comparison.rows).toBe(100)
    expect(comparison.maxDifference).toBeLessThan(1e-5)
  })
}

test('an uploaded CSV with a numeric target trains a regression and its bundle agrees', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  const buffer = await readFile('public/datasets/CreditCard.csv')
  await studio.upload({ name: 'applications.csv', mimeType: 'text/csv', buffer })
  await expect(studio.targetColumn()).toBeVisible()
  await studio.targetColumn().selectOption('expenditure')
  await expect(page.getByLabel('Detected task: Regression')).toBeVisible()

  await studio.tab('Prepare').click()
  await expect(page.getByRole('list', { name: 'Preparation steps' })).toContainText(
    'One-hot encoding',
  )

  const losses = await studio.train(25)
  expect(losses.at(-1)).toBeLessThan(losses[0] ?? 0)
  const metrics = await studio.testMetrics()
  expect(Object.keys(metrics).sort()).toEqual(['mae', 'mape', 'r2', 'rmse'])
  // Expenditure follows income and spending share closely: a fitted model explains much of it.
  expect(metrics.r2).toBeGreaterThan(0.5)
  expect(metrics.rmse).toBeGreaterThanOrEqual(metrics.mae ?? 0)
  const baseline = await studio.testMetrics('baseline')
  expect(baseline.r2).toBeLessThanOrEqual(0.01)
  expect(metrics.rmse).toBeLessThan(baseline.rmse ?? 0)

  const zip = await studio.download('Download model bundle')
  const csv = (await studio.download('Download test predictions (CSV)')).toString('utf8')
  const comparison = await compareBundleWithPage(zip, csv)
  expect(comparison.rows).toBeGreaterThan(100)
  expect(comparison.maxDifference).toBeLessThan(1e-5)
})

test('iris trains a three-class model whose bundle agrees class by class', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('Iris flowers')
  await expect(studio.targetColumn()).toHaveValue('species')
  await expect(page.getByLabel('Detected task: Multiclass classification')).toBeVisible()

  await studio.tab('Train').click()
  const rate = page.getByRole('textbox', { name: 'Learning rate' })
  await rate.fill('0.01')
  await rate.blur()
  const losses = await studio.train(60)
  expect(losses.at(-1)).toBeLessThan((losses[0] ?? 0) * 0.5)

  const metrics = await studio.testMetrics()
  // Petal sizes separate the species almost perfectly: anything short of that is a bug.
  expect(metrics.accuracy).toBeGreaterThanOrEqual(0.8)
  expect(metrics.auc).toBeGreaterThan(0.9)
  const baseline = await studio.testMetrics('baseline')
  expect(baseline.accuracy).toBeCloseTo(1 / 3, 1)

  const zip = await studio.download('Download model bundle')
  const csv = (await studio.download('Download test predictions (CSV)')).toString('utf8')
  expect(csv.split('\n')[0]).toContain('probability_virginica')
  const comparison = await compareBundleWithPage(zip, csv)
  expect(comparison.rows).toBe(15)
  expect(comparison.maxDifference).toBeLessThan(1e-5)
})
