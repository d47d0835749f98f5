// The studio's service worker: once a page has loaded, every file the studio needs (its code,
// the WASM backends, the sample datasets, the bundle runtime) is kept in a cache, so the studio
// opens and trains with the network off. The build (vite.config.ts, `precacheManifest`) puts the
// list of files and a version made from their contents in place of PRECACHE below.

interface PrecacheManifest {
  readonly version: string
  readonly files: readonly string[]
}
// Minimal types for the service worker scope (the app compiles against the DOM library).
interface ExtendableEvent extends Event {
  waitUntil: (promise: Promise<unknown>) => void
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request
  respondWith: (response: Promise<Response>) => void
}
interface WorkerScope {
  readonly location: Location
  readonly caches: CacheStorage
  readonly clients: { claim: () => Promise<void> }
  skipWaiting: () => Promise<void>
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void
}

declare const self: WorkerScope
const PRECACHE = '__PRECACHE_MANIFEST__' as unknown as PrecacheManifest

const CACHE_PREFIX = 'model-studio-'
const cacheName = `${CACHE_PREFIX}${PRECACHE.version}`
const url = (file: string) => new URL(file, self.location.href).href
const INDEX = url('index.html')

self.addEventListener('install', (event) => {
  // Everything or nothing: a half-filled cache would fail offline in the middle of a session.
  event.waitUntil(
    self.caches.open(cacheName).then((cache) => cache.addAll(PRECACHE.files.map(url))),
  )
})

self.addEventListener('activate', (event) => {
  // The version now in charge drops the caches of older builds, so two builds never mix.
  event.waitUntil(
    self.caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith(CACHE_PREFIX) && key !== cacheName)
            .map((key) => self.caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  )
})

// The page asks a waiting version to take over when the analyst chooses to reload into it.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void self.skipWaiting()
})

async function fromCache(request: Request): Promise<Response | undefined> {
  const cache = await self.caches.open(cacheName)
  // ignoreVary: the server's `Vary: Origin` would otherwise miss module scripts, which are asked
  // for with an Origin header the precache requests did not carry.
  return cache.match(request, { ignoreVary: true })
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET' || !request.url.startsWith(self.location.origin)) return
  if (request.mode === 'navigate') {
    // The page itself: this build's copy, whatever the query (?backend=wasm), so the page and
    // its cached scripts always come from the same build.
    event.respondWith(
      self.caches
        .open(cacheName)
        .then((cache) => cache.match(INDEX, { ignoreVary: true }))
        .then((cached) => cached ?? fetch(request)),
    )
    return
  }
  event.respondWith(fromCache(request).then((cached) => cached ?? fetch(request)))
})
