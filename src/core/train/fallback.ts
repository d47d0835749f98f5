import * as tf from '@tensorflow/tfjs'
import { BACKEND_LABELS, BACKENDS, type BackendName } from './backend-names'
import { activateBackend } from './backends'

/** The backend's device or context is gone: nothing more can run on it. */
export class BackendLostError extends Error {
  override readonly name = 'BackendLostError'
}

/** Watches the running backend for the loss of its GPU device or WebGL context. */
export interface BackendWatch {
  /** Why the backend was lost, or null while it works. Checked between epochs. */
  readonly lost: () => string | null
  /** Settles when the backend is lost, so a run stuck waiting on a dead GPU is not waited for. */
  readonly whenLost: Promise<string>
  readonly dispose: () => void
}

interface LossInfo {
  readonly reason?: string
  readonly message?: string
}

/** The parts of tfjs' WebGPU and WebGL backends that tell whether their GPU is still there. */
interface GpuBackend {
  readonly device?: { readonly lost?: Promise<LossInfo> }
  readonly gpgpu?: { readonly gl?: WebGLRenderingContext }
}

/**
 * Starts watching the backend tfjs runs now. WebGPU reports a lost device through `device.lost`;
 * WebGL through `webglcontextlost` on its canvas and `gl.isContextLost()` (both: the event comes
 * a task later, the flag at once). CPU and WASM cannot be lost this way: their failures throw.
 */
export function watchBackend(name: BackendName): BackendWatch {
  let reason: string | null = null
  let settle: (why: string) => void = () => undefined
  const whenLost = new Promise<string>((resolve) => (settle = resolve))
  const lose = (why: string) => {
    reason ??= why
    settle(reason)
  }
  const backend = tf.backend() as unknown as GpuBackend
  let stop: () => void = () => undefined
  if (name === 'webgpu' && backend.device?.lost) {
    let watching = true
    void backend.device.lost.then((info) => {
      if (watching)
        lose(`the GPU device was lost (${info.message || info.reason || 'no reason given'})`)
    })
    stop = () => {
      watching = false
    }
  }
  const gl = name === 'webgl' ? backend.gpgpu?.gl : undefined
  if (gl) {
    const canvas = gl.canvas as EventTarget
    const onLost = () => lose('the WebGL context was lost')
    canvas.addEventListener('webglcontextlost', onLost)
    stop = () => canvas.removeEventListener('webglcontextlost', onLost)
  }
  return {
    lost: () => {
      if (reason === null && gl?.isContextLost()) lose('the WebGL context was lost')
      return reason
    },
    whenLost,
    dispose: stop,
  }
}

/** The next backend in order after `failed` that starts, with a note for each that did not. */
export async function nextBackend(
  failed: BackendName,
): Promise<{ readonly backend: BackendName | null; readonly notes: string[] }> {
  const notes: string[] = []
  for (const backend of BACKENDS.slice(BACKENDS.indexOf(failed) + 1)) {
    const error = await activateBackend(backend)
    if (error === null) return { backend, notes }
    notes.push(`${BACKEND_LABELS[backend]} could not start either: ${error}.`)
  }
  return { backend: null, notes }
}

/**
 * The tensors of one try on one backend, so that a failed try takes them all with it. A scope
 * frees what it tracked; tfjs' gradient tape also keeps (`keep`, which scopes skip) a copy of
 * every activation until the backward pass ends, so a kernel that throws mid-batch would leave
 * them for ever: kept tensors made during the try are noted too. Model weights are variables,
 * which scopes leave alone.
 */
export function openTryScope(): { readonly close: (failed: boolean) => void } {
  const engine = tf.engine() as unknown as { keep: (tensor: tf.Tensor) => tf.Tensor }
  const keep = engine.keep
  const kept = new Set<tf.Tensor>()
  engine.keep = (tensor) => {
    kept.add(tensor)
    return keep.call(engine, tensor)
  }
  tf.engine().startScope()
  return {
    close: (failed) => {
      engine.keep = keep
      if (failed) tf.dispose([...kept].filter((t) => !t.isDisposed && !(t instanceof tf.Variable)))
      tf.engine().endScope()
    },
  }
}
