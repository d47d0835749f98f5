import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

/** The Prepare screen as an analyst works it: cards by number, settings by label. */
class PrepareScreen {
  constructor(readonly page: Page) {}

  steps() {
    return this.page.getByRole('list', { name: 'Preparation steps' }).getByRole('listitem')
  }

  step(n: number) {
    return this.steps().nth(n - 1)
  }

  summary() {
    return this.page.getByLabel('Model inputs summary')
  }

  /** Numbers of one column of a preview table, row by row. */
  async previewColumn(table: string, column: number): Promise<number[]> {
    const cells = this.page
      .getByRole('table', { name: table })
      .locator(`tbody tr td:nth-child(${column + 1})`)
    return (await cells.allInnerTexts()).map((t) => Number(t.replace(/,/g, '')))
  }

  async addStep(label: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add step' }).click()
    await this.page.getByRole('menuitem', { name: label, exact: true }).click()
  }
}

/** German credit: the proposed recipe drops its two constant columns, then scales the rest. */
async function openGermanCredit(page: Page): Promise<PrepareScreen> {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('German credit risk')
  await studio.tab('Prepare').click()
  const prepare = new PrepareScreen(page)
  await expect(prepare.steps()).toHaveCount(2)
  await expect(prepare.step(1)).toContainText('Drop Purpose.Vacation, Personal.Female.Single')
  await expect(prepare.step(2)).toContainText('Standard scaling of Duration')
  await expect(prepare.summary()).toHaveText('2 steps give 59 model inputs')
  return prepare
}

test('changing a step’s method refits it and the preview shows the new numbers', async ({
  page,
}) => {
  const prepare = await openGermanCredit(page)
  await page.getByRole('button', { name: 'Edit step 2' }).click()
  // The first previewed column is Duration in months, 4 to 72 in this file.
  const before = await prepare.previewColumn('Before step 2', 1)
  const standard = await prepare.previewColumn('After step 2', 1)
  expect(before).toHaveLength(8)
  expect(standard.some((v) => v < 0)).toBe(true)

  await page.getByRole('combobox', { name: 'Scaling method' }).selectOption('min-max')
  await expect(prepare.step(2)).toContainText('Min-max scaling of Duration')
  await expect.poll(() => prepare.previewColumn('After step 2', 1)).not.toEqual(standard)
  const minMax = await prepare.previewColumn('After step 2', 1)
  expect(await prepare.previewColumn('Before step 2', 1)).toEqual(before)
  for (const v of minMax) expect(v).toBeGreaterThanOrEqual(0)
  for (const v of minMax) expect(v).toBeLessThanOrEqual(1)
  // Min-max keeps the order of the raw months: a longer loan stays a larger input.
  const order = (xs: number[]) => xs.map((_, i) => i).sort((a, b) => (xs[a] ?? 0) - (xs[b] ?? 0))
  expect(order(minMax)).toEqual(order(before))
  // What the step learned is on its card: the training minimum and range of Duration.
  await expect(prepare.step(2)).toContainText('Duration: centre 4, scale 68')
})

test('moving a step up changes the order the steps run in', async ({ page }) => {
  const prepare = await openGermanCredit(page)
  await page.getByRole('button', { name: 'Move step 2 up' }).click()
  await expect(prepare.step(1)).toContainText('Standard scaling')
  await expect(prepare.step(2)).toContainText('Drop Purpose.Vacation')
  await expect(page.getByRole('button', { name: 'Move step 1 up' })).toBeDisabled()
  await page.getByRole('button', { name: 'Move step 1 down' }).click()
  await expect(prepare.step(1)).toContainText('Drop Purpose.Vacation')
})

test('switching a step off keeps it, dimmed, and changes the model inputs', async ({ page }) => {
  const prepare = await openGermanCredit(page)
  const enabled = page.getByRole('switch', { name: 'Step 1 enabled' })
  await enabled.uncheck({ force: true })
  await expect(prepare.step(1)).toHaveAttribute('data-state', 'off')
  await expect(prepare.step(1)).toContainText('switched off')
  await expect(prepare.summary()).toHaveText('1 step gives 61 model inputs (1 switched off)')
  await enabled.check({ force: true })
  await expect(prepare.summary()).toHaveText('2 steps give 59 model inputs')
})

test('an added step runs where it was put and can be removed', async ({ page }) => {
  const prepare = await openGermanCredit(page)
  await page.getByRole('button', { name: 'Edit step 2' }).click()
  await prepare.addStep('Drop columns')
  await expect(prepare.steps()).toHaveCount(3)
  // Added after the selected last step, on its first column, and selected for editing.
  await expect(prepare.step(3)).toContainText('Drop Duration')
  await expect(page.getByRole('region', { name: 'Settings of step 3' })).toBeVisible()
  await expect(prepare.summary()).toHaveText('3 steps give 58 model inputs')
  await page
    .getByRole('group', { name: 'Columns to drop' })
    .getByRole('checkbox', { name: 'Amount', exact: true })
    .check()
  await expect(prepare.step(3)).toContainText('Drop Duration, Amount')
  await expect(prepare.summary()).toHaveText('3 steps give 57 model inputs')

  await page.getByRole('button', { name: 'Remove step 3' }).click()
  await expect(prepare.steps()).toHaveCount(2)
  await expect(prepare.summary()).toHaveText('2 steps give 59 model inputs')
})

test('a step that cannot run shows its error on its card and training waits for a fix', async ({
  page,
}) => {
  const prepare = await openGermanCredit(page)
  const studio = new StudioPage(page)
  // Dropping Duration before the scaling step that reads it breaks that step.
  const dropped = page
    .getByRole('group', { name: 'Columns to drop' })
    .getByRole('checkbox', { name: 'Duration', exact: true })
  await dropped.check()
  const error = prepare.step(2).getByRole('alert', { name: 'Error in step 2' })
  await expect(error).toContainText('Duration')
  await expect(prepare.step(2)).toHaveAttribute('data-state', 'failed')
  await expect(prepare.summary()).toContainText('fix the error')

  await studio.tab('Train').click()
  await expect(page.getByRole('button', { name: 'Start training' })).toBeDisabled()

  await studio.tab('Prepare').click()
  await page
    .getByRole('group', { name: 'Columns to drop' })
    .getByRole('checkbox', { name: 'Duration', exact: true })
    .uncheck()
  await expect(error).toHaveCount(0)
  await expect(prepare.summary()).toHaveText('2 steps give 59 model inputs')
  await studio.tab('Train').click()
  await expect(page.getByRole('button', { name: 'Start training' })).toBeEnabled()
})

test('an edit the step cannot take is refused with the reason and changes nothing', async ({
  page,
}) => {
  const prepare = await openGermanCredit(page)
  await page.getByRole('button', { name: 'Edit step 1' }).click()
  const group = page.getByRole('group', { name: 'Columns to drop' })
  await group.getByRole('checkbox', { name: 'Purpose.Vacation', exact: true }).uncheck()
  await expect(prepare.summary()).toHaveText('2 steps give 60 model inputs')
  // The last column cannot be unticked: a drop step of nothing would be no step at all.
  const last = group.getByRole('checkbox', { name: 'Personal.Female.Single', exact: true })
  await last.click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'Choose at least one column' }),
  ).toBeVisible()
  await expect(last).toBeChecked()
  await expect(prepare.step(1)).toContainText('Drop Personal.Female.Single')
  await expect(prepare.summary()).toHaveText('2 steps give 60 model inputs')
})

test('split shares apply only when they make 100%', async ({ page }) => {
  await openGermanCredit(page)
  const sizes = page.getByLabel('Split sizes')
  await page.getByRole('textbox', { name: 'Train %' }).fill('75')
  await expect(page.getByText('add up to 95%')).toBeVisible()
  await expect(sizes).toContainText('Train 800')
  await page.getByRole('textbox', { name: 'Validation %' }).fill('15')
  await expect(page.getByText('add up to')).toHaveCount(0)
  // Sizes follow scikit-learn's two-stage train_test_split (test first, then validation).
  await expect(sizes).toContainText('Train 750')
  await expect(sizes).toContainText('Validation 150')
  await expect(sizes).toContainText('Test 100')
})

test('a windows step refuses a shuffled split, with the reason beside the choice', async ({
  page,
}) => {
  await openGermanCredit(page)
  const method = page.getByRole('combobox', { name: 'Split method' })
  await page.getByRole('button', { name: 'Edit step 2' }).click()
  await new PrepareScreen(page).addStep('Time-series windows')
  // The stratified split chosen before is now a leak: the whole recipe says so.
  await expect(
    page.getByRole('alert').filter({ hasText: 'need a chronological split' }),
  ).toBeVisible()
  await method.selectOption('chronological')
  await expect(page.getByRole('combobox', { name: 'Order by' })).toBeVisible()
  await method.selectOption('random')
  await expect(method).toHaveValue('chronological')
  await expect(page.getByText('Time-series windows need a chronological split')).toBeVisible()
})

test('proposing a recipe over edited steps asks first, then restores each step with its why', async ({
  page,
}) => {
  const prepare = await openGermanCredit(page)
  await page.getByRole('button', { name: 'Edit step 2' }).click()
  await page.getByRole('combobox', { name: 'Scaling method' }).selectOption('robust')
  await expect(prepare.step(2)).toContainText('Robust scaling')

  await page.getByRole('button', { name: 'Propose recipe' }).click()
  const dialog = page.getByRole('dialog', { name: 'Replace your steps?' })
  await dialog.getByRole('button', { name: 'Keep my steps' }).click()
  await expect(prepare.step(2)).toContainText('Robust scaling')

  await page.getByRole('button', { name: 'Propose recipe' }).click()
  await dialog.getByRole('button', { name: 'Replace steps' }).click()
  await expect(prepare.step(2)).toContainText('Standard scaling')
  await expect(prepare.step(1)).toContainText('Why: "Purpose.Vacation" is constant')
  await expect(prepare.step(2)).toContainText('Why: "Duration"')
})
