/* Lägesbild service worker: lets a person who lost the connection reload the answering page and
 * keep working from the answers kept on the device (see src/stores/outbox.js).
 *
 * - Page navigations: network first; without a network, the cached /index.html.
 * - /assets/* (content-hashed file names) and the favicon: cache first, cached as they are fetched.
 * - /api/ and /health are never intercepted: answers always go to the server or into the outbox.
 */
const CACHE = 'lagesbild-shell-v1'
const INDEX = '/index.html'

const isApi = (path) => path === '/api' || path.startsWith('/api/') || path.startsWith('/health')
const isStatic = (path) => path.startsWith('/assets/') || path === '/favicon.svg'

async function cacheAsset(cache, url) {
  try {
    if (!(await cache.match(url))) await cache.add(url)
  } catch {
    // Not fatal: it is cached when the page fetches it.
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE)
      const res = await fetch('/', { headers: { Accept: 'text/html' }, cache: 'no-cache' })
      if (!res.ok) throw new Error(`Could not precache the page: HTTP ${res.status}`)
      await cache.put(INDEX, res.clone())
      // The entry script and stylesheet the page names, so that an offline reload can start the app.
      const html = await res.text()
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
      await Promise.all([...assets, '/favicon.svg'].map((url) => cacheAsset(cache, url)))
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys()
      await Promise.all(names.filter((n) => n.startsWith('lagesbild-') && n !== CACHE).map((n) => caches.delete(n)))
      await self.clients.claim()
    })(),
  )
})

// The page tells which assets it loaded before this worker controlled it.
self.addEventListener('message', (event) => {
  const data = event.data
  if (!data || data.type !== 'cache-assets' || !Array.isArray(data.urls)) return
  const urls = data.urls.filter((u) => typeof u === 'string' && isStatic(u))
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((u) => cacheAsset(cache, u)))))
})

async function networkFirst(event) {
  let res
  try {
    res = await fetch(event.request)
  } catch (error) {
    const cached = await caches.match(INDEX)
    if (cached) return cached
    throw error
  }
  if (res.ok && (res.headers.get('content-type') || '').includes('text/html')) {
    const copy = res.clone()
    event.waitUntil(caches.open(CACHE).then((cache) => cache.put(INDEX, copy)))
  } else if (res.status >= 500) {
    // The server (or a proxy in front of it) is down: the app can still start from the cache.
    const cached = await caches.match(INDEX)
    if (cached) return cached
  }
  return res
}

async function cacheFirst(event) {
  const cache = await caches.open(CACHE)
  const hit = await cache.match(event.request)
  if (hit) return hit
  const res = await fetch(event.request)
  if (res.ok) {
    const copy = res.clone()
    event.waitUntil(cache.put(event.request, copy))
  }
  return res
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (isApi(url.pathname)) return // never respondWith: straight to the network
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(event))
  } else if (isStatic(url.pathname)) {
    event.respondWith(cacheFirst(event))
  }
})
