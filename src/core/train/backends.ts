import * as tf from '@tensorflow/tfjs'

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

/** Starts a backend; returns null when it runs, else why it could not start. */
export async function activateBackend(name: BackendName): Promise<string | null> {
  if (!tf.engine().registryFactory[name]) return `${BACKEND_LABELS[name]} is not part of this build.`
  if (name === 'webgpu' && !('gpu' in navigator)) return 'this browser has no WebGPU (navigator.gpu is missing).'
  try {
    const ok = await tf.setBackend(name)
    if (!ok) return `${BACKEND_LABELS[name]} failed to initialise in this browser.`
    await tf.ready()
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

export interface ProbeResult {
  readonly backend: BackendName
  /** Training samples per second after warm-up; null when the backend did not start. */
  readonly samplesPerSecond: number | null
  readonly error: string | null
}

export interface BackendChoice {
  readonly backend: BackendName
  readonly requested: BackendRequest
  readonly probes: ProbeResult[]
  /** Visible notes: a backend that failed and what was used instead. */
  readonly notes: string[]
}

/**
 * Picks the backend to train on. A forced backend that fails falls back to the next in order; on
 * 'auto', every backend that starts is measured with `measure` and the fastest wins, because the
 * order flips between machines (WASM leads without a GPU, WebGPU with one).
 */
export async function chooseBackend(
  request: BackendRequest,
  measure: (backend: BackendName) => Promise<number>,
): Promise<BackendChoice> {
  const notes: string[] = []
  if (request !== 'auto') {
    for (const backend of BACKENDS.slice(BACKENDS.indexOf(request))) {
      const error = await activateBackend(backend)
      if (error === null) return { backend, requested: request, probes: [], notes }
      notes.push(`${BACKEND_LABELS[backend]} could not start (${error}) — trying the next backend.`)
    }
    throw new Error('No TensorFlow.js backend could start in this browser. Try an up-to-date Chrome, Edge or Firefox.')
  }
  const probes: ProbeResult[] = []
  for (const backend of BACKENDS) {
    const error = await activateBackend(backend)
    if (error !== null) {
      probes.push({ backend, samplesPerSecond: null, error })
      continue
    }
    try {
      probes.push({ backend, samplesPerSecond: await measure(backend), error: null })
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      probes.push({ backend, samplesPerSecond: null, error: message })
      notes.push(`${BACKEND_LABELS[backend]} started but failed while training (${message}); it is not used.`)
    }
  }
  const ranked = probes
    .filter((p): p is ProbeResult & { samplesPerSecond: number } => p.samplesPerSecond !== null)
    .sort((a, b) => b.samplesPerSecond - a.samplesPerSecond)
  const best = ranked[0]
  if (!best) throw new Error('No TensorFlow.js backend could train in this browser. Try an up-to-date Chrome, Edge or Firefox.')
  const error = await activateBackend(best.backend)
  if (error !== null) throw new Error(`${BACKEND_LABELS[best.backend]} stopped working after the probe: ${error}`)
  return { backend: best.backend, requested: request, probes, notes }
}
