import { expect, test, type Locator, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

/** The Model step with German credit loaded (its target, Class, is chosen on load). */
async function openModel(page: Page): Promise<StudioPage> {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.loadSample('German credit risk')
  await studio.tab('Model').click()
  await expect(summary(page)).toBeVisible()
  return studio
}

const summary = (page: Page) => page.getByRole('table', { name: 'Model summary' })
const cards = (page: Page) => page.getByRole('list', { name: 'Layers' }).locator('[data-layer-id]')
const card = (page: Page, n: number) => cards(page).nth(n - 1)

/** The stack as its cards name themselves: "Layer 1: Dense", … */
async function stack(page: Page): Promise<string[]> {
  return cards(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))
}

/** Summary rows as [name (type), output shape, params]; the input row first, output last. */
async function summaryRows(page: Page): Promise<[string, string, number][]> {
  const rows = await summary(page)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.querySelectorAll('td'))
        return [
          cells[0]?.textContent ?? '',
          cells[1]?.textContent ?? '',
          cells[2]?.getAttribute('data-value') ?? '',
        ]
      }),
    )
  return rows.map(([name = '', shape = '', params]) => [name, shape, Number(params)])
}

async function totalParams(page: Page): Promise<number> {
  const cell = summary(page).locator('tfoot tr[data-total="Total params"] td')
  return Number(await cell.getAttribute('data-value'))
}

/** Checks the summary as Keras would print it: each Dense has (inputs + 1) × units weights. */
async function expectDenseSummary(page: Page, units: (number | 'dropout')[]) {
  await expect(() => denseSummary(page, units)).toPass({ timeout: 10_000 })
}

async function denseSummary(page: Page, units: (number | 'dropout')[]) {
  const rows = await summaryRows(page)
  const width = Number(/\(None, (\d+)\)/.exec(rows[0]?.[1] ?? '')?.[1])
  expect(width).toBeGreaterThan(10)
  let inputs = width
  const expected: [string, string, number][] = [rows[0] as [string, string, number]]
  for (const u of units) {
    if (u === 'dropout') {
      expected.push([expect.stringContaining('(Dropout)') as never, `(None, ${inputs})`, 0])
      continue
    }
    expected.push([expect.stringContaining('(Dense)') as never, `(None, ${u})`, (inputs + 1) * u])
    inputs = u
  }
  expected.push(['output (Dense)', '(None, 1)', inputs + 1])
  expect(rows).toEqual(expected)
  expect(await totalParams(page)).toBe(rows.reduce((sum, [, , p]) => sum + p, 0))
}

/**
 * Drags with the mouse in small steps, as a hand would (dnd-kit waits for 4 px of travel), and
 * lets go once the drop target is announced as reached.
 */
async function drag(page: Page, from: Locator, to: Locator, where: 'top' | 'centre', over: string) {
  const a = await from.boundingBox()
  const b = await to.boundingBox()
  if (!a || !b) throw new Error('drag: element not on screen')
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
  await page.mouse.down()
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 4 })
  const y = where === 'top' ? b.y + 8 : b.y + b.height / 2
  await page.mouse.move(b.x + b.width / 2, y, { steps: 16 })
  await expect(heard(page)).toContainText(`is over ${over}.`)
  await page.mouse.up()
}

/** dnd-kit's live region: what a screen reader hears while a layer moves. */
const heard = (page: Page) => page.locator('[id^="DndLiveRegion"]')

test('a layer dragged from the palette lands between two layers, and a drag reorders the stack', async ({
  page,
}) => {
  await openModel(page)
  await expect
    .poll(() => stack(page))
    .toEqual(['Layer 1: Dense', 'Layer 2: Dropout', 'Layer 3: Dense'])
  await expectDenseSummary(page, [64, 'dropout', 32])

  await drag(
    page,
    page.locator('[data-palette-type="dense"]'),
    card(page, 2),
    'top',
    'layer 2 (Dropout)',
  )
  await expect
    .poll(() => stack(page))
    .toEqual(['Layer 1: Dense', 'Layer 2: Dense', 'Layer 3: Dropout', 'Layer 4: Dense'])
  await expectDenseSummary(page, [64, 64, 'dropout', 32])

  // The 32-unit layer, dragged by its handle to the top, now reads the inputs itself.
  await drag(
    page,
    page.getByRole('button', { name: 'Drag layer 4' }),
    card(page, 1),
    'centre',
    'layer 1 (Dense)',
  )
  await expect(page.getByRole('textbox', { name: 'Units of layer 1' })).toHaveValue('32')
  await expectDenseSummary(page, [32, 64, 64, 'dropout'])
  await page.screenshot({ path: 'test-results/model-editor-1280.png', fullPage: true })
  await page.setViewportSize({ width: 1024, height: 800 })
  await page.screenshot({ path: 'test-results/model-editor-1024.png', fullPage: true })
})

test('the same edits by keyboard only: add after the focused layer, reorder with the handle', async ({
  page,
}) => {
  await openModel(page)
  // Focus in a card selects it: Add puts the new layer right after it.
  await page.getByRole('textbox', { name: 'Units of layer 1' }).focus()
  await page.getByRole('button', { name: 'Add Dense layer' }).focus()
  await page.keyboard.press('Enter')
  await expect
    .poll(() => stack(page))
    .toEqual(['Layer 1: Dense', 'Layer 2: Dense', 'Layer 3: Dropout', 'Layer 4: Dense'])
  const units = page.getByRole('textbox', { name: 'Units of layer 2' })
  await units.focus()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('16')
  await page.keyboard.press('Enter')
  await expectDenseSummary(page, [64, 16, 'dropout', 32])

  // dnd-kit's keyboard sensor: Space picks the layer up, arrows move it, Space drops it.
  // Each key waits for what a screen reader would hear, so no key lands before the last moved.
  await page.getByRole('button', { name: 'Drag layer 4' }).focus()
  await page.keyboard.press('Space')
  await expect(heard(page)).toContainText('layer 4 (Dense)')
  for (const over of ['layer 3 (Dropout)', 'layer 2 (Dense)', 'layer 1 (Dense)']) {
    await page.keyboard.press('ArrowUp')
    await expect(heard(page)).toHaveText(`layer 4 (Dense) is over ${over}.`)
  }
  await page.keyboard.press('Space')
  await expect(page.getByRole('textbox', { name: 'Units of layer 1' })).toHaveValue('32')
  await expectDenseSummary(page, [32, 64, 16, 'dropout'])

  await page.getByRole('button', { name: 'Move layer 4 up' }).focus()
  await page.keyboard.press('Enter')
  await expectDenseSummary(page, [32, 64, 'dropout', 16])
})

test('a template replaces the stack in one step that undo and redo walk through', async ({
  page,
}) => {
  await openModel(page)
  await page.getByRole('button', { name: 'Add Dropout layer' }).click()
  await expect(cards(page)).toHaveCount(4)
  const edited = await stack(page)

  await page.getByRole('button', { name: 'Apply template Wide tabular MLP' }).click()
  // The analyst's own layers are not replaced without asking.
  await page.getByRole('button', { name: 'Replace layers' }).click()
  await expect(page.getByLabel('Model origin')).toHaveText('Wide tabular MLP')
  const applied = await stack(page)
  expect(applied).not.toEqual(edited)
  const rows = await summaryRows(page)
  expect(await totalParams(page)).toBe(rows.reduce((sum, [, , p]) => sum + p, 0))

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => stack(page)).toEqual(edited)
  await page.locator('body').press('ControlOrMeta+Shift+z')
  await expect.poll(() => stack(page)).toEqual(applied)
  await page.locator('body').press('ControlOrMeta+z')
  await expect.poll(() => stack(page)).toEqual(edited)
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled()
})

test('an LSTM on table rows is marked where it breaks and training waits until it is gone', async ({
  page,
}) => {
  const studio = await openModel(page)
  await page.getByRole('button', { name: 'Add LSTM layer' }).click()
  const error = page.getByRole('alert', { name: 'Error in layer 4' })
  await expect(error).toContainText('LSTM (layer 4) reads a sequence')
  await expect(error).toContainText('Windows')
  await expect(page.getByText('Cannot train: layer 4 breaks')).toBeVisible()
  await expect(summary(page).locator('tr[data-state="error"]')).toContainText('lstm_1 (LSTM)')
  await expect(summary(page).locator('tr[data-layer-id="output"]')).toHaveAttribute(
    'data-state',
    'waiting',
  )
  await expect(page.getByRole('img', { name: /Network diagram: .*LSTM fails/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/model-editor-error.png', fullPage: true })

  await studio.tab('Train').click()
  await expect(page.getByRole('button', { name: 'Start training' })).toBeDisabled()
  const reason = page.getByRole('alert').filter({ hasText: 'The model cannot be trained' })
  await expect(reason).toContainText('layer 4 (lstm_1) breaks')
  await expect(reason).toContainText('LSTM (layer 4) reads a sequence')
  await reason.getByRole('button', { name: 'Fix it on the Model step' }).click()
  await expect(studio.tab('Model')).toHaveAttribute('aria-selected', 'true')

  await page.getByRole('button', { name: 'Remove layer 4' }).click()
  await expect(page.getByText('Ready to train')).toBeVisible()
  await studio.tab('Train').click()
  await expect(page.getByRole('button', { name: 'Start training' })).toBeEnabled()
  await expect(page.getByText('The model cannot be trained')).toHaveCount(0)
})
