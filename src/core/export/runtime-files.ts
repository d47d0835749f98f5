import type { ModelBundle } from './bundle'

/** Where the page finds the built runtime (vite.runtime.config.ts puts it in public/runtime/). */
export const RUNTIME_PATH = 'runtime/model-runtime.js'

/**
 * The files that make a bundle run by itself, by name: predict.html, model-data.js,
 * model-runtime.js, serve.mjs and package.json. Owned by the runtime helper.
 */
export function runtimeFiles(bundle: ModelBundle, runtimeJs: string): Record<string, Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void bundle
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void runtimeJs
  throw new Error('runtimeFiles: not built yet (runtime helper)')
}
