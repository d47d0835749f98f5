import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

async function setNumber(page: Page, name: string, value: number): Promise<void> {
  const input = page.getByRole('textbox', { name, exact: true })
  await input.fill(String(value))
  await input.blur()
}

/** Data points a chart on the Train step draws, by its accessible name. */
async function chartPoints(page: Page, name: string): Promise<number> {
  const chart = page.getByRole('img', { name, exact: true })
  return Number(await chart.getAttribute('data-points'))
}

async function openTrain(page: Page): Promise<StudioPage> {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('German credit risk')
  await studio.tab('Train').click()
  return studio
}

test('the live view draws each chosen metric and every batch, follows the schedule and says why the run ended', async ({
  page,
}) => {
  const studio = await openTrain(page)
  await setNumber(page, 'Epochs', 60)
  await setNumber(page, 'Batch size', 8)
  await setNumber(page, 'Learning rate', 0.004)
  await page.getByRole('combobox', { name: 'Learning-rate schedule' }).selectOption('step')
  await setNumber(page, 'Drop every', 3)
  await setNumber(page, 'Multiply by', 0.5)
  await page.getByRole('switch', { name: 'Early stopping' }).check()
  await setNumber(page, 'Patience', 3)
  await page.getByRole('checkbox', { name: 'Precision' }).check()
  await setNumber(page, 'Training seed', 7)

  await page.getByRole('button', { name: 'Start training' }).click()
  await expect(page.getByRole('textbox', { name: 'Epochs' })).toBeDisabled()
  // Paused in its first epoch, the run stops after it and its figures hold still to be read.
  await expect(studio.trainStatus()).toContainText('Training')
  await page.getByRole('button', { name: 'Pause training' }).click()
  await expect(studio.trainStatus()).toContainText('Paused')
  const history = page.getByRole('table', { name: 'Training history' }).locator('tbody tr')
  await expect(history).not.toHaveCount(0)
  const figures = page.getByRole('group', { name: 'Training figures' })
  await expect(figures.getByRole('group', { name: 'Time left' })).toContainText(/about \d+ s/)
  await expect(figures.getByRole('group', { name: 'Speed' })).toContainText(/[\d,]+ samples\/s/)
  await expect(figures.getByRole('group', { name: 'Memory' })).toContainText(
    /\d+ tensors · [\d.]+ (KB|MB)/,
  )
  await expect(figures.getByRole('group', { name: 'Progress' })).toContainText(/epoch \d+ of 60/)
  await page.getByRole('button', { name: 'Resume training' }).click()

  await expect(studio.trainStatus()).toContainText('Finished', { timeout: 120_000 })
  const finished = /Finished after (\d+) epochs/.exec(await studio.trainStatus().innerText())
  const epochs = Number(finished?.[1])
  // The curves redraw once a second: they catch up with the status.
  await expect(history).toHaveCount(epochs)
  // German credit overfits within a few epochs: early stopping ends the run well before 60.
  expect(epochs).toBeLessThan(60)
  const validationLoss = await studio.columnValues('Training history', 3)
  const best = validationLoss.indexOf(Math.min(...validationLoss)) + 1
  await expect(studio.trainStatus()).toContainText(
    `Stopped early at epoch ${epochs}: validation loss had not improved for 3 epochs; weights of epoch ${best} restored.`,
  )

  // Loss, accuracy and AUC (the defaults) and precision, each on training and validation rows.
  for (const name of ['loss', 'accuracy', 'AUC', 'precision']) {
    await expect
      .poll(() => chartPoints(page, `Training and validation ${name} per epoch`))
      .toBe(epochs)
  }
  // 800 training rows in batches of 8: 100 batches an epoch, every one drawn.
  await expect.poll(() => chartPoints(page, 'Training loss per batch')).toBe(epochs * 100)

  // Step schedule: 0.004 for epochs 1–3, halved every 3 epochs after.
  const header = page.getByRole('table', { name: 'Training history' }).locator('thead th')
  const rateColumn = (await header.allTextContents()).indexOf('Learning rate') + 1
  const rates = await studio.columnValues('Training history', rateColumn)
  expect(rates).toHaveLength(epochs)
  rates.forEach((rate, i) => expect(rate).toBeCloseTo(0.004 * 0.5 ** Math.floor(i / 3), 9))
})

test('the same training seed trains the same first epoch; a new seed another', async ({ page }) => {
  const studio = await openTrain(page)
  await setNumber(page, 'Training seed', 1234)
  const [first] = await studio.train(2)
  const [again] = await studio.train(2)
  expect(again).toBe(first)

  await page.getByRole('button', { name: 'New seed' }).click()
  await expect(page.getByRole('textbox', { name: 'Training seed' })).not.toHaveValue('1234')
  const [other] = await studio.train(2)
  expect(other).not.toBe(first)
})

// Not met yet, so not run. Training German credit on WASM in batches of 4 (2 cores): with recharts
// the live charts gave 18–19 main-thread tasks over 50 ms in 10 s (up to ~500 ms); drawn as SVG
// paths, with only the curves and table redrawing for new epochs, 1–3 remain (53–104 ms), at the
// click on Start and as the run ends (settings re-enabled, the run recorded). Issue 6 stays open
// until this passes.
test.fixme('the page stays responsive while training: no long task on the main thread', async ({
  page,
}) => {
  // Recorded from before the app loads, so no task escapes; only those during training count.
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = []
    Object.assign(window, { longTasks: tasks })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        tasks.push({ start: entry.startTime, duration: entry.duration })
      }
    }).observe({ type: 'longtask', buffered: true })
  })
  const studio = await openTrain(page)
  await setNumber(page, 'Epochs', 2000)
  // Batches of 4 on WASM: hundreds of batch losses a second reach the page.
  await setNumber(page, 'Batch size', 4)
  await page.getByRole('checkbox', { name: 'Precision' }).check()
  await page.getByRole('checkbox', { name: 'Recall' }).check()

  const started = await page.evaluate(() => performance.now())
  await page.getByRole('button', { name: 'Start training' }).click()
  await expect(page.getByRole('table', { name: 'Training history' })).toBeVisible()
  await page.waitForTimeout(9000)
  await page.getByRole('button', { name: 'Stop training' }).click()
  await expect(studio.trainStatus()).toContainText('Stopped by hand after')
  const ended = await page.evaluate(() => performance.now())

  expect(await chartPoints(page, 'Training loss per batch')).toBeGreaterThan(200)
  const during = await page.evaluate(
    ([from, to]) =>
      (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter(
        (t) => t.start >= from && t.start <= to,
      ),
    [started, ended] as const,
  )
  expect(during.filter((t) => t.duration > 50)).toEqual([])
})
