import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import writeExcelFile from 'write-excel-file/node'
import { StudioPage } from './studio-page'

// Generated from CreditCard.csv by e2e/fixtures/generators/make-format-fixtures.mjs.
const FIXTURES = join(process.cwd(), 'src', 'core', 'table', 'fixtures', 'formats')
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function fixture(name: string, mimeType = 'application/octet-stream') {
  return { name, mimeType, buffer: readFileSync(join(FIXTURES, name)) }
}

/** Column names in the order the profile lists them (one row per column, named in data-column). */
function columnNames(page: Page) {
  return page
    .getByRole('table', { name: 'Columns' })
    .locator('tbody tr[data-column]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-column') ?? ''))
}

const APPLICANT_COLUMNS = [
  'card',
  'reports',
  'age',
  'income',
  'share',
  'expenditure',
  'owner',
  'selfemp',
  'dependents',
  'months',
  'address_since',
]

test('an Excel workbook loads its first sheet with every column and row', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.upload(fixture('credit-card.xlsx', XLSX))
  await expect(page.getByText('credit-card.xlsx: 200 rows × 11 columns')).toBeVisible()
  expect(await columnNames(page)).toEqual(APPLICANT_COLUMNS)
  await expect(page.getByRole('alert')).toHaveCount(0)
})

// The sheet picker belongs to the ingest helper's streaming worker; on this branch the parse
// request carries no sheet, so this part waits for that merge.
test('choosing the "Notes" sheet loads that sheet instead', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.upload(fixture('credit-card.xlsx', XLSX))
  await expect(page.getByText('credit-card.xlsx: 200 rows × 11 columns')).toBeVisible()
  const picker = page.getByRole('combobox', { name: 'Sheet' })
  await expect(picker.locator('option')).toHaveText(['Applicants', 'Notes'])
  await picker.selectOption('Notes')
  await expect(page.getByText(/40 rows × 4 columns/)).toBeVisible()
  expect(await columnNames(page)).toEqual(['applicant', 'majorcards', 'active', 'selfemp'])
})

test('a workbook big enough to unzip in background threads loads in the worker', async ({
  page,
}) => {
  // 5,276 rows: the sheet's XML passes fflate's 512 KB mark, so it inflates in nested workers
  // started from inside the parse worker, the path the small fixture never takes.
  const csv = readFileSync(join(process.cwd(), 'public', 'datasets', 'CreditCard.csv'), 'utf8')
  const [header = '', ...lines] = csv.trim().split('\n')
  const body = [...lines, ...lines, ...lines, ...lines].map((line) =>
    line.split(',').map((cell) => (Number.isFinite(Number(cell)) ? Number(cell) : cell)),
  )
  const buffer = await writeExcelFile([header.split(','), ...body]).toBuffer()
  const studio = new StudioPage(page)
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  await studio.open()
  await studio.upload({ name: 'credit-card-x4.xlsx', mimeType: XLSX, buffer })
  await expect(page.getByText('credit-card-x4.xlsx: 5,276 rows × 12 columns')).toBeVisible()
  expect(workers.some((url) => url.includes('parse-worker'))).toBe(true)
  expect(workers.some((url) => url.startsWith('blob:'))).toBe(true)
})

test.describe('Parquet', () => {
  for (const codec of ['snappy', 'gzip', 'zstd']) {
    test(`a ${codec} Parquet file loads all its row groups`, async ({ page }) => {
      const studio = new StudioPage(page)
      await studio.open()
      const name = `credit-card.${codec}.parquet`
      await studio.upload(fixture(name))
      await expect(page.getByText(`${name}: 200 rows × 9 columns`)).toBeVisible()
      expect(await columnNames(page)).toEqual([
        'card',
        'reports',
        'age',
        'income',
        'owner',
        'selfemp',
        'dependents',
        'months',
        'address_since',
      ])
      await expect(page.getByRole('table', { name: 'Data preview' })).toContainText('4.52')
    })
  }
})

test('a damaged workbook or Parquet file gets a clear message and the sample stays', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('German credit risk')
  const damaged: [string, string][] = [
    ['truncated.xlsx', 'The Excel file is damaged or incomplete'],
    ['password-protected.xlsx', 'This workbook is protected by a password'],
    ['truncated.parquet', 'The Parquet file is damaged or incomplete'],
  ]
  for (const [name, message] of damaged) {
    await studio.upload(fixture(name))
    const alert = page.getByRole('alert')
    await expect(alert).toContainText(message)
    await expect(alert).toContainText('GermanCredit.csv')
    await expect(page.getByRole('table', { name: 'Columns' })).toContainText('Duration')
    await expect(studio.targetColumn()).toHaveValue('Class')
  }
})

test('a CSV saved under an .xlsx or .parquet name is read as the CSV it is, with a note', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open()
  for (const [name, format] of [
    ['really-a-csv.xlsx', 'an Excel workbook'],
    ['really-text.parquet', 'a Parquet file'],
  ]) {
    await studio.upload(fixture(name ?? ''))
    await expect(page.getByRole('alert')).toContainText(
      `"${name}" is named like ${format} but holds text; it was read as CSV.`,
    )
    await expect(page.getByText(new RegExp(`${name}: \\d+ rows × 12 columns`))).toBeVisible()
  }
})
