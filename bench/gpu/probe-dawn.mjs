// Lists what Dawn (dawn.node from the npm package `webgpu`) finds on this machine: run it first
// on a new machine to see whether WebGPU will work before the benchmark does.
//   DAWN_NODE=/path/to/dawn.node node bench/gpu/probe-dawn.mjs
import { createRequire } from 'node:module'

const path = process.env.DAWN_NODE
if (!path) throw new Error('Set DAWN_NODE to the path of dawn.node')
const { create, globals } = createRequire(import.meta.url)(path)
Object.assign(globalThis, globals)

for (const flags of [[], ['backend=vulkan']]) {
  const label = `create(${JSON.stringify(flags)})`
  try {
    const adapter = await create(flags).requestAdapter({ powerPreference: 'high-performance' })
    if (!adapter) {
      console.log(`${label}: no adapter`)
      continue
    }
    const { vendor, architecture, device, description } = adapter.info
    const { maxBufferSize, maxStorageBufferBindingSize, maxComputeInvocationsPerWorkgroup } =
      adapter.limits
    console.log(`${label}:`, JSON.stringify({ vendor, architecture, device, description }))
    console.log(
      '  limits:',
      JSON.stringify({
        maxBufferSize,
        maxStorageBufferBindingSize,
        maxComputeInvocationsPerWorkgroup,
      }),
    )
    console.log('  features:', [...adapter.features].sort().join(' '))
    const gpuDevice = await adapter.requestDevice()
    console.log('  requestDevice: ok')
    gpuDevice.destroy()
  } catch (error) {
    console.log(`${label}: error: ${error instanceof Error ? error.message : String(error)}`)
  }
}
process.exit(0)
