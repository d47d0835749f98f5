import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

/** One column of the Test metrics table, keyed by metric, read from a cell attribute. */
async function metricColumn(page: Page, attribute: string): Promise<Record<string, number>> {
  const rows = page.getByRole('table', { name: 'Test metrics' }).locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  const pairs: [string, string][] = await rows.evaluateAll(
    (trs, attribute) =>
      trs.map((tr): [string, string] => [
        tr.getAttribute('data-metric') ?? '',
        tr.querySelector(`td[${attribute}]`)?.getAttribute(attribute) ?? '',
      ]),
    attribute,
  )
  return Object.fromEntries(pairs.map(([k, v]) => [k, Number(v)]))
}

async function drawnPoints(page: Page, label: RegExp): Promise<number> {
  const chart = page.getByRole('img', { name: label })
  await expect(chart.locator('svg').first()).toBeVisible()
  return Number(await chart.getAttribute('data-points'))
}

test('German credit: the network beside a logistic regression and the class frequencies', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=cpu')
  await studio.loadSample()
  await studio.train(3)
  await studio.tab('Evaluate').click()
  const table = page.getByRole('table', { name: 'Test metrics' })
  for (const header of ['Model', 'Logistic regression', 'Baseline: class frequencies'])
    await expect(table.getByRole('columnheader', { name: header })).toBeVisible()
  const model = await metricColumn(page, 'data-value')
  const logistic = await metricColumn(page, 'data-linear')
  const prior = await metricColumn(page, 'data-baseline')
  expect(Object.keys(logistic)).toEqual(Object.keys(model))
  expect(logistic.auc).toBeGreaterThan(0.6)
  expect(logistic.accuracy).toBeGreaterThan(0.6)
  expect(prior.auc).toBeCloseTo(0.5, 5)
  await expect(page.getByTestId('metrics-verdict')).toContainText(
    /On ROC AUC the (network|logistic regression) beats/,
  )
  await expect(page.getByRole('button', { name: 'Download Test metrics as CSV' })).toBeVisible()
  await page
    .getByRole('table', { name: 'Test metrics' })
    .screenshot({ path: 'test-results/test-metrics.png' })
})

test('wine alcohol: predicted against actual, residual plot and histogram', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=cpu')
  await studio.loadSample('Wine cultivars')
  await studio.targetColumn().selectOption('alcohol')
  await studio.train(5)
  await studio.tab('Evaluate').click()
  await expect(page.getByRole('columnheader', { name: 'Linear regression' })).toBeVisible()
  const linear = await metricColumn(page, 'data-linear')
  expect(linear.r2).toBeGreaterThan(0.3)
  const testRows = Number(
    (await page.getByText(/held-out test rows/).textContent())?.match(/^[\d,]+/)?.[0],
  )
  expect(await drawnPoints(page, /^Predicted against actual alcohol/)).toBe(testRows)
  expect(await drawnPoints(page, /^Residuals against predicted alcohol/)).toBe(testRows)
  expect(await drawnPoints(page, /^Histogram of \d+ residuals/)).toBeGreaterThan(2)
  await expect(page.getByRole('table', { name: 'Residual summary' })).toContainText('Mean residual')
  for (const chart of [
    'Predicted against actual',
    'Residuals against predicted',
    'Residual histogram',
  ])
    await expect(page.getByRole('button', { name: `Download ${chart} as PNG` })).toBeVisible()
  await expect(page.getByRole('img', { name: /Forecast/ })).toHaveCount(0)
  await page.screenshot({ path: 'test-results/regression-view.png', fullPage: true })
})

test('stocks windows: forecast against actual beside the naive last value', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=cpu')
  await studio.loadSample('Tech stock prices')
  await studio.train(3)
  await studio.tab('Evaluate').click()
  const points = await drawnPoints(page, /^Forecast, actual and naive price over \d+ test periods/)
  expect(points).toBeGreaterThan(5)
  const errors = page.getByRole('table', { name: 'Forecast errors' })
  for (const key of ['mae', 'rmse']) {
    const row = errors.locator(`tr[data-metric="${key}"]`)
    expect(Number(await row.locator('td[data-value]').getAttribute('data-value'))).toBeGreaterThan(
      0,
    )
    expect(Number(await row.locator('td[data-naive]').getAttribute('data-naive'))).toBeGreaterThan(
      0,
    )
  }
  await expect(page.getByRole('button', { name: 'Download Forecast errors as CSV' })).toBeVisible()
  await page.screenshot({ path: 'test-results/forecast-view.png', fullPage: true })
})
