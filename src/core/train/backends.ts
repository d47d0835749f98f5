import * as tf from '@tensorflow/tfjs'
import { BACKEND_LABELS, BACKENDS, type BackendName, type BackendRequest } from './backend-names'

/** A backend that has not started by then is treated as failed, so training never hangs on one. */
export const BACKEND_START_TIMEOUT_MS = 30_000

function timeout(ms: number): Promise<string> {
  return new Promise((resolve) =>
    setTimeout(() => resolve(`it did not start within ${ms / 1000} s`), ms),
  )
}

async function startBackend(name: BackendName): Promise<string | null> {
  try {
    const ok = await tf.setBackend(name)
    if (!ok) return `${BACKEND_LABELS[name]} failed to initialise in this browser`
    await tf.ready()
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/** Starts a backend; returns null when it runs, else why it could not start. */
export async function activateBackend(
  name: BackendName,
  timeoutMs = BACKEND_START_TIMEOUT_MS,
): Promise<string | null> {
  if (name === 'webgpu') {
    // Older browsers and Node lack navigator.gpu although the DOM types declare it (Node 20 has no
    // navigator at all, so read it through globalThis rather than as a bare global).
    const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter: () => Promise<unknown> } } })
      .navigator?.gpu
    if (!gpu) return 'this browser does not offer WebGPU'
    // tfjs would fail on a null adapter with a TypeError; say what it means instead.
    if ((await gpu.requestAdapter()) === null) return 'the browser found no usable GPU adapter'
  }
  if (!(name in tf.engine().registryFactory))
    return `${BACKEND_LABELS[name]} is not part of this build`
  return Promise.race([startBackend(name), timeout(timeoutMs)])
}

/**
 * WebGPU or WebGL that the browser runs on the CPU (SwiftShader, llvmpipe: no usable GPU). They
 * never beat WASM there, and measuring them compiles every kernel in software: 20 s for the
 * default MLP and over 2 minutes for an LSTM on a 2-core machine (bench/README.md), so 'auto'
 * leaves them out. A forced backend still runs on them.
 */
export async function softwareRendered(name: BackendName): Promise<boolean> {
  try {
    if (name === 'webgpu') {
      const gpu = (
        globalThis as {
          navigator?: {
            gpu?: {
              requestAdapter: () => Promise<{
                info?: { architecture?: string; description?: string; vendor?: string }
              } | null>
            }
          }
        }
      ).navigator?.gpu
      const info = (await gpu?.requestAdapter())?.info
      return /swiftshader/i.test(
        `${info?.vendor ?? ''} ${info?.architecture ?? ''} ${info?.description ?? ''}`,
      )
    }
    if (name === 'webgl' && typeof OffscreenCanvas !== 'undefined') {
      const gl = new OffscreenCanvas(1, 1).getContext('webgl2')
      const debug = gl?.getExtension('WEBGL_debug_renderer_info')
      const renderer = gl && debug ? String(gl.getParameter(debug.UNMASKED_RENDERER_WEBGL)) : ''
      gl?.getExtension('WEBGL_lose_context')?.loseContext()
      return /swiftshader|llvmpipe|software/i.test(renderer)
    }
  } catch {
    // Unknown is treated as a real GPU: it is then measured like any other backend.
  }
  return false
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
      notes.push(`${BACKEND_LABELS[backend]} could not start: ${error}. Trying the next backend.`)
    }
    throw new Error(
      'No TensorFlow.js backend could start in this browser. Try an up-to-date Chrome, Edge or Firefox.',
    )
  }
  const probes: ProbeResult[] = []
  for (const backend of BACKENDS) {
    if (await softwareRendered(backend)) {
      probes.push({
        backend,
        samplesPerSecond: null,
        error: 'it runs on the CPU in this browser (no usable GPU), so it is not measured',
      })
      continue
    }
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
      notes.push(
        `${BACKEND_LABELS[backend]} started but failed while training (${message}); it is not used.`,
      )
    }
  }
  const ranked = probes
    .filter((p): p is ProbeResult & { samplesPerSecond: number } => p.samplesPerSecond !== null)
    .sort((a, b) => b.samplesPerSecond - a.samplesPerSecond)
  const best = ranked[0]
  if (!best)
    throw new Error(
      'No TensorFlow.js backend could train in this browser. Try an up-to-date Chrome, Edge or Firefox.',
    )
  const error = await activateBackend(best.backend)
  if (error !== null)
    throw new Error(`${BACKEND_LABELS[best.backend]} stopped working after the probe: ${error}`)
  return { backend: best.backend, requested: request, probes, notes }
}
