import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import Papa from 'papaparse'
import { StudioPage } from './studio-page'

// Column names and values written to attack the page: markup, script, attribute breakouts,
// template syntax, prototype keys and spreadsheet formulas. Each must show as the text it is.
const NAMES = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(2)</script>',
  breakout: '"><b id="injected">bold</b>',
  template: '{{constructor.constructor("alert(3)")()}}',
  proto: '__proto__',
  formula: '=HYPERLINK("http://example.invalid","x")',
} as const
const TARGET = 'outcome'

function hostileCsv(): string {
  const rows = Array.from({ length: 120 }, (_, i) => ({
    [NAMES.img]: (i * 37) % 100,
    [NAMES.script]:
      i % 3 === 0 ? '<img src=y onerror=alert(4)>' : i % 3 === 1 ? '<b>bold</b>' : 'plain',
    [NAMES.breakout]: (i * 13) % 50,
    [NAMES.template]: i % 2 === 0 ? '{{7*7}}' : '${7*7}',
    [NAMES.proto]: (i * 7) % 30,
    [NAMES.formula]:
      i % 4 === 0 ? '=1+1' : i % 4 === 1 ? '@SUM(A1)' : i % 4 === 2 ? '+cmd' : '-2+3',
    [TARGET]: (i * 37) % 100 > 50 ? 'yes' : 'no',
  }))
  return Papa.unparse(rows)
}

async function downloadFrom(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  return readFile(await (await download).path(), 'utf8')
}

test('column names and values holding markup, script and formulas show as plain text everywhere', async ({
  page,
}) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  // A page error is how a crash of the React tree starts (an object rendered as a cell).
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const injected = () => page.locator('img[src="x"], img[src="y"], #injected, b:text("bold")')

  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  const csv = hostileCsv()
  await studio.upload({
    name: '<i>hostile</i>.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  await expect(studio.targetColumn()).toBeVisible()
  await studio.targetColumn().selectOption(TARGET)
  const columns = page.getByRole('table', { name: 'Columns' })
  for (const name of Object.values(NAMES))
    await expect(columns.getByText(name, { exact: true }).first()).toBeVisible()
  await expect(page.getByText('<i>hostile</i>.csv').first()).toBeVisible()
  await expect(injected()).toHaveCount(0)

  await studio.tab('Prepare').click()
  await expect(page.getByRole('list', { name: 'Preparation steps' })).toBeVisible()
  await expect(injected()).toHaveCount(0)
  await studio.tab('Model').click()
  await expect(injected()).toHaveCount(0)
  await studio.train(2)
  await studio.testMetrics()
  await studio.tab('Evaluate').click()
  await page.getByRole('tab', { name: 'Explain' }).click()
  await page.getByRole('button', { name: 'Explain row' }).click()
  await expect(page.getByText(NAMES.img).filter({ visible: true }).first()).toBeVisible()
  await expect(injected()).toHaveCount(0)

  await studio.tab('Deploy').click()
  await expect(page.getByRole('textbox', { name: NAMES.img, exact: true })).toBeVisible()
  await expect(page.getByRole('textbox', { name: NAMES.proto, exact: true })).toBeVisible()
  await expect(injected()).toHaveCount(0)

  await studio.deployTab('Score a file').click()
  await page
    .getByLabel('Upload a file to score')
    .setInputFiles({ name: 'score.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(page.getByRole('region', { name: 'Scoring summary' })).toContainText(
    '120 of 120 rows scored',
  )
  await expect(injected()).toHaveCount(0)
  const scored = Papa.parse<Record<string, string>>(
    await downloadFrom(page, 'Download scored file (CSV)'),
    {
      header: true,
      skipEmptyLines: true,
    },
  )
  expect(scored.data).toHaveLength(120)
  // Text cells a spreadsheet would run as a formula start with an apostrophe; numbers do not.
  // The header names the column as the file did, neutralised the same way.
  expect(Object.keys(scored.data[0] ?? {})).toContain(`'${NAMES.formula}`)
  const formulas = scored.data.map((row) => row[`'${NAMES.formula}`])
  expect(formulas).toHaveLength(120)
  expect(formulas.filter((v) => /^[=+\-@]/.test(v ?? ''))).toEqual([])
  expect(formulas.slice(0, 3)).toEqual(["'=1+1", "'@SUM(A1)", "'+cmd"])

  expect(dialogs).toEqual([])
  expect(errors).toEqual([])
})
