import { readFile } from 'node:fs/promises'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

/** The sample's CSV as the test reads it on its own: header names and rows of raw strings. */
async function readCsv(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const text = await readFile(new URL(`../public/datasets/${file}`, import.meta.url), 'utf8')
  const [header = [], ...rows] = text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','))
  return { header, rows }
}

function grid(page: Page): Locator {
  return page.getByRole('table', { name: 'Data preview' })
}

/** The cell of a column in the row at a 1-based position of the current order (header = 0). */
async function cell(page: Page, position: number, column: string): Promise<Locator> {
  const header = grid(page).getByRole('columnheader', { name: column, exact: true })
  const colindex = await header.getAttribute('aria-colindex')
  return grid(page).locator(
    `[role=row][aria-rowindex="${position + 1}"] [role=cell][aria-colindex="${colindex}"]`,
  )
}

function rowNumber(page: Page, position: number): Locator {
  return grid(page).locator(`[role=row][aria-rowindex="${position + 1}"] [role=rowheader]`)
}

async function sortBy(page: Page, column: string, expected: 'ascending' | 'descending' | null) {
  const header = grid(page).getByRole('columnheader', { name: column, exact: true })
  await header.getByRole('button').click()
  if (expected) await expect(header).toHaveAttribute('aria-sort', expected)
  else await expect(header).not.toHaveAttribute('aria-sort')
}

test('the grid shows the sample as in its CSV, sorts a numeric column both ways and back', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('German credit risk')
  const csv = await readCsv('GermanCredit.csv')
  const amountAt = csv.header.indexOf('Amount')
  const amounts = csv.rows.map((r) => Number(r[amountAt]))

  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(csv.rows.length + 1))
  await expect(
    page.getByText(`${csv.rows.length.toLocaleString('en-US')} rows · 62 columns · in file order`),
  ).toBeVisible()
  for (let r = 0; r < 5; r++) {
    await expect(rowNumber(page, r + 1)).toHaveText(String(r + 1))
    for (const column of ['Duration', 'Amount', 'Age']) {
      const raw = csv.rows[r]?.[csv.header.indexOf(column)] ?? ''
      const shown = await cell(page, r + 1, column)
      await expect(shown).toHaveAttribute('data-value', String(Number(raw)))
      // On screen a number reads with grouped thousands: 1169 shows as 1,169.
      await expect(shown).toHaveText(Number(raw).toLocaleString('en-US'))
    }
  }

  await sortBy(page, 'Amount', 'ascending')
  await expect(page.getByText('sorted by Amount, ascending')).toBeVisible()
  await expect(await cell(page, 1, 'Amount')).toHaveAttribute(
    'data-value',
    String(Math.min(...amounts)),
  )
  // The row number still names the row of the file, so the analyst can find it again.
  await expect(rowNumber(page, 1)).toHaveText(String(amounts.indexOf(Math.min(...amounts)) + 1))

  await sortBy(page, 'Amount', 'descending')
  await expect(await cell(page, 1, 'Amount')).toHaveAttribute(
    'data-value',
    String(Math.max(...amounts)),
  )

  await sortBy(page, 'Amount', null)
  await expect(page.getByText('in file order')).toBeVisible()
  await expect(rowNumber(page, 1)).toHaveText('1')
  await expect(await cell(page, 1, 'Amount')).toHaveAttribute('data-value', String(amounts[0]))

  // The keyboard scrolls the focused grid: End reaches the last row of the file.
  await grid(page).focus()
  await page.keyboard.press('End')
  const last = csv.rows.length
  await expect(rowNumber(page, last)).toHaveText(last.toLocaleString('en-US'))
  await expect(await cell(page, last, 'Amount')).toHaveAttribute(
    'data-value',
    String(amounts[last - 1]),
  )
  await expect(rowNumber(page, last)).toBeInViewport()
  await page.keyboard.press('Home')
  await expect(rowNumber(page, 1)).toBeInViewport()
})

test('the target column is marked in the grid header', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('Credit card applications')
  await expect(studio.targetColumn()).toHaveValue('card')
  const header = grid(page).getByRole('columnheader', { name: 'card', exact: true })
  await expect(header).toHaveAttribute('data-target', 'true')
  await expect(header).toContainText('target')
  await expect(
    grid(page).getByRole('columnheader', { name: 'age', exact: true }),
  ).not.toHaveAttribute('data-target')
})

test('200,000 rows: only a window of rows is in the page, it sorts in a worker and scrolls to the end', async ({
  page,
}) => {
  const ROWS = 200_000
  let seed = 42
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
    return seed / 2 ** 32
  }
  const segments = ['retail', 'private', 'corporate', 'public']
  const amounts: (number | null)[] = []
  const lines = ['id,amount,segment,defaulted']
  for (let i = 0; i < ROWS; i++) {
    const amount = random() < 0.01 ? null : Math.round(random() * 1e7) / 100
    amounts.push(amount)
    const segment = segments[Math.floor(random() * segments.length)] ?? ''
    lines.push(`C${100000 + i},${amount ?? ''},${segment},${random() < 0.2 ? 'yes' : 'no'}`)
  }
  const studio = new StudioPage(page)
  await studio.open()
  await studio.upload({
    name: 'loans.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  })
  await expect(page.getByText('200,000 rows · 4 columns · in file order')).toBeVisible({
    timeout: 120_000,
  })
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(ROWS + 1))

  const domRows = await grid(page).getByRole('row').count()
  expect(domRows).toBeGreaterThan(10)
  expect(domRows).toBeLessThan(60)

  const present = amounts.filter((a): a is number => a !== null)
  const smallest = present.reduce((a, b) => Math.min(a, b))
  const largest = present.reduce((a, b) => Math.max(a, b))
  await sortBy(page, 'amount', 'ascending')
  await expect(await cell(page, 1, 'amount')).toHaveAttribute('data-value', String(smallest))
  await sortBy(page, 'amount', 'descending')
  await expect(await cell(page, 1, 'amount')).toHaveAttribute('data-value', String(largest))

  // Missing amounts come last in either direction; the last one in the file is the last row.
  await grid(page).focus()
  await page.keyboard.press('End')
  const lastMissing = amounts.lastIndexOf(null)
  await expect(rowNumber(page, ROWS)).toHaveText((lastMissing + 1).toLocaleString('en-US'))
  await expect(await cell(page, ROWS, 'amount')).toHaveText('missing')
  await expect(rowNumber(page, ROWS)).toBeInViewport()
  expect(await grid(page).getByRole('row').count()).toBeLessThan(60)

  // Page keys move by a screenful from there.
  await page.keyboard.press('PageUp')
  await expect(rowNumber(page, ROWS)).not.toBeInViewport()
})
