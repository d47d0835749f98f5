import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test('without ?backend the studio measures every backend and trains on the fastest', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('Credit card applications')
  await expect(studio.targetColumn()).toHaveValue('card')
  await studio.train(3)
  const probe = page.getByRole('table', { name: 'Backend speed probe' })
  await expect(probe.locator('tbody tr')).toHaveCount(4)
  const rows = await probe.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      chosen: tr.textContent.includes('(chosen)'),
      speed: Number(
        /([\d,]+) samples\/s/.exec(tr.textContent)?.[1]?.replace(/,/g, '') ?? Number.NaN,
      ),
    })),
  )
  const chosen = rows.find((r) => r.chosen)
  expect(chosen).toBeDefined()
  const fastest = Math.max(...rows.map((r) => (Number.isNaN(r.speed) ? 0 : r.speed)))
  expect(chosen?.speed).toBe(fastest)
  const status = await studio.trainStatus().innerText()
  expect(status).toMatch(/Backend: (webgpu|webgl|wasm|cpu)/)

  // Training the same model again reuses the measurement instead of probing every backend anew.
  const probeText = await probe.innerText()
  await studio.train(2)
  expect(await probe.innerText()).toBe(probeText)
  expect(await studio.trainStatus().innerText()).toContain(status.split(' ·')[0] ?? '')
})
