import type { ModelBundle } from './bundle'

/** Where the page finds the built runtime (vite.runtime.config.ts puts it in public/runtime/). */
export const RUNTIME_PATH = 'runtime/model-runtime.js'

/** The built runtime's text, from the studio's own origin (nothing leaves the page). */
export async function fetchRuntime(): Promise<string> {
  const response = await fetch(`${import.meta.env.BASE_URL}${RUNTIME_PATH}`)
  if (!response.ok)
    throw new Error(
      `The model runtime could not be read (${response.status}). Reload the page and try again.`,
    )
  return response.text()
}

/**
 * The files that make a bundle run by itself, by name: predict.html, model-data.js,
 * model-runtime.js, serve.mjs and package.json. Owned by the runtime helper; until it lands,
 * bundles carry none of them.
 */
export function runtimeFiles(bundle: ModelBundle, runtimeJs: string): Record<string, Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void bundle
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void runtimeJs
  return {}
}
