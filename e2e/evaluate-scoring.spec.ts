import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

/** Clicks a download button and returns the CSV's rows, header first. */
async function downloadCsv(page: Page, button: string): Promise<string[][]> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  const text = (await readFile(await (await download).path())).toString('utf8')
  return text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','))
}

async function confusion(page: Page): Promise<Record<'TP' | 'FP' | 'TN' | 'FN', number>> {
  const cells = page
    .getByRole('table', { name: 'Confusion counts at the threshold' })
    .locator('td[data-count]')
  const pairs = await cells.evaluateAll((tds) =>
    tds.map((td) => [td.getAttribute('data-count'), Number(td.getAttribute('data-value'))]),
  )
  return Object.fromEntries(pairs) as Record<'TP' | 'FP' | 'TN' | 'FN', number>
}

async function figure(page: Page, label: string): Promise<number> {
  return Number(await page.locator(`[data-figure="${label}"]`).getAttribute('data-value'))
}

test('credit scoring: threshold, cheapest cost, KS and Gini, deciles and fairness by age', async ({
  page,
}, testInfo) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('German credit risk')
  await studio.train(4)
  const { auc } = await studio.testMetrics()

  await page.getByRole('tab', { name: 'Threshold & cost' }).click()
  const threshold = page.getByRole('textbox', { name: 'Decision threshold' })
  await expect(threshold).toHaveValue('0.5')
  await expect(page.getByRole('slider', { name: 'Decision threshold' })).toBeVisible()
  const atHalf = await confusion(page)
  expect(atHalf.TP + atHalf.FP + atHalf.TN + atHalf.FN).toBe(100)

  // The model scores P(Bad): approving means predicting "Good", offered first.
  await expect(page.getByRole('combobox', { name: 'Approving means predicting' })).toHaveValue('0')
  // A higher threshold predicts "Bad" for fewer applicants, so more of them are approved.
  await threshold.fill('0.8')
  await expect
    .poll(async () => (await confusion(page)).TP + (await confusion(page)).FP)
    .toBeLessThan(atHalf.TP + atHalf.FP)
  const strict = await confusion(page)
  expect(strict.TN + strict.FN).toBeGreaterThan(atHalf.TN + atHalf.FN)
  expect(await figure(page, 'Approved')).toBe(strict.TN + strict.FN)
  expect(await figure(page, 'Approved')).toBeGreaterThan(atHalf.TN + atHalf.FN)

  // Costs: the cheapest threshold is the minimum of the cost curve the page offers as CSV.
  await page.getByRole('textbox', { name: 'Cost of a wrong approval' }).fill('4')
  await page.getByRole('textbox', { name: 'Cost of a wrong rejection' }).fill('1')
  const costChart = page.getByRole('img', { name: /Total cost of mistakes/ })
  expect(Number(await costChart.getAttribute('data-points'))).toBeGreaterThan(20)
  const [costHeader, ...costRows] = await downloadCsv(page, 'Download Cost by threshold as CSV')
  expect(costHeader).toEqual(['threshold', 'total cost', 'cost per row'])
  const curve = costRows.map(([t, total]) => ({ t: Number(t), total: Number(total) }))
  const cheapest = Math.min(...curve.map((p) => p.total))
  await page.getByRole('button', { name: 'Use cheapest threshold' }).click()
  const chosen = Number(await threshold.inputValue())
  expect(curve.find((p) => p.t === chosen)?.total).toBe(cheapest)
  expect(await figure(page, 'Cost at this threshold')).toBe(cheapest)
  const counts = await confusion(page)
  // A wrong approval grants a loan to a "Bad" applicant (a false negative for P(Bad)).
  expect(counts.FN * 4 + counts.FP * 1).toBe(cheapest)

  // KS is TPR − FPR where the gap is widest, and the confusion counts there say the same.
  const ks = await figure(page, 'KS statistic')
  const ksText = page.locator('[data-ks-threshold]')
  const ksThreshold = Number(await ksText.getAttribute('data-ks-threshold'))
  await threshold.fill(String(ksThreshold))
  await expect(threshold).toHaveValue(String(ksThreshold))
  const atKs = await confusion(page)
  const tpr = atKs.TP / (atKs.TP + atKs.FN)
  const fpr = atKs.FP / (atKs.FP + atKs.TN)
  expect(Math.abs(tpr - fpr)).toBeCloseTo(ks, 10)
  expect(ks).toBeGreaterThan(0.2)
  expect(await figure(page, 'ROC AUC')).toBeCloseTo(auc ?? NaN, 10)
  expect(await figure(page, 'Gini')).toBeCloseTo(2 * (auc ?? NaN) - 1, 10)

  const svg = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download KS chart as SVG' }).click()
  const svgText = (await readFile(await (await svg).path())).toString('utf8')
  expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  expect(svgText).toContain('KS 0.')

  // Deciles: ten groups of ten applicants; all events found by the last one.
  const [decileHeader, ...deciles] = await downloadCsv(page, 'Download Deciles as CSV')
  expect(decileHeader?.[0]).toBe('Decile')
  expect(deciles.map((d) => Number(d[1]))).toEqual(Array(10).fill(10))
  expect(Number(deciles.at(-1)?.[6])).toBeCloseTo(1, 12)
  await page.screenshot({ path: testInfo.outputPath('threshold-and-cost.png'), fullPage: true })

  await page.getByRole('tab', { name: 'Fairness' }).click()
  await page.getByRole('combobox', { name: 'Group by column' }).selectOption('Age')
  const groups = page.getByRole('table', { name: 'Fairness by group' }).locator('tbody tr')
  await expect(groups).toHaveCount(4)
  const rows = await groups.evaluateAll((trs) =>
    trs.map((tr) => Number(tr.querySelector('td:nth-child(2)')?.getAttribute('data-value'))),
  )
  expect(rows.reduce((a, b) => a + b, 0)).toBe(100)
  const ratios = await groups.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector('td:last-child')?.getAttribute('data-value') ?? ''),
  )
  expect(ratios.map(Number)).toContain(1)
  await page.getByText('Round numbers', { exact: true }).click()
  await expect(page.getByRole('radio', { name: 'Round numbers' })).toBeChecked()
  await expect(page.getByRole('textbox', { name: 'Band width' })).toHaveValue('10')
  const [fairHeader, ...fairRows] = await downloadCsv(page, 'Download Fairness by group as CSV')
  expect(fairHeader).toEqual([
    'Group',
    'Rows',
    'Approved',
    'Approval rate',
    'TPR',
    'FPR',
    'Precision',
    'Disparate-impact ratio',
    'Reference group',
  ])
  const reference = fairRows.filter((r) => r[8] === 'true')
  expect(reference).toHaveLength(1)
  expect(reference[0]?.[7]).toBe('1')
  expect(Number(reference[0]?.[1])).toBeGreaterThanOrEqual(10)
  expect(fairRows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(100)
  expect(fairRows.map((r) => r[0])).toContain('20 to 29')
  await expect(
    page.getByRole('img', { name: 'Approval rate for each group of Age' }),
  ).toHaveAttribute('data-points', String(fairRows.length))
  await page.screenshot({ path: testInfo.outputPath('fairness.png'), fullPage: true })

  // Choices survive a visit to another tab.
  await page.getByRole('tab', { name: 'Threshold & cost' }).click()
  await expect(page.getByRole('textbox', { name: 'Cost of a wrong approval' })).toHaveValue('4')
  await expect(threshold).toHaveValue(String(ksThreshold))
})

test('fairness of a three-class model reads one class against the rest', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('Iris flowers')
  await studio.train(3)
  await studio.tab('Evaluate').click()
  const held = await page.getByText(/held-out test rows/).textContent()
  const testRows = Number(/([\d,]+) held-out test rows/.exec(held ?? '')?.[1]?.replace(',', ''))
  expect(testRows).toBeGreaterThan(10)
  // Only a binary model has a decision threshold to set.
  await expect(page.getByRole('tab', { name: 'Threshold & cost' })).toHaveCount(0)
  await page.getByRole('tab', { name: 'Fairness' }).click()
  await page.getByRole('combobox', { name: 'Group by column' }).selectOption('sepal_length_cm')
  const against = page.getByRole('combobox', { name: 'Class read against the rest' })
  await against.selectOption({ index: 2 })
  await expect(page.getByText(/most probable class is/)).toBeVisible()
  const groups = page.getByRole('table', { name: 'Fairness by group' }).locator('tbody tr')
  await expect(groups).toHaveCount(4)
  const rows = await groups.evaluateAll((trs) =>
    trs.map((tr) => Number(tr.querySelector('td:nth-child(2)')?.getAttribute('data-value'))),
  )
  expect(rows.reduce((a, b) => a + b, 0)).toBe(testRows)
  const [header, ...csv] = await downloadCsv(page, 'Download Fairness by group as CSV')
  expect(header?.[0]).toBe('Group')
  expect(csv).toHaveLength(4)
})
