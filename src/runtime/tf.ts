/**
 * What the bundle runtime gives code that imports '@tensorflow/tfjs': TensorFlow.js core, layers
 * and the CPU backend only (vite.runtime.config.ts aliases the import here). The full package
 * would add WebGL, the converter and data loaders a bundle never uses.
 */
import '@tensorflow/tfjs-backend-cpu'
import { version_core } from '@tensorflow/tfjs-core'

export * from '@tensorflow/tfjs-core'
export * from '@tensorflow/tfjs-layers'
export const version = { tfjs: version_core }
