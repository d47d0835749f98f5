import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test('a broken file gets a clear message and the loaded dataset stays', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('German credit risk')
  await expect(studio.targetColumn()).toHaveValue('Class')

  await studio.upload({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') })
  await expect(page.getByRole('alert')).toContainText('The file is empty')
  await expect(page.getByRole('alert')).toContainText('GermanCredit.csv')
  await expect(studio.targetColumn()).toHaveValue('Class')

  await studio.upload({
    name: 'header-only.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('a,b,c\n'),
  })
  await expect(page.getByRole('alert')).toContainText('no data rows')

  await studio.upload({
    name: 'picture.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
  })
  await expect(page.getByRole('alert')).toContainText('binary')
  await expect(page.getByRole('table', { name: 'Columns' })).toContainText('Duration')
})

test('a column with a single value is refused as a target with the reason', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  const csv = 'region,score,flag\nnorth,1.5,x\nsouth,2.5,x\neast,0.5,x\n'
  await studio.upload({ name: 'tiny.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await studio.targetColumn().selectOption('flag')
  await expect(
    page.getByText('"flag" has a single value; a target needs at least two.'),
  ).toBeVisible()
  await studio.tab('Train').click()
  await expect(page.getByText('Nothing to train yet')).toBeVisible()
})
