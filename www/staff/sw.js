// The staff page's service worker (scope /staff/, apart from the owners' app's): after one
// visit the workbench opens and works offline. Every GET it serves is fetched from the network
// first and a copy kept (the page, the workbench module, the site's data files); offline, the
// kept copy answers. The survey file is opened from disk and never passes through here.
const CACHE = 'baft-staff';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin || req.headers.has('range')) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok) await cache.put(req, res.clone());
      return res;
    } catch (e) {
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      throw e;
    }
  })());
});
