// Launch options for Debian's headless Chromium, with the flags that make every TensorFlow.js
// backend work (WebGPU on SwiftShader's Vulkan, WebGL on ANGLE/SwiftShader); see PLATFORM.md.
// One list for Playwright's tests (playwright.config.ts) and for the benchmark (bench/run.mjs).
import { existsSync } from 'node:fs'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const PLAYWRIGHT_FEATURES =
  '--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies'

/**
 * `swiftshader: false` leaves Chromium to pick the machine's own GPU (for a run on real hardware).
 * @returns {import('@playwright/test').LaunchOptions}
 */
export function chromiumLaunchOptions({ webgpu = true, swiftshader = true } = {}) {
  return {
    // A developer laptop without Debian's Chromium falls back to Playwright's own browser.
    executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
    chromiumSandbox: false,
    args: [
      '--headless=new',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(webgpu ? ['--enable-unsafe-webgpu'] : []),
      ...(webgpu && swiftshader ? ['--use-vulkan=swiftshader'] : []),
      ...(swiftshader ? ['--use-angle=swiftshader'] : []),
      // Chromium keeps only the last --enable-features, so Playwright's own are merged in here.
      `${PLAYWRIGHT_FEATURES}${webgpu ? ',Vulkan' : ''}`,
    ],
    ignoreDefaultArgs: [PLAYWRIGHT_FEATURES],
  }
}
