// Registers public/sw.js (production builds only: in development Vite serves unhashed modules that
// must not be cached). Failure to register is not an error for the app: it just works online only.

function loadedAssets() {
  try {
    return performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name, location.href))
      .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
      .map((url) => url.pathname)
  } catch {
    return []
  }
}

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return
  const announce = (worker) => worker?.postMessage({ type: 'cache-assets', urls: loadedAssets() })
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => announce(registration.active))
      .catch(() => {})
    // Chunks loaded before the worker took control are cached once it has.
    navigator.serviceWorker.addEventListener('controllerchange', () => announce(navigator.serviceWorker.controller))
  })
}
