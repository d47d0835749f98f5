// Cost of one small compute dispatch through Dawn, without TensorFlow.js: separates what the
// WebGPU stack (Dawn, the Vulkan driver) costs per dispatch from what tfjs adds on top. A tfjs
// training step of the studio's MLP is ~175 such dispatches (see RESULTS.md).
//   DAWN_NODE=/path/to/dawn.node [DAWN_FLAGS='key=value key=value'] node bench/gpu/dispatch-bench.mjs
// Each case encodes N tiny dispatches (64 floats each), submits them in groups, and waits for the
// queue to finish; it prints microseconds per dispatch, wall clock.
import { createRequire } from 'node:module'

const path = process.env.DAWN_NODE
if (!path) throw new Error('Set DAWN_NODE to the path of dawn.node')
const { create, globals } = createRequire(import.meta.url)(path)
const { GPUBufferUsage, GPUMapMode } = globals
const flags = (process.env.DAWN_FLAGS ?? '').split(/\s+/).filter((f) => f !== '')

// Keep the instance referenced: once it is garbage-collected, Dawn tears down under the device
// and the process crashes (segfault or std::system_error) at the next submit.
const gpu = create(flags)
const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' })
if (!adapter) throw new Error('no WebGPU adapter')
const device = await adapter.requestDevice()
console.log(
  `# ${adapter.info.description} (${adapter.info.device}), Dawn flags ${JSON.stringify(flags)}`,
)

const module = device.createShaderModule({
  code: `
    struct Params { scale: f32 }
    @group(0) @binding(0) var<storage, read> a: array<f32>;
    @group(0) @binding(1) var<storage, read_write> b: array<f32>;
    @group(0) @binding(2) var<uniform> p: Params;
    @compute @workgroup_size(64) fn main(@builtin(global_invocation_id) id: vec3u) {
      b[id.x] = a[id.x] * p.scale + 1.0;
    }`,
})
const pipeline = device.createComputePipeline({
  layout: 'auto',
  compute: { module, entryPoint: 'main' },
})
const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST
const ring = Array.from({ length: 8 }, () => device.createBuffer({ size: 256, usage }))
const uniform = device.createBuffer({
  size: 16,
  usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
})
// The wait reads one buffer back, as tfjs does (onSubmittedWorkDone crashed llvmpipe here).
const readback = device.createBuffer({
  size: 256,
  usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
})
const fixedGroup = device.createBindGroup({
  layout: pipeline.getBindGroupLayout(0),
  entries: [
    { binding: 0, resource: { buffer: ring[0] } },
    { binding: 1, resource: { buffer: ring[1] } },
    { binding: 2, resource: { buffer: uniform } },
  ],
})

// One uniform buffer per dispatch, made once: tfjs takes them from a pool too.
const uniforms = Array.from({ length: 2000 }, () =>
  device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST }),
)
const scale = new Float32Array([1.0001, 0, 0, 0])

/**
 * dispatches: how many; perSubmit: dispatches per queue.submit (tfjs default: 15);
 * tfjsLike: a writeBuffer of the uniforms and a new bind group per dispatch, each dispatch reading
 * the previous one's output, as tfjs' runWebGPUProgram does.
 * uploadEvery: every so many dispatches, an upload as tfjs' uploadToGPU does it: a new
 * mapped-at-creation staging buffer, the compute pass ended for a copyBufferToBuffer, the staging
 * buffer destroyed after the submit (a tfjs training step here: ~57 uploads per ~175 dispatches).
 */
async function run(dispatches, perSubmit, tfjsLike, uploadEvery = 0) {
  const start = performance.now()
  let encoder = device.createCommandEncoder()
  let pass = encoder.beginComputePass()
  let inPass = 0
  let staging = []
  for (let i = 0; i < dispatches; i++) {
    if (uploadEvery > 0 && i % uploadEvery === 0) {
      const buffer = device.createBuffer({
        size: 256,
        usage: GPUBufferUsage.MAP_WRITE | GPUBufferUsage.COPY_SRC,
        mappedAtCreation: true,
      })
      new Float32Array(buffer.getMappedRange()).fill(1)
      buffer.unmap()
      pass.end()
      encoder.copyBufferToBuffer(buffer, 0, ring[i % 8], 0, 256)
      pass = encoder.beginComputePass()
      staging.push(buffer)
    }
    let group = fixedGroup
    if (tfjsLike) {
      const u = uniforms[i % uniforms.length]
      device.queue.writeBuffer(u, 0, scale)
      group = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: ring[i % 8] } },
          { binding: 1, resource: { buffer: ring[(i + 1) % 8] } },
          { binding: 2, resource: { buffer: u } },
        ],
      })
    }
    pass.setPipeline(pipeline)
    pass.setBindGroup(0, group)
    pass.dispatchWorkgroups(1)
    if (++inPass === perSubmit) {
      pass.end()
      device.queue.submit([encoder.finish()])
      staging.forEach((b) => b.destroy())
      staging = []
      encoder = device.createCommandEncoder()
      pass = encoder.beginComputePass()
      inPass = 0
    }
  }
  pass.end()
  encoder.copyBufferToBuffer(ring[1], 0, readback, 0, 256)
  device.queue.submit([encoder.finish()])
  const encoded = performance.now()
  staging.forEach((b) => b.destroy())
  await readback.mapAsync(GPUMapMode.READ)
  readback.unmap()
  const done = performance.now()
  return {
    encodeUs: ((encoded - start) * 1000) / dispatches,
    totalUs: ((done - start) * 1000) / dispatches,
  }
}

const cases = [
  ['same bind group, 1 submit', 2000, 2000, false, 0],
  ['same bind group, 15 per submit', 2000, 15, false, 0],
  ['tfjs-like, 1 submit', 2000, 2000, true, 0],
  ['tfjs-like, 15 per submit', 2000, 15, true, 0],
  ['tfjs-like + upload/3, 15 per sub', 2000, 15, true, 3],
  ['same group + upload/3, 15 per sub', 2000, 15, false, 3],
]
for (const [name, n, perSubmit, tfjsLike, uploadEvery] of cases) {
  await run(200, perSubmit, tfjsLike, uploadEvery) // warm-up
  const samples = []
  for (let k = 0; k < 3; k++) samples.push(await run(n, perSubmit, tfjsLike, uploadEvery))
  const best = samples.sort((x, y) => x.totalUs - y.totalUs)[0]
  console.log(
    `${name.padEnd(34)} ${n} dispatches: ${best.totalUs.toFixed(1)} µs each (encode+submit ${best.encodeUs.toFixed(1)} µs), best of 3`,
  )
}
device.destroy()
console.log(`# instance kept alive: ${typeof gpu}`)
process.exit(0)
