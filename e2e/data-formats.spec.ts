import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

test('a Latin-1 CSV from Excel loads with its accents and a note saying how it was read', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open()
  const csv = 'client;ville;score\nRenée;Zürich;1.5\nJosé;Málaga;2.5\nAnaïs;Besançon;0.5\n'
  await studio.upload({
    name: 'clients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'latin1'),
  })
  await expect(page.getByText('The file was read as Latin-1 (Windows-1252) text.')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Data preview' })).toContainText('Zürich')
  await expect(page.getByRole('table', { name: 'Data preview' })).toContainText('Besançon')
})

test('JSON Lines and pasted spreadsheet cells load as tables', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  const lines = [
    { income: 3.1, owner: 'yes', approved: 'yes' },
    { income: 1.2, owner: 'no', approved: 'no' },
    { income: 2.4, owner: 'yes', approved: 'no' },
  ]
  await studio.upload({
    name: 'applications.jsonl',
    mimeType: 'application/json',
    buffer: Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')),
  })
  await expect(page.getByRole('table', { name: 'Columns' })).toContainText('income')
  await expect(studio.targetColumn()).toContainText('approved')

  await page.getByRole('button', { name: 'Paste from a spreadsheet' }).click()
  await page
    .getByRole('textbox', { name: 'Pasted cells' })
    .fill('region\tsales\nnorth\t12\nsouth\t7\n')
  await page.getByRole('button', { name: 'Load pasted data' }).click()
  await expect(page.getByRole('table', { name: 'Data preview' })).toContainText('north')
  await expect(page.getByRole('table', { name: 'Columns' })).toContainText('sales')
})

test('a file dropped on the upload area loads', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['a,b\n1,x\n2,y\n'], 'dropped.csv', { type: 'text/csv' }))
    return transfer
  })
  await page
    .getByText('Choose or drop a CSV, TSV, JSON, Excel (.xlsx) or Parquet file…')
    .dispatchEvent('drop', {
      dataTransfer: dropped,
    })
  await expect(page.getByRole('banner')).toContainText('dropped.csv')
})

/** Uploads text as a file and waits for the page to show the loaded name. */
async function uploadText(studio: StudioPage, name: string, buffer: Buffer) {
  await studio.upload({ name, mimeType: 'text/csv', buffer })
  await expect(studio.page.getByRole('banner')).toContainText(name)
}

const preview = (page: Page) => page.getByRole('table', { name: 'Data preview' })
const columns = (page: Page) => page.getByRole('table', { name: 'Columns' })

test('a semicolon-separated European export loads into its columns', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  const csv = 'client;montant;ville\nAnn;1.5;Paris\nBob;2;Lyon\nCy;3;Nice\n'
  await uploadText(studio, 'europe.csv', Buffer.from(csv))
  await expect(columns(page)).toContainText('montant')
  await expect(preview(page)).toContainText('Lyon')
  await expect(page.getByText('3 rows × 3 columns')).toBeVisible()
})

test('a quoted cell with a line break stays one cell of one row', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  const csv = 'id,note,score\n1,"first line\nsecond line",5\n2,"plain",6\n'
  await uploadText(studio, 'notes.csv', Buffer.from(csv))
  await expect(page.getByText('2 rows × 3 columns')).toBeVisible()
  await expect(preview(page)).toContainText('second line')
})

test('a file without a header row gets column_1.. names and a note saying why', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open()
  await uploadText(studio, 'headless.csv', Buffer.from('Ann,34,Paris\nBob,45,Rome\nCy,29,Oslo\n'))
  await expect(page.getByText(/The first row looks like data, not column names/)).toBeVisible()
  await expect(columns(page)).toContainText('column_2')
  await expect(preview(page)).toContainText('Ann')
  await expect(page.getByText('3 rows × 3 columns')).toBeVisible()
})

test('a UTF-16 file saved by Excel ("Unicode text") loads, with a note', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  const text = 'client\tville\tscore\nRenée\tZürich\t1\nJosé\tMálaga\t2\n'
  const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
  await uploadText(studio, 'unicode.txt', buffer)
  await expect(page.getByText('The file was read as UTF-16LE text.')).toBeVisible()
  await expect(preview(page)).toContainText('Málaga')
})

test('a tab-separated file keeps commas inside its cells', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  const tsv = 'name\taddress\tamount\nAnn\t1 Main St, Springfield\t10\nBob\t2 High St, Leeds\t20\n'
  await uploadText(studio, 'people.tsv', Buffer.from(tsv))
  await expect(preview(page)).toContainText('1 Main St, Springfield')
  await expect(page.getByText('2 rows × 3 columns')).toBeVisible()
})
