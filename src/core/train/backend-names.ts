/** Backend names and labels: plain data the page can import without loading TensorFlow.js. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const
export type BackendName = (typeof BACKENDS)[number]
export type BackendRequest = BackendName | 'auto'

export function isBackendName(value: string): value is BackendName {
  return (BACKENDS as readonly string[]).includes(value)
}

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'CPU (plain JavaScript)',
}
