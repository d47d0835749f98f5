import { existsSync } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

// Debian's Chromium by default; a developer laptop without it falls back to Playwright's own browser.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const PLAYWRIGHT_FEATURES =
  '--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies'

/**
 * Flags that make every TensorFlow.js backend work in headless Chromium (PLATFORM.md). Without
 * `webgpu`, Chromium offers navigator.gpu but no adapter, as on a machine whose GPU is blocked.
 */
export function chromiumLaunchOptions({ webgpu = true } = {}): LaunchOptions {
  return {
    executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
    chromiumSandbox: false,
    args: [
      '--headless=new',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(webgpu ? ['--enable-unsafe-webgpu', '--use-vulkan=swiftshader'] : []),
      '--use-angle=swiftshader',
      // Chromium keeps only the last --enable-features, so Playwright's own are merged in here.
      `${PLAYWRIGHT_FEATURES}${webgpu ? ',Vulkan' : ''}`,
    ],
    ignoreDefaultArgs: [PLAYWRIGHT_FEATURES],
  }
}
