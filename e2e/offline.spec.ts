import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test.use({ serviceWorkers: 'allow' })

test('once loaded, the studio opens, loads a sample, trains and predicts with the network off', async ({
  page,
  context,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await expect(page.getByText('Works offline')).toBeVisible({ timeout: 60_000 })

  await context.setOffline(true)
  // Nothing reaches the server from here on: a request that is not answered by the service
  // worker fails, and the test with it.
  await page.reload()
  await expect(page.getByRole('tab', { name: 'Data', exact: true })).toBeVisible()
  await studio.loadSample('German credit risk')
  await studio.train(2)
  const metrics = await studio.testMetrics()
  expect(metrics.auc).toBeGreaterThan(0.5)
  await studio.tab('Deploy').click()
  await expect(page.getByText(/Probability of/i).first()).toBeVisible()
  await context.setOffline(false)
})
