import { expect, test } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { StudioPage } from './studio-page'

const KERAS = 'src/core/export/import/fixtures/keras-iris'

test('a downloaded bundle opens again: the same test metrics, then training goes on from its weights', async ({
  page,
}, info) => {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample()
  const losses = await studio.train(3)
  const before = await studio.testMetrics()
  const zip = await studio.download('Download model bundle')
  const file = info.outputPath('GermanCredit-Class-model.zip')
  await writeFile(file, zip)

  // A new project: nothing of the run is in it.
  await page.getByRole('button', { name: /^Projects \(open: / }).click()
  await page.getByRole('button', { name: 'New project' }).click()
  await studio.tab('Deploy').click()
  await expect(page.getByText('Nothing to deploy yet')).toBeVisible()
  // Opened with no data: it predicts, and says what testing it needs.
  await page.getByLabel('Model bundle file').setInputFiles(file)
  // Deploy opens on Predict, with the form the bundle's input schema describes.
  await expect(page.getByRole('textbox', { name: 'Duration', exact: true })).toHaveValue('18')
  await studio.deployTab('Import').click()
  await expect(page.getByTestId('opened-bundle')).toContainText(
    'Ready to predict. Load GermanCredit.csv on the Data step to test the model',
  )
  await studio.tab('Evaluate').click()
  await expect(page.getByText('No test rows for this model')).toBeVisible()

  // With its data loaded, the bundle is tested on the recipe's own split: the numbers it had.
  await studio.loadSample()
  await studio.tab('Deploy').click()
  await page.getByLabel('Model bundle file').setInputFiles(file)
  await studio.deployTab('Import').click()
  await expect(page.getByTestId('opened-bundle')).toContainText('Tested on 100 test rows')
  const after = await studio.testMetrics()
  for (const [metric, value] of Object.entries(before)) {
    expect(after[metric], metric).toBeCloseTo(value, 5)
  }

  // Training on starts from the bundle's weights: the first epoch is already as good as the
  // third epoch of the original run, where fresh weights start far above it.
  await studio.tab('Train').click()
  await expect(page.getByTestId('train-warm-start')).toContainText(
    'Starts from the weights of GermanCredit-Class-model.zip',
  )
  const again = await studio.train(1)
  expect(again[0]).toBeLessThan((losses[0] ?? 0) * 0.97)
  expect(again[0]).toBeLessThan((losses[2] ?? 0) * 1.1)
})

test('a Keras model converted to TensorFlow.js is fine-tuned on iris from its own weights', async ({
  page,
}, info) => {
  const studio = new StudioPage(page)
  await studio.open()
  // Importing before there is data says what to do first.
  await studio.tab('Deploy').click()
  const files = await Promise.all(
    ['model.json', 'group1-shard1of1.bin'].map(async (name) => {
      const path = info.outputPath(name)
      await writeFile(path, await readFile(join(KERAS, name)))
      return path
    }),
  )
  await page.getByLabel('Keras model files').setInputFiles(files)
  await expect(
    page.getByText('Load the data to fine-tune on and choose its target first'),
  ).toBeVisible()

  await studio.loadSample('Iris flowers')
  await studio.tab('Prepare').click()
  await studio.tab('Deploy').click()
  // Only model.json: the missing weights are named.
  await page.getByLabel('Keras model files').setInputFiles(files[0] as string)
  await expect(
    page.getByText('weights file "group1-shard1of1.bin" that model.json names'),
  ).toBeVisible()
  await page.getByLabel('Keras model files').setInputFiles(files)
  await expect(page.getByTestId('keras-imported')).toContainText(
    '2 hidden layers are now the network on the Model step; its output layer fits the target',
  )
  await studio.tab('Model').click()
  await expect(
    page.getByRole('img', {
      name: 'Network diagram: Input (None, 4), then Dense (None, 16), then Dense (None, 16), then Output (None, 3)',
    }),
  ).toBeVisible()
  await studio.tab('Train').click()
  await expect(page.getByTestId('train-warm-start')).toContainText('model.json')
  await studio.train(1)
  const metrics = await studio.testMetrics()
  expect(metrics.accuracy).toBeGreaterThanOrEqual(0.9)
})
