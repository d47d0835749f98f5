import { defineConfig } from 'vite'

/**
 * The model runtime that every downloaded bundle carries: the fitted recipe's steps and the
 * TensorFlow.js CPU backend in one UMD file, so `predict.html` loads it as a classic script from
 * an unzipped folder (file://) and `serve.mjs` requires it in Node with nothing to install.
 * Built into public/runtime/, from where the page copies it into each bundle.
 */
export default defineConfig({
  publicDir: false,
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
