import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The data-load benchmark's page (`npm run bench`, BENCH_ONLY=data): built into
// bench/dist/data-load and served with the studio's cross-origin isolation headers.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('./page'),
  base: './',
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  logLevel: 'warn',
  build: { outDir: here('../dist/data-load'), emptyOutDir: true, target: 'es2022' },
})
