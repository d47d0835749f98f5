import type { LaunchOptions } from '@playwright/test'

/**
 * Launch options for headless Chromium. Without `webgpu`, Chromium offers navigator.gpu but no
 * adapter, as on a machine whose GPU is blocked; `swiftshader: false` uses the machine's own GPU.
 */
export function chromiumLaunchOptions(options?: {
  webgpu?: boolean
  swiftshader?: boolean
}): LaunchOptions
