// The staff page's service worker (scope /staff/, apart from the owners' app's): after one
// visit the workbench opens and works offline. The page and its module are kept when the worker
// installs, and the page keeps the site's data files it read (workbench.mjs); every GET is
// fetched from the network first and the copy renewed; offline, the kept copy answers. The
// survey file is opened from disk and never passes through here.
const CACHE = 'baft-staff';
const PAGE = ['./', 'staff.mjs', 'workbench.mjs', 'staff.css', 'baft_staff.js', 'baft_staff_bg.wasm',
  '../fonts/Vazirmatn-Regular.woff2', '../fonts/Vazirmatn-Bold.woff2'];

self.addEventListener('install', (event) => event.waitUntil((async () => {
  await (await caches.open(CACHE)).addAll(PAGE);
  await self.skipWaiting();
})()));
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
