import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test('training pauses, resumes and stops on request, keeping the model trained so far', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  // WASM epochs on this data last ~60 ms: too short for tfjs to yield to the worker's messages,
  // so this proves the engine makes room for Pause and Stop between epochs.
  await studio.open('?backend=wasm')
  await studio.loadSample('German credit risk')
  await studio.tab('Train').click()
  const epochsInput = page.getByRole('textbox', { name: 'Epochs' })
  await epochsInput.fill('500')
  await epochsInput.blur()
  await page.getByRole('button', { name: 'Start training' }).click()
  const history = page.getByRole('table', { name: 'Training history' }).locator('tbody tr')
  await expect(history).not.toHaveCount(0)

  await page.getByRole('button', { name: 'Pause training' }).click()
  await expect(studio.trainStatus()).toContainText('Paused')
  // The epoch under way when Pause was pressed may still finish; after that nothing moves.
  await page.waitForTimeout(1000)
  const pausedAt = await history.count()
  await page.waitForTimeout(1500)
  await expect(history).toHaveCount(pausedAt)

  await page.getByRole('button', { name: 'Resume training' }).click()
  await expect(studio.trainStatus()).toContainText('Training')
  await expect.poll(() => history.count()).toBeGreaterThan(pausedAt)

  await page.getByRole('button', { name: 'Stop training' }).click()
  await expect(studio.trainStatus()).toContainText('Stopped by hand after')
  const trained = await studio.historyCaughtUp()
  expect(trained).toBeLessThan(500)

  const metrics = await studio.testMetrics()
  expect(metrics.auc).toBeGreaterThan(0.5)
  await expect(page.getByText(`Training was stopped by hand after ${trained} epochs`)).toBeVisible()
})
