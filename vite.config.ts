import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Cross-origin isolation lets the WASM backend use threads where the machine has cores to spare.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
}

/**
 * The built page's Content-Security-Policy: nothing from another origin, no inline script, no
 * eval. Each allowance has a reason:
 * - script-src 'wasm-unsafe-eval': compiling the WASM backend (WebAssembly only, not JS eval);
 * - style-src 'unsafe-inline': Mantine writes its theme as a <style> element and sets `style`
 *   attributes at run time (styles, never scripts);
 * - img-src / connect-src blob: data: picture thumbnails, canvases and files the page made
 *   itself (downloads, pictures read from a chosen zip);
 * - worker-src 'self' blob: training, preparation and scoring workers are the build's own files;
 *   fflate inflates large workbooks in workers it starts from blob: URLs of its own code.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')

/** The CSP in the built page itself, so it holds wherever the files are served from. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    // The dev server injects inline scripts (React refresh): the policy is for the build only.
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  }
}

function publicFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? publicFiles(path) : [path]
  })
}

/**
 * Writes the service worker's precache list: every file of the build and of public/, with a
 * version made from their contents, so each build caches as a whole and replaces the last.
 */
function precacheManifest(): Plugin {
  return {
    name: 'precache-manifest',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const worker = bundle['sw.js']
      if (worker?.type !== 'chunk') return
      const hash = createHash('sha256')
      const files: string[] = []
      for (const [name, output] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (name === 'sw.js' || name.endsWith('.map')) continue
        files.push(name)
        hash.update(name).update(output.type === 'chunk' ? output.code : output.source)
      }
      const root = here('public')
      for (const path of publicFiles(root).sort()) {
        const name = relative(root, path).split('\\').join('/')
        files.push(name)
        hash.update(name).update(readFileSync(path))
      }
      const manifest = { version: hash.digest('hex').slice(0, 16), files }
      const placeholder = /(["'`])__PRECACHE_MANIFEST__\1/
      if (!placeholder.test(worker.code)) throw new Error('sw.js lost its precache placeholder')
      worker.code = worker.code.replace(placeholder, JSON.stringify(manifest))
    },
  }
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), precacheManifest()],
  server: { headers: isolation },
  // `npm start` serves the build: the policy goes in a header too (frame-ancestors works only
  // there).
  preview: {
    headers: { ...isolation, 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'` },
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: { index: here('index.html'), sw: here('src/app/offline/service-worker.ts') },
      // The service worker sits at the root, so its scope is the whole studio.
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
})
