import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test('the digit pictures are resized, previewed, trained on WASM and tested well above chance', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  await studio.tab('Data').click()
  const browse = page.getByRole('button', { name: 'Browse sample datasets' })
  if (await browse.isVisible()) await browse.click()
  await page.getByRole('button', { name: 'Load Handwritten digit images', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Image classes' }).getByRole('listitem')).toHaveCount(
    10,
  )

  await studio.tab('Prepare').click()
  const panel = page.getByRole('region', { name: 'Image preparation' })
  // The auto recipe keeps the 8 × 8 grey digits as they are and says why.
  await expect(panel.getByRole('textbox', { name: 'Image width' })).toHaveValue('8')
  await expect(panel.getByRole('combobox', { name: 'Channels' })).toHaveValue('1')
  await expect(panel.getByRole('list', { name: 'Image preparation steps' })).toContainText(
    'enlarging would add inputs but no detail',
  )
  // Every class is split 80 / 10 / 10: 1,797 pictures in all.
  const split = page.getByRole('table', { name: 'Split by class' })
  await expect(split.locator('tfoot')).toContainText('All classes')
  const footer = await split.locator('tfoot td').allTextContents()
  // scikit-learn's two-stage sizes: test ceil(0.1 · 1,797) = 180, validation ceil(0.1 / 0.9 · 1,617) = 180.
  expect(footer.slice(1).map((t) => Number(t.replace(/,/g, '')))).toEqual([1437, 180, 180])

  const preview = page.getByRole('group', { name: 'Before and after preparation' })
  const firstAfter = preview.getByRole('img', { name: '0, picture 1 after preparation' })
  await expect(firstAfter).toHaveAttribute('data-size', '8x8x1')
  await expect(preview.getByRole('img', { name: /after preparation/ })).toHaveCount(30)

  // A larger size reads every picture again and redraws the preview at that size.
  for (const name of ['Image width', 'Image height']) {
    const input = panel.getByRole('textbox', { name })
    await input.fill('16')
    await input.blur()
  }
  await expect(firstAfter).toHaveAttribute('data-size', '16x16x1')
  await expect(page.getByText('= 256 model inputs', { exact: false })).toBeVisible()
  await expect(panel.getByRole('list', { name: 'Image preparation steps' })).toContainText(
    /Standardise each channel with the training pictures' mean \d/,
  )
  await panel.screenshot({ path: '/tmp/image-prepare-panel.png' })
  await page.screenshot({ path: '/tmp/image-prepare-page.png', fullPage: true })

  await studio.train(8)
  await expect(studio.trainStatus()).toContainText('Backend: wasm')
  const metrics = await studio.testMetrics()
  const baseline = await studio.testMetrics('baseline')
  // Ten classes: chance (and the class-frequency baseline) is about 10 %.
  console.log(
    `digit pictures 16 × 16, 8 epochs on WASM: test accuracy ${metrics.accuracy}, baseline ${baseline.accuracy}`,
  )
  expect(baseline.accuracy).toBeLessThan(0.15)
  expect(metrics.accuracy).toBeGreaterThan(0.8)
  await expect(page.getByText('180 held-out test rows')).toBeVisible()
  // Deploy must not break on an image model (its table-only tools do not apply).
  await studio.tab('Deploy').click()
  await page.screenshot({ path: '/tmp/image-deploy.png' })
})
