// Bundles bench/gpu/gpu-bench.ts, the studio's core and TensorFlow.js (WebGPU and WASM backends
// included) into one ESM file for Node, so the GPU machine needs no node_modules:
//   node bench/gpu/build.mjs   ->  bench/gpu/carry/gpu-bench.mjs
// The WebGPU implementation itself (dawn.node) is loaded at run time from DAWN_NODE.
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const root = fileURLToPath(new URL('../..', import.meta.url))

await build({
  root,
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'bench/gpu/gpu-bench.ts',
    outDir: 'bench/gpu/carry',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        format: 'es',
        entryFileNames: 'gpu-bench.mjs',
        codeSplitting: false,
        // The WASM backend's Emscripten loader is CommonJS and reads __dirname/__filename.
        banner: [
          "import { fileURLToPath as __benchFileURLToPath } from 'node:url'",
          "import { dirname as __benchDirname } from 'node:path'",
          'const __filename = __benchFileURLToPath(import.meta.url)',
          'const __dirname = __benchDirname(__filename)',
        ].join('\n'),
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
})
