import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The harness pages: the layer harness (e2e/model-backends.spec.ts) trains every layer type on one
// backend; training/ and faults/ drive the training engine on one backend. Built into
// e2e/harness/dist with the studio's cross-origin isolation headers (vite.config.ts). Everything it loads, the WASM binaries included, comes from this build.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('.'),
  publicDir: false,
  base: './',
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    // One page per harness: layers (index), training (memory and seeds per backend), faults.
    rollupOptions: {
      input: {
        layers: here('./index.html'),
        training: here('./training/index.html'),
        faults: here('./faults/index.html'),
      },
    },
  },
})
