import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

async function downloadCsv(page: Page, title: string): Promise<string[][]> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: `Download ${title} as CSV` }).click()
  const text = (await readFile(await (await download).path())).toString('utf8')
  return text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','))
}

test('German credit: per-class report, confusion cells that open their rows, curves', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('German credit risk')
  await studio.train(4)
  const metrics = await studio.testMetrics()
  // The headline table gained PR AUC and the Brier score beside the existing metrics.
  expect(metrics.prAuc).toBeGreaterThan(0.3)
  expect(metrics.brier).toBeGreaterThan(0)
  expect(metrics.brier).toBeLessThan(0.25)

  // Per-class report: Good and Bad, then the two averages; supports add up to the 100 test rows.
  const report = page.getByRole('table', { name: 'Per-class report' })
  const names = await report
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')))
  expect(names).toEqual(['Good', 'Bad', 'Macro average', 'Weighted average'])
  const support = await studio.columnValues('Per-class report', 5)
  expect((support[0] ?? 0) + (support[1] ?? 0)).toBe(100)
  await expect(page.getByText('At threshold 0.5: a row is predicted "Bad"')).toBeVisible()

  // The CSV holds the same numbers as the table, at full precision.
  const csv = await downloadCsv(page, 'Per-class report')
  expect(csv[0]).toEqual(['Class', 'Precision', 'Recall', 'F1', 'Support'])
  for (let column = 2; column <= 5; column++) {
    const shown = await studio.columnValues('Per-class report', column)
    expect(csv.slice(1).map((row) => Number(row[column - 1]))).toEqual(shown)
  }

  // Confusion matrix: the four counts cover the test rows; a mistaken cell opens its rows.
  const cells = page.getByRole('button', { name: /^Show rows: actual/ })
  await expect(cells).toHaveCount(4)
  const counts = (
    await cells.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-count')))
  ).map(Number)
  expect(counts.reduce((a, b) => a + b, 0)).toBe(100)
  const matrixCsv = await downloadCsv(page, 'Confusion matrix')
  expect(matrixCsv.slice(1).map((row) => row.slice(1, 3).map(Number))).toEqual([
    counts.slice(0, 2),
    counts.slice(2, 4),
  ])
  // Actual Bad predicted Good (missed bad risks), or the other mistake if the model makes none.
  const [, goodAsBad = 0, badAsGood = 0] = counts
  const [actual, predicted] = badAsGood > 0 ? ['Bad', 'Good'] : ['Good', 'Bad']
  const count = badAsGood > 0 ? badAsGood : goodAsBad
  expect(count).toBeGreaterThan(0)
  await page
    .getByRole('button', { name: `Show rows: actual ${actual}, predicted ${predicted}` })
    .click()
  const rows = page.getByRole('table', { name: `Rows actual ${actual}, predicted ${predicted}` })
  await expect(rows.locator('tbody tr')).toHaveCount(count)
  const listed = await rows
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)),
    )
  for (const [, a, p, probability] of listed) {
    expect([a, p]).toEqual([actual, predicted])
    // Predicted Good means P(Bad) below the 0.5 threshold; predicted Bad, at least 0.5.
    expect(Number(probability) < 0.5).toBe(predicted === 'Good')
  }
  // The rows carry their raw columns from the loaded table.
  await expect(rows.getByRole('columnheader', { name: 'Duration', exact: true })).toBeVisible()

  // ROC, precision-recall and calibration charts are drawn with points.
  for (const name of [/^ROC curve for Bad/, /^Precision-recall curve for Bad/, /^Calibration/]) {
    const chart = page.getByRole('img', { name })
    await expect(chart.locator('svg').first()).toBeVisible()
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(0)
  }
  await expect(page.getByText(/^ROC curve · AUC 0\.\d+/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Download ROC curve as PNG' })).toBeVisible()
  await page.screenshot({ path: 'test-results/evaluate-classification.png', fullPage: true })
})

test('Iris: a three-class report, a 3 × 3 matrix, and curves for the class picked', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('Iris flowers')
  await studio.train(5)
  const metrics = await studio.testMetrics()
  for (const key of ['f1Weighted', 'logLoss', 'brier']) expect(metrics[key]).toBeGreaterThan(0)

  const names = await page
    .getByRole('table', { name: 'Per-class report' })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')))
  expect(names.slice(3)).toEqual(['Macro average', 'Weighted average'])
  expect(names).toHaveLength(5)
  await expect(page.getByRole('button', { name: /^Show rows: actual/ })).toHaveCount(9)
  await expect(
    page.getByText('Each row is predicted as its most probable class. Rows are the actual class'),
  ).toBeVisible()

  // One class against the rest: picking another class redraws the curves for it.
  const third = names[2] ?? ''
  await page.getByLabel('Curves for class').selectOption(third)
  const roc = page.getByRole('img', { name: new RegExp(`^ROC curve for ${third}`) })
  expect(Number(await roc.getAttribute('data-points'))).toBeGreaterThan(0)
  await page.screenshot({ path: 'test-results/evaluate-multiclass.png', fullPage: true })
})
