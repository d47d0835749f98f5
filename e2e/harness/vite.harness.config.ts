import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The layer harness (e2e/model-backends.spec.ts): a page that trains every layer type on one
// backend, built into e2e/harness/dist with the studio's cross-origin isolation headers
// (vite.config.ts). Everything it loads, the WASM binaries included, comes from this build.
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
  },
})
