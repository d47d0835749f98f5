import * as tf from '@tensorflow/tfjs'

/**
 * Gradients tfjs' WASM backend (4.22) lacks, written in plain TypeScript over its memory: without
 * them a convolution (Conv2DBackpropFilter) or an Embedding (UnsortedSegmentSum, the gradient of
 * a gather) cannot train on WASM at all. Each is registered only while the backend has none of its
 * own, so a later tfjs that brings a native kernel wins.
 */

/** The part of tfjs-backend-wasm's BackendWasm these kernels use. */
interface WasmBackend {
  readSync(dataId: tf.DataId): tf.backend_util.BackendValues
  makeOutput(
    shape: number[],
    dtype: tf.DataType,
    memoryOffset?: number,
    values?: tf.backend_util.BackendValues,
  ): tf.TensorInfo
}

interface KernelArgs {
  readonly inputs: tf.NamedTensorInfoMap
  readonly backend: unknown
  readonly attrs?: tf.NamedAttrMap
}

function valuesOf(backend: WasmBackend, t: tf.TensorInfo | undefined): Float32Array | Int32Array {
  if (!t) throw new Error('A WASM training kernel was called without its inputs.')
  return backend.readSync(t.dataId) as Float32Array | Int32Array
}

/** dW[r, c, i, o] = Σ x[b, r + y·s − pad, …, i] · dy[b, y, …, o]: a port of tfjs-backend-cpu's. */
function conv2dBackpropFilter({ inputs, backend, attrs = {} }: KernelArgs): tf.TensorInfo {
  const wasm = backend as WasmBackend
  const { x, dy } = inputs
  if (!x || !dy) throw new Error('Conv2DBackpropFilter needs x and dy.')
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    attrs as unknown as tf.Conv2DBackpropFilterAttrs
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  )
  const channelsLast = info.dataFormat === 'channelsLast'
  const [xs, dys] = [valuesOf(wasm, x), valuesOf(wasm, dy)]
  // Strides of batch, row, column and channel in x and dy, for either data layout.
  const stridesOf = (rows: number, cols: number, channels: number): number[] =>
    channelsLast
      ? [rows * cols * channels, cols * channels, channels, 1]
      : [rows * cols * channels, cols, 1, rows * cols]
  const [xB, xR, xC, xD] = stridesOf(info.inHeight, info.inWidth, info.inChannels) as [
    number,
    number,
    number,
    number,
  ]
  const [yB, yR, yC, yD] = stridesOf(info.outHeight, info.outWidth, info.outChannels) as [
    number,
    number,
    number,
    number,
  ]
  const { filterHeight, filterWidth, inChannels, outChannels, strideHeight, strideWidth } = info
  const { top, left } = info.padInfo
  const dW = new Float32Array(filterHeight * filterWidth * inChannels * outChannels)
  for (let wR = 0; wR < filterHeight; ++wR) {
    const yRMin = Math.max(0, Math.ceil((top - wR) / strideHeight))
    const yRMax = Math.min(info.outHeight, (info.inHeight + top - wR) / strideHeight)
    for (let wC = 0; wC < filterWidth; ++wC) {
      const yCMin = Math.max(0, Math.ceil((left - wC) / strideWidth))
      const yCMax = Math.min(info.outWidth, (info.inWidth + left - wC) / strideWidth)
      for (let d1 = 0; d1 < inChannels; ++d1) {
        for (let d2 = 0; d2 < outChannels; ++d2) {
          let dot = 0
          for (let b = 0; b < info.batchSize; ++b) {
            for (let yRow = yRMin; yRow < yRMax; ++yRow) {
              const xRow = wR + yRow * strideHeight - top
              for (let yCol = yCMin; yCol < yCMax; ++yCol) {
                const xCol = wC + yCol * strideWidth - left
                dot +=
                  (xs[b * xB + xRow * xR + xCol * xC + d1 * xD] ?? 0) *
                  (dys[b * yB + yRow * yR + yCol * yC + d2 * yD] ?? 0)
              }
            }
          }
          dW[((wR * filterWidth + wC) * inChannels + d1) * outChannels + d2] = dot
        }
      }
    }
  }
  return wasm.makeOutput([...info.filterShape], 'float32', undefined, dW)
}

/** out[s, …] = Σ x[i, …] over the rows i whose segment id is s (ids outside 0…n−1 are dropped). */
function unsortedSegmentSum({ inputs, backend, attrs = {} }: KernelArgs): tf.TensorInfo {
  const wasm = backend as WasmBackend
  const { x, segmentIds } = inputs
  if (!x || !segmentIds) throw new Error('UnsortedSegmentSum needs x and segmentIds.')
  const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs
  const [xs, ids] = [valuesOf(wasm, x), valuesOf(wasm, segmentIds)]
  const rest = x.shape.slice(segmentIds.shape.length)
  const inner = rest.reduce((n, d) => n * d, 1)
  const out = new Float32Array(numSegments * inner)
  ids.forEach((id, i) => {
    if (id < 0 || id >= numSegments) return
    for (let j = 0; j < inner; ++j)
      out[id * inner + j] = (out[id * inner + j] ?? 0) + (xs[i * inner + j] ?? 0)
  })
  return wasm.makeOutput([numSegments, ...rest], 'float32', undefined, out)
}

const KERNELS: readonly [string, (args: KernelArgs) => tf.TensorInfo][] = [
  [tf.Conv2DBackpropFilter, conv2dBackpropFilter],
  [tf.UnsortedSegmentSum, unsortedSegmentSum],
]

const native = new Set(tf.getKernelsForBackend('wasm').map((k) => k.kernelName))
for (const [kernelName, kernelFunc] of KERNELS) {
  if (!native.has(kernelName)) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc })
}
