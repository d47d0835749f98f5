/**
 * What TensorFlow.js asks of Node's 'util' when the runtime runs under `serve.mjs`. A browser
 * build leaves 'util' empty, so the same file could not start in Node; Node 18+ and browsers
 * both have these globals, so one file serves both.
 */
export const TextEncoder = globalThis.TextEncoder
export const TextDecoder = globalThis.TextDecoder
export const types = {
  isFloat32Array: (a: unknown) => a instanceof Float32Array,
  isInt32Array: (a: unknown) => a instanceof Int32Array,
  isUint8Array: (a: unknown) => a instanceof Uint8Array,
  isUint8ClampedArray: (a: unknown) => a instanceof Uint8ClampedArray,
}
export default { TextEncoder, TextDecoder, types }
