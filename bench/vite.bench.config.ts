import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The training benchmark's own page (`npm run bench`): built into bench/dist, served by Vite's
// preview server with the same cross-origin isolation headers as the studio (vite.config.ts).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('./page'),
  // The sample datasets are fetched from the page's own origin, as the studio does.
  publicDir: here('../public'),
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
