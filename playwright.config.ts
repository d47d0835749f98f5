import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/chromium-launch.mjs'

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  // Two cores: backends timed side by side would distort each other, so one test at a time.
  workers: 1,
  timeout: 240_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    launchOptions: chromiumLaunchOptions(),
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  },
  webServer: {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
