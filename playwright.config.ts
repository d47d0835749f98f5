import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/chromium-launch.mjs'
import { harnessPort } from './e2e/harness/harness-port'

// A second checkout can run its own e2e beside this one on another port.
const port = Number(process.env.E2E_PORT ?? 4173)

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  // Two cores: backends timed side by side would distort each other, so one test at a time.
  workers: 1,
  timeout: 240_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions(),
    acceptDownloads: true,
    // A control that never appears fails the test in half a minute, not at the test's timeout.
    actionTimeout: 30_000,
    viewport: { width: 1280, height: 900 },
    // The built studio registers a service worker that caches 23 MB; the specs that test it
    // (offline, privacy) allow it, the rest run without, as a first visit does.
    serviceWorkers: 'block',
  },
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The layer harness (e2e/model-backends.spec.ts) builds itself here; TensorFlow.js makes
      // that slow on CI's two cores.
      command:
        'npx vite build --config e2e/harness/vite.harness.config.ts && ' +
        `npx vite preview --config e2e/harness/vite.harness.config.ts --host 127.0.0.1 --port ${harnessPort} --strictPort`,
      url: `http://127.0.0.1:${harnessPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
    },
  ],
})
