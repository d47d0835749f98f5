/**
 * Entry of the bundle runtime (built by vite.runtime.config.ts into public/runtime/): what
 * `predict.html` and `serve.mjs` call. Owned by the runtime helper; this is the contract.
 */
export const RUNTIME_VERSION = 1
