import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

async function setField(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByRole('textbox', { name: label, exact: true })
  await input.fill(value)
  await input.blur()
}

test('every run is kept: compared side by side, kept across a reload, restored and deleted', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('German credit risk')
  await studio.tab('Train').click()
  await setField(page, 'Learning rate', '0.01')
  await studio.train(3)
  const firstMetrics = await studio.testMetrics()

  // Run 2, paused on the way (no run can be restored while one trains), then stopped by hand.
  await studio.tab('Train').click()
  await setField(page, 'Learning rate', '0.002')
  await setField(page, 'Epochs', '200')
  await page.getByRole('button', { name: 'Start training' }).click()
  const epochs = page.getByRole('table', { name: 'Training history' }).locator('tbody tr')
  await expect(epochs).not.toHaveCount(0)
  await page.getByRole('button', { name: 'Pause training' }).click()
  // (A chart's tooltip under the pointer is a status region too.)
  const trainStatus = page.getByRole('status').filter({ hasText: 'Backend:' })
  await expect(trainStatus).toContainText('Paused')
  const restoreFirst = page.getByRole('button', { name: 'Restore run 1' })
  await expect(restoreFirst).toBeDisabled()
  await expect(restoreFirst).toHaveAccessibleDescription(/Training is under way/)
  await page.getByRole('button', { name: 'Stop training' }).click()
  await expect(trainStatus).toContainText('Stopped by hand after')
  const secondMetrics = await studio.testMetrics()
  expect(secondMetrics.auc).not.toBe(firstMetrics.auc)

  await studio.tab('Train').click()
  const rows = page.getByRole('table', { name: 'Run history' }).locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText('Run 2')
  await expect(rows.first()).toContainText(/\d+ \/ 200/)
  await expect(rows.first()).toContainText('stopped')
  await expect(rows.nth(1)).toContainText('3 / 3')

  await page.getByRole('checkbox', { name: 'Compare run 1' }).check()
  await page.getByRole('checkbox', { name: 'Compare run 2' }).check()
  const chart = page.getByRole('img', { name: 'Validation loss per epoch for runs 1, 2' })
  await expect(chart.locator('path.recharts-line-curve')).toHaveCount(2)
  const comparison = page.getByRole('table', { name: 'Run comparison' })
  const learningRate = comparison.locator('tr[data-row="learningRate"]')
  await expect(learningRate).toHaveAttribute('data-differs', 'true')
  await expect(learningRate.locator('td')).toHaveText(['0.01', '0.002'])
  await expect(comparison.locator('tr[data-row="batchSize"]')).not.toHaveAttribute('data-differs')
  await expect(comparison.locator('tr[data-row="stopReason"] td')).toHaveText([
    'Ran every epoch',
    'Stopped by hand',
  ])
  await page.getByRole('combobox', { name: 'Compared curve' }).selectOption('Training loss')
  await expect(
    page.getByRole('img', { name: 'Training loss per epoch for runs 1, 2' }),
  ).toBeVisible()

  // The history lives in IndexedDB: a reload lists both runs again.
  await page.reload()
  await studio.loadSample('German credit risk')
  await studio.tab('Train').click()
  await expect(rows).toHaveCount(2)

  await restoreFirst.click()
  await expect(page.getByRole('textbox', { name: 'Learning rate', exact: true })).toHaveValue(
    '0.01',
  )
  await expect(page.getByRole('textbox', { name: 'Epochs', exact: true })).toHaveValue('3')
  await expect(trainStatus).toContainText('Finished after 3 epochs')
  await expect(rows.nth(1)).toContainText('current')
  expect(await studio.testMetrics()).toEqual(firstMetrics)

  await studio.tab('Train').click()
  await page.getByRole('button', { name: 'Delete run 2' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete run 2?' })
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Run 1')

  // The project keeps its data too: after a reload the run restores without loading anything.
  await page.reload()
  await studio.tab('Train').click()
  await expect(rows).toHaveCount(1)
  await restoreFirst.click()
  await expect(trainStatus).toContainText('Finished after 3 epochs')
  expect(await studio.testMetrics()).toEqual(firstMetrics)

  // With other data loaded the history still lists the project's runs, and says what restoring needs.
  await studio.loadSample('Lending Club loan default')
  await studio.tab('Train').click()
  await expect(rows).toHaveCount(1)
  await expect(restoreFirst).toHaveAccessibleDescription(
    'Run 1 was trained on GermanCredit.csv: load that data on the Data step to restore it.',
  )
})
