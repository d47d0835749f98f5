import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import Papa from 'papaparse'
import { StudioPage } from './studio-page'

type Row = Record<string, string>
const parse = (text: string) => Papa.parse<Row>(text.trim(), { header: true }).data

/** The predict form's model outputs, as the Prediction region holds them (full precision). */
async function formOutputs(page: Page): Promise<number[]> {
  const region = page.getByRole('region', { name: 'Prediction' })
  return JSON.parse((await region.getAttribute('data-outputs')) ?? '[]') as number[]
}

async function downloadFrom(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  return readFile(await (await download).path(), 'utf8')
}

test('Deploy predicts a typed-in row with its reasons and scores an uploaded file as the page does', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('German credit risk')
  await studio.train(2)
  await studio.tab('Deploy').click()

  await page.getByRole('tab', { name: 'Download' }).click()
  const testPredictions = parse(await downloadFrom(page, 'Download test predictions (CSV)'))
  expect(testPredictions.length).toBeGreaterThan(50)

  // The form opens on the typical row and predicts it, with reasons beside.
  await page.getByRole('tab', { name: 'Predict' }).click()
  await expect(page.getByText('Showing the typical row.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Prediction' })).toBeVisible()
  const duration = page.getByRole('textbox', { name: 'Duration', exact: true })
  const typical = await formOutputs(page)
  expect(typical).toHaveLength(1)
  expect(typical[0]).toBeGreaterThan(0)
  expect(typical[0]).toBeLessThan(1)
  // German credit's median duration, as the typical row has it.
  await expect(duration).toHaveValue('18')

  // A duration no applicant in the data had: the field says so, and the model still answers.
  await duration.fill('500')
  await expect(page.getByText(/Outside the training range \(4 to 72\)/)).toBeVisible()
  await expect.poll(async () => (await formOutputs(page))[0]).not.toBe(typical[0])
  await expect(page.getByRole('list', { name: 'Reason codes' })).toContainText(
    /Duration = 500 (raises|lowers) P\(Bad\) by [\d.]+ \(a typical row has 18\)/,
  )

  // A real test row gives the probability the page's own test predictions give it.
  await page.getByRole('button', { name: 'Fill with a test row' }).click()
  const shown = (await page.getByRole('status', { name: 'Form row' }).textContent()) ?? ''
  const index = Number(/test row (\d+) of/.exec(shown)?.[1]) - 1
  const expected = Number(testPredictions[index]?.probability_Bad)
  await expect
    .poll(async () => Math.abs(((await formOutputs(page))[0] ?? NaN) - expected))
    .toBeLessThan(1e-6)

  // A file of test rows (with the file's Class column, one of them a formula) scored in a worker.
  const rows = testPredictions.slice(0, 40)
  const upload = rows.map((row) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => !/^(predicted|probability)_/.test(k))),
  )
  const formula = { ...upload[0], Class: '=HYPERLINK("x")' }
  const copies = Array.from({ length: 60 }, () => upload).flat()
  const csv = Papa.unparse([...copies, formula])
  await page.getByRole('tab', { name: 'Score a file' }).click()
  // The bar may come and go between two polls: a MutationObserver sees every value it shows.
  await page.evaluate(() => {
    const seen: number[] = []
    Object.assign(window, { progressSeen: seen })
    new MutationObserver(() => {
      const bar = document.querySelector('[aria-label="Scoring progress"]')
      if (bar) seen.push(Number(bar.getAttribute('aria-valuenow')))
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  await page
    .getByLabel('Upload a file to score')
    .setInputFiles({ name: 'applicants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(page.getByLabel('Column check')).toContainText('“Class” is what the model predicts')
  await expect(page.getByRole('region', { name: 'Scoring summary' })).toContainText(
    '2,401 of 2,401 rows scored',
  )
  await expect(page.getByRole('table', { name: 'Scored rows' })).toBeVisible()
  const progress = await page.evaluate(
    () => (window as unknown as { progressSeen: number[] }).progressSeen,
  )
  expect(progress.length).toBeGreaterThan(1)
  expect(progress.some((p) => p > 0 && p < 100)).toBe(true)
  const scored = parse(await downloadFrom(page, 'Download scored file (CSV)'))
  expect(scored).toHaveLength(copies.length + 1)
  scored.slice(0, copies.length).forEach((row, i) => {
    const reference = rows[i % rows.length]
    expect(Math.abs(Number(row.probability_Bad) - Number(reference?.probability_Bad))).toBeLessThan(
      1e-6,
    )
    expect(row.predicted_Class).toBe(reference?.predicted_Class)
    expect(row.reason_1).toMatch(/^[\w.]+ = .+ (raises|lowers) P\(Bad\) by /)
  })
  const last = scored.at(-1)
  expect(last?.Class).toBe(`'=HYPERLINK("x")`)
  expect(Number(last?.probability_Bad)).toBeCloseTo(Number(scored[0]?.probability_Bad), 9)

  // A file whose column is misspelt is refused before any row is scored, saying what to fix.
  const misspelt = csv.replace(/^Duration,/, 'Duraton,')
  await page
    .getByLabel('Upload a file to score')
    .setInputFiles({ name: 'typo.csv', mimeType: 'text/csv', buffer: Buffer.from(misspelt) })
  await expect(page.getByLabel('Column check')).toContainText(
    'The file has no column “Duration”, which the model needs; it has “Duraton”',
  )
  await expect(page.getByRole('button', { name: 'Download scored file (CSV)' })).toHaveCount(0)

  // A long file can be cancelled part-way: the worker ends and nothing is offered for download.
  const long = Papa.unparse(Array.from({ length: 12 }, () => copies).flat())
  await page
    .getByLabel('Upload a file to score')
    .setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(long) })
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('Scoring long.csv was cancelled')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Download scored file (CSV)' })).toHaveCount(0)
  await expect(page.getByRole('progressbar', { name: 'Scoring progress' })).toHaveCount(0)
})
