import { expect, test } from '@playwright/test'
import { chromiumLaunchOptions } from './chromium-launch.mjs'
import { StudioPage } from './studio-page'

// A browser whose GPU is unavailable: navigator.gpu exists but offers no adapter.
test.use({ launchOptions: chromiumLaunchOptions({ webgpu: false }) })

test('a forced WebGPU that cannot start falls back to the next backend with a visible note', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open('?backend=webgpu')
  await studio.loadSample()
  await studio.train(2)
  await expect(studio.trainStatus()).toContainText('Backend: webgl')
  await expect(
    page.getByText('WebGPU could not start: the browser found no usable GPU adapter.'),
  ).toBeVisible()
  expect(await studio.columnValues('Training history', 2)).toHaveLength(2)
})
