import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test('Explain ranks raw columns by permutation importance, draws a partial dependence and gives a row its reasons, in a worker', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('German credit risk')
  await studio.train(4)
  await studio.tab('Evaluate').click()
  await page.getByRole('tab', { name: 'Explain' }).click()

  await page.getByRole('textbox', { name: 'Repeats' }).fill('2')
  await page.getByRole('button', { name: 'Run permutation importance' }).click()
  await expect(
    page.getByRole('progressbar', { name: 'Permutation importance progress' }),
  ).toBeVisible()
  const table = page.getByRole('table', { name: 'Permutation importance' })
  await expect(table).toBeVisible({ timeout: 120_000 })
  const rows = table.locator('tbody tr')
  // Every raw column of the file but the target, ranked by the AUC its shuffling costs.
  const columns = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-column')))
  expect(columns.length).toBeGreaterThan(40)
  expect(columns).toContain('Duration')
  expect(columns).not.toContain('Class')
  const means = await rows.evaluateAll((trs) =>
    trs.map((tr) => Number(tr.querySelector('td[data-value]')?.getAttribute('data-value'))),
  )
  expect(means).toEqual([...means].sort((a, b) => b - a))
  expect(means[0]).toBeGreaterThan(0)
  const chart = page.getByRole('img', { name: 'Permutation importance per column' })
  expect(Number(await chart.getAttribute('data-points'))).toBe(15)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download Permutation importance as CSV' }).first().click()
  const csv = await (
    await download
  )
    .path()
    .then((p) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8')))
  const lines = csv.trim().split('\r\n')
  expect(lines[0]).toBe('Column,Mean loss,Std,Min,Max')
  expect(lines).toHaveLength(columns.length + 1)
  expect(Number(lines[1]?.split(',')[1])).toBeCloseTo(means[0] ?? NaN, 10)

  await page.getByRole('combobox', { name: 'Column' }).selectOption('Duration')
  await page.getByRole('button', { name: 'Show partial dependence' }).click()
  const dependence = page.getByRole('img', { name: 'Partial dependence on Duration' })
  await expect(dependence).toBeVisible({ timeout: 60_000 })
  expect(Number(await dependence.getAttribute('data-points'))).toBeGreaterThan(5)

  await page.getByRole('button', { name: 'Highest score' }).click()
  const reasons = page.getByRole('list', { name: 'Reason codes' }).getByRole('listitem')
  await expect(reasons.first()).toBeVisible({ timeout: 60_000 })
  await expect(reasons.first()).toHaveText(/ (raises|lowers) the probability of Bad by /)
  const effects = (
    await reasons.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-effect')))
  ).map(Number)
  expect(effects.map(Math.abs)).toEqual([...effects.map(Math.abs)].sort((a, b) => b - a))
})
