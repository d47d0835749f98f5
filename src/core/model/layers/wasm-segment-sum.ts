import * as tf from '@tensorflow/tfjs'

/**
 * The WASM backend of TensorFlow.js 4.22 has no UnsortedSegmentSum kernel, and the gradient of
 * Gather (what an Embedding layer looks its vectors up with) needs one: without it an Embedding,
 * and every text model behind one, fails its first training step on WASM with "Kernel
 * 'UnsortedSegmentSum' not registered for backend 'wasm'".
 *
 * Summing rows into segments is a ScatterNd with one-number indices (ScatterNd adds rows that
 * land on the same index), which WASM does have: this registers that as UnsortedSegmentSum.
 * Call it after importing '@tensorflow/tfjs-backend-wasm'; it does nothing when the kernel is
 * already there (a later tfjs may bring its own) or when the WASM backend is not part of the build.
 */
export function registerWasmSegmentSum(): void {
  // getKernel's type promises a kernel; it returns undefined for one that is not registered.
  const kernel = (name: string) => tf.getKernel(name, 'wasm') as tf.KernelConfig | undefined
  if (kernel('UnsortedSegmentSum')) return
  const scatter = kernel('ScatterNd')
  if (!scatter) return
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo }
      const { numSegments } = attrs as unknown as { numSegments: number }
      const ids = segmentIds.shape.reduce((a, b) => a * b, 1)
      // One flat list of ids, each naming where its slice of x (the dimensions after the ids'
      // own) is added; ScatterNd reads tensors by their data, so a reshaped view is enough.
      return scatter.kernelFunc({
        inputs: { indices: { ...segmentIds, shape: [ids] }, updates: x },
        attrs: { shape: [numSegments, ...x.shape.slice(segmentIds.shape.length)] },
        backend,
      })
    },
  })
}
