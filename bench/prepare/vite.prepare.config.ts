import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The prepare responsiveness page (`npm run bench`, BENCH_ONLY=prepare): built into
// bench/dist/prepare-page and served with the studio's cross-origin isolation headers.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('./page'),
  base: './',
  publicDir: false,
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  logLevel: 'warn',
  build: { outDir: here('../dist/prepare-page'), emptyOutDir: true, target: 'es2022' },
})
