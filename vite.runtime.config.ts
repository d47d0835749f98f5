import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * The model runtime that every downloaded bundle carries: the fitted recipe's steps and the
 * TensorFlow.js CPU backend in one UMD file, so `predict.html` loads it as a classic script from
 * an unzipped folder (file://) and `serve.mjs` requires it in Node with nothing to install.
 * Built into public/runtime/, from where the page copies it into each bundle.
 */
export default defineConfig({
  publicDir: false,
  resolve: {
    // The studio's own code imports the whole of TensorFlow.js; the runtime needs a part of it.
    alias: {
      '@tensorflow/tfjs': fileURLToPath(new URL('src/runtime/tf.ts', import.meta.url)),
      util: fileURLToPath(new URL('src/runtime/util-shim.ts', import.meta.url)),
    },
  },
  build: {
    target: 'es2020',
    outDir: 'public/runtime',
    emptyOutDir: true,
    lib: {
      entry: 'src/runtime/model-runtime.ts',
      name: 'ModelStudioRuntime',
      formats: ['umd'],
      fileName: () => 'model-runtime.js',
    },
  },
})
