// Bundles bench/prepare/prepare-bench.ts and the studio's core into one ESM file for Node.
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Builds bench/dist/prepare/prepare-bench.mjs; resolves with its path. */
export async function buildPrepareBench() {
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: 'bench/prepare/prepare-bench.ts',
      outDir: 'bench/dist/prepare',
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'prepare-bench.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  })
  return fileURLToPath(new URL('../dist/prepare/prepare-bench.mjs', import.meta.url))
}
