import * as tf from '@tensorflow/tfjs'

/**
 * Training kernels tfjs 4.22 lacks or makes unusable, in plain TypeScript over the backend's own
 * memory:
 * - WASM has no Conv2DBackpropFilter and no UnsortedSegmentSum (the gradient of a gather), so no
 *   convolution and no Embedding could train on it at all. They are added only while the backend
 *   has none of its own, so a later tfjs that brings native ones wins.
 * - The CPU backend's UnsortedSegmentSum makes one masked pass over the whole gradient per
 *   segment: for an Embedding that is one pass per word of the vocabulary on every batch
 *   (minutes for 5,000 words). The one-pass version here replaces it.
 */

/** The backends' own ways to hold a kernel's result (their `makeOutput`s differ). */
interface WasmBackend {
  makeOutput(shape: number[], dtype: Dtype, offset: undefined, values: Values): tf.TensorInfo
}
interface CpuBackend {
  makeTensorInfo(shape: number[], dtype: Dtype, values: Values): tf.TensorInfo
}
interface Readable {
  readSync(dataId: tf.DataId): tf.backend_util.BackendValues
}

type Dtype = 'float32' | 'int32'
type Values = Float32Array | Int32Array

/** A kernel's result before it is handed to the backend. */
interface Output {
  readonly shape: number[]
  readonly dtype: Dtype
  readonly values: Values
}

interface KernelArgs {
  readonly inputs: tf.NamedTensorInfoMap
  readonly backend: unknown
  readonly attrs?: tf.NamedAttrMap
}

function valuesOf(backend: unknown, t: tf.TensorInfo | undefined): Float32Array | Int32Array {
  if (!t) throw new Error('A training kernel was called without its inputs.')
  return (backend as Readable).readSync(t.dataId) as Float32Array | Int32Array
}

type Compute = (args: KernelArgs) => Output

const onWasm =
  (compute: Compute): tf.KernelFunc =>
  (args) => {
    const { shape, dtype, values } = compute(args)
    return (args.backend as WasmBackend).makeOutput(shape, dtype, undefined, values)
  }

const onCpu =
  (compute: Compute): tf.KernelFunc =>
  (args) => {
    const { shape, dtype, values } = compute(args)
    return (args.backend as CpuBackend).makeTensorInfo(shape, dtype, values)
  }

/** dW[r, c, i, o] = Σ x[b, r + y·s − pad, …, i] · dy[b, y, …, o]: a port of tfjs-backend-cpu's. */
function conv2dBackpropFilter({ inputs, backend: b, attrs = {} }: KernelArgs): Output {
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
  const [xs, dys] = [valuesOf(b, x), valuesOf(b, dy)]
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
  return { shape: [...info.filterShape], dtype: 'float32', values: dW }
}

/** out[s, …] = Σ x[i, …] over the rows i whose segment id is s (ids outside 0…n−1 are dropped). */
function unsortedSegmentSum({ inputs, backend: b, attrs = {} }: KernelArgs): Output {
  const { x, segmentIds } = inputs
  if (!x || !segmentIds) throw new Error('UnsortedSegmentSum needs x and segmentIds.')
  const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs
  const [xs, ids] = [valuesOf(b, x), valuesOf(b, segmentIds)]
  const rest = x.shape.slice(segmentIds.shape.length)
  const inner = rest.reduce((n, d) => n * d, 1)
  const dtype = x.dtype === 'int32' ? 'int32' : 'float32'
  const out =
    dtype === 'int32' ? new Int32Array(numSegments * inner) : new Float32Array(numSegments * inner)
  ids.forEach((id, i) => {
    if (id < 0 || id >= numSegments) return
    for (let j = 0; j < inner; ++j)
      out[id * inner + j] = (out[id * inner + j] ?? 0) + (xs[i * inner + j] ?? 0)
  })
  return { shape: [numSegments, ...rest], dtype, values: out }
}

const native = new Set(tf.getKernelsForBackend('wasm').map((k) => k.kernelName))
const missingOnWasm: readonly [string, Compute][] = [
  [tf.Conv2DBackpropFilter, conv2dBackpropFilter],
  [tf.UnsortedSegmentSum, unsortedSegmentSum],
]
for (const [kernelName, compute] of missingOnWasm) {
  if (!native.has(kernelName)) {
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: onWasm(compute) })
  }
}

const onCpuNow = tf.getKernelsForBackend('cpu').some((k) => k.kernelName === tf.UnsortedSegmentSum)
if (onCpuNow) tf.unregisterKernel(tf.UnsortedSegmentSum, 'cpu')
tf.registerKernel({
  kernelName: tf.UnsortedSegmentSum,
  backendName: 'cpu',
  kernelFunc: onCpu(unsortedSegmentSum),
})
