import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

// Debian's Chromium by default; a developer laptop without it falls back to Playwright's own browser.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined
const PLAYWRIGHT_FEATURES = '--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies'

export const chromiumLaunchOptions = {
  executablePath,
  chromiumSandbox: false,
  args: [
    '--headless=new',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--enable-unsafe-webgpu',
    '--use-vulkan=swiftshader',
    '--use-angle=swiftshader',
    // Chromium keeps only the last --enable-features, so Playwright's own are merged in here.
    `${PLAYWRIGHT_FEATURES},Vulkan`,
  ],
  ignoreDefaultArgs: [PLAYWRIGHT_FEATURES],
}

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
    launchOptions: chromiumLaunchOptions,
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
