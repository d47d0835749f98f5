import { expect, test } from '@playwright/test'
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
  await page.getByText('Choose or drop a CSV, TSV or JSON file…').dispatchEvent('drop', {
    dataTransfer: dropped,
  })
  await expect(page.getByRole('banner')).toContainText('dropped.csv')
})
