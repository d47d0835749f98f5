import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

// The network follows the shape of the prepared data: a time series arrives as steps × series and
// gets a recurrent forecaster, text arrives as token ids and gets a Transformer. Each trains.

test('monthly stock prices arrive as 12 steps and train the proposed LSTM forecaster', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('Tech stock prices')
  await expect(studio.targetColumn()).toHaveValue('price')

  await studio.tab('Model').click()
  await expect(page.getByLabel('Model origin')).toHaveText('LSTM forecaster (proposed)')
  await expect(page.getByText('12 time steps × 1 series').first()).toBeVisible()
  const summary = page.getByRole('table', { name: 'Model summary' })
  await expect(summary).toContainText('lstm_1')
  await expect(summary).toContainText('(None, 12, 1)')

  const losses = await studio.train(12)
  expect(losses.every(Number.isFinite)).toBe(true)
  expect(losses.at(-1)).toBeLessThan(losses[0] ?? 0)
  const metrics = await studio.testMetrics()
  const baseline = await studio.testMetrics('baseline')
  expect(Number.isFinite(metrics.rmse)).toBe(true)
  expect(Number.isFinite(baseline.rmse)).toBe(true)
})

test('financial tweets arrive as token ids and train the proposed text Transformer', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('Financial news sentiment')
  await expect(studio.targetColumn()).toHaveValue('sentiment')

  await studio.tab('Model').click()
  await expect(page.getByLabel('Model origin')).toHaveText('Small text Transformer (proposed)')
  await expect(page.getByText(/\d+ token ids, vocabulary [\d,]+/).first()).toBeVisible()
  const summary = page.getByRole('table', { name: 'Model summary' })
  await expect(summary).toContainText('transformer_encoder_1')
  await expect(summary).toContainText('position_embedding_1')

  const losses = await studio.train(2)
  expect(losses.every(Number.isFinite)).toBe(true)
  const metrics = await studio.testMetrics()
  const baseline = await studio.testMetrics('baseline')
  // Two epochs already read the words: better than always answering the commonest sentiment.
  expect(metrics.accuracy).toBeGreaterThan(baseline.accuracy ?? 1)
})
