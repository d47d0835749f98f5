// Registers every backend the studio offers inside a worker, with the WASM binaries served from
// the app's own origin (bundled by Vite), so nothing is fetched from elsewhere.
import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-webgpu'
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
})

// The threaded WASM build's pthread worker (a blob script) throws "ReferenceError: e is not
// defined" once bundled, and the backend then never finishes starting. Single-threaded SIMD is
// what tfjs would use on a 2-core machine anyway (it caps threads at half the cores).
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false)
