import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

/** A bundled CSV read the plain way (no quoted commas in these files): header and rows. */
function readCsv(file: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(`public/datasets/${file}`, 'utf8').trim().split(/\r?\n/)
  return { header: (lines[0] ?? '').split(','), rows: lines.slice(1).map((l) => l.split(',')) }
}

function numbersOf(csv: ReturnType<typeof readCsv>, column: string): number[] {
  const i = csv.header.indexOf(column)
  return csv.rows.map((r) => Number(r[i]))
}

function pearson(x: number[], y: number[]): number {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length
  const mx = mean(x)
  const my = mean(y)
  let sxy = 0
  let sxx = 0
  let syy = 0
  x.forEach((xi, i) => {
    const dx = xi - mx
    const dy = (y[i] as number) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  })
  return sxy / Math.sqrt(sxx * syy)
}

function columnRow(page: Page, column: string) {
  return page.getByRole('table', { name: 'Columns' }).locator(`tr[data-column="${column}"]`)
}

function warning(page: Page, kind: string, text: string) {
  return page
    .getByRole('list', { name: 'Data warnings' })
    .locator(`[data-kind="${kind}"]`)
    .filter({ hasText: text })
}

test('the German credit profile shows the figures the CSV holds', async ({ page }) => {
  const csv = readCsv('GermanCredit.csv')
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('German credit risk')

  const overview = page.getByRole('region', { name: 'Profile overview' })
  await expect(overview.getByLabel('Rows: 1,000')).toHaveAttribute(
    'data-value',
    String(csv.rows.length),
  )
  await expect(overview.getByLabel('Missing cells: 0')).toBeVisible()

  const amounts = numbersOf(csv, 'Amount')
  const mean = amounts.reduce((a, b) => a + b, 0) / amounts.length
  const amount = columnRow(page, 'Amount')
  const shownMean = Number(await amount.locator('[data-mean]').getAttribute('data-mean'))
  expect(shownMean).toBeCloseTo(mean, 8)
  await expect(amount).toContainText(
    `mean ${mean.toLocaleString('en-US', { maximumFractionDigits: 4 })}`,
  )
  await expect(amount).toContainText(
    `${Math.min(...amounts).toLocaleString('en-US')} to ${Math.max(...amounts).toLocaleString('en-US')}`,
  )
  await expect(amount.locator('td').nth(5)).toHaveText(
    new Set(amounts).size.toLocaleString('en-US'),
  )

  // Target balance: the classes of Class, counted from the file.
  const classes = csv.rows.map((r) => r[csv.header.indexOf('Class')])
  const good = classes.filter((c) => c === 'Good').length
  const balance = page.getByRole('region', { name: 'Target balance' })
  await expect(balance.locator('[data-class="Good"]')).toHaveAttribute('data-count', String(good))
  await expect(balance.locator('[data-class="Bad"]')).toContainText(
    `${(((csv.rows.length - good) / csv.rows.length) * 100).toFixed(1)}%`,
  )

  // Column detail: quantiles and a histogram of Duration.
  await page.getByRole('button', { name: 'Details of Duration' }).click()
  const detail = page.getByRole('region', { name: 'Details of Duration' })
  const durations = numbersOf(csv, 'Duration').sort((a, b) => a - b)
  const median = ((durations[499] ?? 0) + (durations[500] ?? 0)) / 2
  await expect(detail.locator('[data-stat="Median"]')).toHaveText(median.toLocaleString('en-US'))
  await expect(detail.getByRole('img', { name: 'Histogram of Duration' })).toBeVisible()
  await page.screenshot({ path: '/tmp/profile-german-credit.png', fullPage: true })
})

test('identifiers and a column copying the target are flagged on an uploaded file', async ({
  page,
}) => {
  const rows = ['customer_id,income,region,collections_flag,defaulted']
  let missing = 0
  for (let i = 0; i < 240; i++) {
    const defaulted = (i * 7) % 10 < 3 ? 'yes' : 'no'
    const income = i % 8 === 0 ? '' : String(2000 + ((i * 37) % 900))
    if (income === '') missing++
    const region = ['north', 'south', 'east'][i % 3] ?? ''
    rows.push(`C-${10_000 + i},${income},${region},${defaulted === 'yes' ? 'Y' : 'N'},${defaulted}`)
  }
  const studio = new StudioPage(page)
  await studio.open()
  await studio.upload({
    name: 'loans.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\n')),
  })
  await expect(page.getByRole('table', { name: 'Columns' })).toContainText('customer_id')
  await studio.targetColumn().selectOption('defaulted')

  await expect(columnRow(page, 'income').locator('td').nth(4)).toHaveText(
    `${((missing / 240) * 100).toFixed(1)}%`,
  )
  await expect(warning(page, 'identifier', 'customer_id')).toBeVisible()
  await expect(warning(page, 'leakage', 'collections_flag')).toContainText(
    'nearly equals the target',
  )
  await expect(warning(page, 'leakage', 'region')).toHaveCount(0)
  // Distinct whole incomes are amounts, not an identifier.
  await expect(warning(page, 'identifier', 'income')).toHaveCount(0)
  await page.screenshot({ path: '/tmp/profile-leakage.png', fullPage: true })
})

test('overriding a type changes the badge, the profile and the heatmap', async ({ page }) => {
  const csv = readCsv('CreditCard.csv')
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('Credit card applications')

  const heatmap = page.getByRole('img', { name: 'Correlation heatmap' })
  await expect(heatmap).toBeVisible()
  await expect(heatmap).toContainText('income')
  await expect(heatmap).toContainText('age')
  const r = pearson(numbersOf(csv, 'income'), numbersOf(csv, 'age'))
  const cell = heatmap.locator('rect[data-pair="income|age"]')
  expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(r, 10)
  await expect(cell.locator('title')).toHaveText(`income × age: r = ${r.toFixed(3)}`)
  await expect(page.getByRole('img', { name: /Colour scale/ })).toBeVisible()

  const months = columnRow(page, 'months')
  await expect(heatmap).toContainText('months')
  await page.getByRole('combobox', { name: 'Type of months' }).selectOption('categorical')
  await expect(months.locator('[data-type]')).toHaveText('categorical (set)')
  await expect(months).toContainText('top “')
  await expect(heatmap).not.toContainText('months')
  await page.getByRole('button', { name: 'Details of months' }).click()
  await expect(page.getByRole('img', { name: 'Most frequent values of months' })).toBeVisible()
  await page.screenshot({ path: '/tmp/profile-credit-card.png', fullPage: true })
})
