/**
 * Gives Node a `navigator.gpu` from Dawn (the WebGPU implementation inside Chrome), as shipped
 * prebuilt by the npm package `webgpu` (dist/linux-x64/dawn.node). It must run before
 * '@tensorflow/tfjs-backend-webgpu' is evaluated: that package registers its backend only when
 * navigator.gpu exists at import. The addon is loaded synchronously (require of a .node file) so
 * that no top-level await can let a later import evaluate first.
 *
 * DAWN_NODE: path to dawn.node; unset means no WebGPU in this process.
 * DAWN_FLAGS: Dawn options for `create`, separated by spaces, e.g.
 *   "backend=vulkan enable-dawn-features=skip_validation,disable_robustness".
 * DAWN_TRACE=1: count the WebGPU calls tfjs makes (and time the asynchronous ones), so a slow run
 * can be explained: see takeDawnStats.
 */
import { createRequire } from 'node:module'

interface DawnAddon {
  create: (flags: string[]) => unknown
  globals: Record<string, unknown>
}

export interface DawnStatus {
  readonly loaded: boolean
  readonly path: string | null
  readonly flags: readonly string[]
  readonly error: string | null
}

/** Calls per WebGPU method since the last takeDawnStats, and milliseconds spent in (or waiting on) them. */
export interface DawnStats {
  readonly calls: Record<string, number>
  readonly ms: Record<string, number>
}

let stats: { calls: Record<string, number>; ms: Record<string, number> } = { calls: {}, ms: {} }

export function takeDawnStats(): DawnStats {
  const taken = stats
  stats = { calls: {}, ms: {} }
  return taken
}

const TRACED: readonly [string, string][] = [
  ['GPUDevice', 'createBuffer'],
  ['GPUDevice', 'createBindGroup'],
  ['GPUDevice', 'createComputePipeline'],
  ['GPUDevice', 'createComputePipelineAsync'],
  ['GPUDevice', 'createShaderModule'],
  ['GPUDevice', 'createCommandEncoder'],
  ['GPUQueue', 'submit'],
  ['GPUQueue', 'writeBuffer'],
  ['GPUQueue', 'onSubmittedWorkDone'],
  ['GPUBuffer', 'mapAsync'],
  ['GPUBuffer', 'destroy'],
]

function traceCalls(globals: Record<string, unknown>): void {
  const record = (key: string, start: number): void => {
    stats.ms[key] = (stats.ms[key] ?? 0) + performance.now() - start
  }
  for (const [className, method] of TRACED) {
    const proto = (globals[className] as { prototype?: Record<string, unknown> } | undefined)
      ?.prototype
    const original = proto?.[method]
    if (!proto || typeof original !== 'function') continue
    const key = `${className}.${method}`
    proto[method] = function (this: unknown, ...args: unknown[]): unknown {
      stats.calls[key] = (stats.calls[key] ?? 0) + 1
      const start = performance.now()
      const result: unknown = Reflect.apply(original, this, args)
      if (result instanceof Promise) return result.finally(() => record(key, start))
      record(key, start)
      return result
    }
  }
}

function loadDawn(): DawnStatus {
  const path = process.env.DAWN_NODE ?? null
  const flags = (process.env.DAWN_FLAGS ?? '').split(/\s+/).filter((f) => f !== '')
  if (path === null || path === '') return { loaded: false, path: null, flags, error: null }
  try {
    const dawn = createRequire(import.meta.url)(path) as DawnAddon
    // GPUBufferUsage, GPUMapMode, GPUShaderStage…: the WebGPU backend reads them as globals.
    Object.assign(globalThis, dawn.globals)
    if (process.env.DAWN_TRACE === '1') traceCalls(dawn.globals)
    // Node 20 has no navigator; tfjs-core reads userAgent from it when one exists.
    Object.defineProperty(globalThis, 'navigator', {
      value: { gpu: dawn.create(flags), userAgent: `Node.js ${process.version} (Dawn)` },
      configurable: true,
      writable: true,
    })
    return { loaded: true, path, flags, error: null }
  } catch (error) {
    return {
      loaded: false,
      path,
      flags,
      error: error instanceof Error ? error.message : String(error),
    }
  }
}

export const dawnStatus: DawnStatus = loadDawn()
