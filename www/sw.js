// Baft's service worker: the app works offline after one visit, and a newer data set is taken in
// whole or not at all. Plain JS; its parts sw-ranges.js and sw-snapshots.js are imported from the
// same folder (importScripts; CSP: worker-src 'self' for the worker, script-src 'self' for its
// parts). See docs/offline.md.
//
// Two placeholders below are stamped by scripts/postbuild.mjs into dist/sw.js: the build id (a
// quoted string) and the app-shell list (a JSON array of paths relative to the site root). The
// unstamped file is not meant to run (the bare placeholder throws), so no worker is installed
// from a development build.
//
// Caches (names end in " <scope path>" when the site is not at the origin's root, so that two
// copies of Baft on one origin never touch each other's caches):
//   baft-shell-<build>  the app shell of one build: precached on install, cache-first;
//                       other builds' shells are deleted on activate.
//   baft-data-<id>      one data snapshot: data/manifest.json and every file it lists, complete.
//   baft-meta           one entry, the durable pointer {current, pending} to snapshot caches.
//   baft-ranges         pieces of data files fetched by byte ranges (a parcel layer read by
//                       area) that no snapshot holds whole; they answer those ranges offline.
//                       Deleted when newer data is switched to.
//
// Messages (page → worker): baft-check-data, baft-use-new-data.
// Messages (worker → pages): baft-data-ready, baft-data-update {dataVersion},
//   baft-data-switched, baft-data-checked {result: first|same|update|failed|offline}.
'use strict';

const BUILD = String('__BAFT_BUILD__').replace(/[^A-Za-z0-9._-]/g, '_');
const SHELL = __BAFT_SHELL__;

const BASE = new URL('./', self.location.href); // the site root (where sw.js lives)
const DATA = new URL('data/', BASE);
const MANIFEST = new URL('manifest.json', DATA).href;
const SUFFIX = BASE.pathname === '/' ? '' : ' ' + BASE.pathname;
const SHELL_PREFIX = 'baft-shell-';
const DATA_PREFIX = 'baft-data-';
const SHELL_CACHE = SHELL_PREFIX + BUILD + SUFFIX;
const META_CACHE = 'baft-meta' + SUFFIX;
const META_KEY = new URL('baft-meta/state.json', BASE).href;
// A navigation waits this long for the network before the cached page is used (slow links).
const NAVIGATION_TIMEOUT_MS = 6000;
// A snapshot cache that is neither current nor pending and older than this is a leftover of an
// interrupted download (the worker was stopped) and is deleted.
const ORPHAN_AGE_MS = 60 * 60 * 1000;
const DOWNLOADS_AT_ONCE = 4;
// A FlatGeobuf file larger than this (a province's parcel layer) is read by area, as the app
// reads it (its WHOLE_FILE_MAX): a snapshot keeps no copy of it, only a marker (BY_RANGES), and
// the pieces the app reads are kept in baft-ranges instead.
const WHOLE_FILE_MAX = 128 * 1024 * 1024;
const BY_RANGES = '?by-ranges';
// The app's first request for such a file (FgbRanges::FIRST): the header and the index's top.
// The snapshot keeps it, so that the file opens offline.
const FIRST_BYTES = 16 * 1024;

/** Snapshots this worker instance is writing right now (never cleaned up as orphans). */
const building = new Set();

const ours = (name, prefix) => name.startsWith(prefix) && (SUFFIX
  ? name.endsWith(SUFFIX)
  : name.indexOf(' ') < 0);

/** The URL as a cache key: no query, no fragment. */
function bare(url) {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return u.href;
}

// The worker's other parts: classic scripts sharing this scope (they use the constants and
// helpers above). They are in the app shell, so a change to either changes the build id stamped
// above, and with it this file: the browser then installs the new worker with its new parts.
importScripts('sw-ranges.js', 'sw-snapshots.js');

// ---------------------------------------------------------------------------------------------
// Install and activate: the app shell.

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    const urls = [...new Set(SHELL.map((p) => new URL(p, BASE).href))];
    await Promise.all(urls.map(async (url) => {
      const res = await fetch(url, { cache: 'reload' });
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      await cache.put(url, await unredirected(res));
    }));
    await self.skipWaiting();
  })().catch(async (e) => {
    // A shell that is not whole is never used: the next visit tries again.
    await caches.delete(SHELL_CACHE);
    throw e;
  }));
});

/** A redirected response cannot answer a navigation; keep its body and headers only. */
async function unredirected(res) {
  if (!res.redirected) return res;
  const body = await res.blob();
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((n) => ours(n, SHELL_PREFIX) && n !== SHELL_CACHE)
      .map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

// ---------------------------------------------------------------------------------------------
// Fetch: data from the current snapshot, pages network-first, the shell cache-first.

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  if (req.cache === 'only-if-cached' && req.mode !== 'same-origin') return;
  const url = new URL(req.url);
  if (url.origin !== BASE.origin || !url.pathname.startsWith(BASE.pathname)) return;
  if (url.pathname.startsWith(DATA.pathname)) {
    event.respondWith(fromSnapshot(req));
  } else if (req.mode === 'navigate') {
    event.respondWith(navigation(req));
  } else {
    event.respondWith(fromShell(req));
  }
});

async function fromSnapshot(req) {
  const range = req.headers.get('range');
  try {
    const { current } = await readState();
    if (current && await caches.has(current)) {
      const hit = await (await caches.open(current)).match(bare(req.url));
      if (hit) return range ? await slice(hit, range) : hit;
    }
  } catch (e) {
    console.warn('Baft: data cache unreadable', e);
  }
  return range ? rangeFromNetwork(req, range) : fetch(req);
}

async function shellMatch(url) {
  if (!await caches.has(SHELL_CACHE)) return undefined;
  return (await caches.open(SHELL_CACHE)).match(bare(url));
}

async function fromShell(req) {
  const hit = await shellMatch(req.url).catch(() => undefined);
  return hit || fetch(req);
}

/**
 * The cached copy of a page (query and fragment ignored); for a folder address, its index.html.
 * Pages outside the shell (e.g. embed.html, the embedding kit) are not replaced by another page.
 */
async function cachedPage(url) {
  try {
    const hit = await shellMatch(url);
    if (hit || !new URL(url).pathname.endsWith('/')) return hit;
    return await shellMatch(new URL('index.html', bare(url)).href);
  } catch (e) {
    return undefined;
  }
}

async function navigation(req) {
  const network = fetch(req);
  network.catch(() => {}); // handled below; keep an unawaited rejection quiet
  let timer;
  const slow = new Promise((resolve) => { timer = setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null); });
  try {
    const res = await Promise.race([network, slow]);
    if (res && res.status < 500) return res;
    const cached = await cachedPage(req.url);
    if (cached) return cached;
    return res || network;
  } catch (e) {
    const cached = await cachedPage(req.url);
    if (cached) return cached;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// The durable pointer to the snapshots.

async function readState() {
  const res = await (await caches.open(META_CACHE)).match(META_KEY);
  if (!res) return { current: null, pending: null };
  try {
    const s = await res.json();
    return { current: s.current || null, pending: s.pending || null };
  } catch (e) {
    return { current: null, pending: null };
  }
}

async function writeState(state) {
  const body = JSON.stringify({ current: state.current || null, pending: state.pending || null });
  await (await caches.open(META_CACHE)).put(META_KEY,
    new Response(body, { headers: { 'content-type': 'application/json' } }));
}

// ---------------------------------------------------------------------------------------------
// Messages.

async function tell(msg, client) {
  const targets = new Map();
  if (client) targets.set(client.id, client);
  for (const c of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) targets.set(c.id, c);
  for (const c of targets.values()) {
    try { c.postMessage(msg); } catch (e) { /* a closing page */ }
  }
}

async function checkData(client) {
  const state = await readState();
  const currentOk = !!state.current && await isComplete(state.current);
  if (currentOk) await tell({ type: 'baft-data-ready' }, client);
  const done = (result) => tell({ type: 'baft-data-checked', result }, client);

  let text;
  let headers;
  try {
    const res = await fetch(MANIFEST, { cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
    headers = { 'content-type': res.headers.get('content-type') || 'application/json' };
  } catch (e) {
    return done('offline'); // the current snapshot (if any) keeps answering
  }

  if (isCatalogue(text)) {
    // The site now serves many cities (docs/deploy.md): no snapshot of a catalogue is made
    // yet, and a snapshot of the city served before must not keep answering for it.
    await writeState({ current: null, pending: null });
    await deleteCache(state.current);
    await deleteCache(state.pending);
    // Every other city snapshot too, however recent (deleteOrphans spares young ones).
    const names = await caches.keys();
    await Promise.all(names.filter((n) => ours(n, DATA_PREFIX) && !building.has(n)).map((n) => caches.delete(n)));
    await caches.delete(RANGES_CACHE);
    return done('catalogue');
  }

  if (!currentOk) {
    // First visit (or the snapshot was lost): take the whole set and use it at once.
    const name = await makeSnapshot(text, headers);
    if (!name) return done('failed');
    await writeState({ current: name, pending: null });
    await deleteCache(state.current); // an incomplete one, if any
    await deleteCache(state.pending);
    await deleteOrphans({ current: name, pending: null });
    await tell({ type: 'baft-data-ready' }, client);
    return done('first');
  }

  const currentText = await snapshotManifest(state.current);
  if (text === currentText) {
    if (state.pending) {
      // The newer data was withdrawn on the server: forget it.
      await writeState({ current: state.current, pending: null });
      await deleteCache(state.pending);
    }
    await deleteOrphans({ current: state.current, pending: null });
    return done('same');
  }

  // Newer data. Already downloaded (e.g. the banner was not acted on)? Offer it again.
  if (state.pending && await snapshotManifest(state.pending) === text && await isComplete(state.pending)) {
    await tell({ type: 'baft-data-update', dataVersion: dataVersion(text) }, client);
    return done('update');
  }
  if (state.pending) {
    await writeState({ current: state.current, pending: null });
    await deleteCache(state.pending);
  }
  await deleteOrphans({ current: state.current, pending: null });
  const name = await makeSnapshot(text, headers);
  if (!name) return done('failed');
  await writeState({ current: state.current, pending: name });
  await tell({ type: 'baft-data-update', dataVersion: dataVersion(text) }, client);
  return done('update');
}

async function useNewData(client) {
  const state = await readState();
  if (state.pending && state.pending !== state.current && await isComplete(state.pending)) {
    await writeState({ current: state.pending, pending: null });
    await deleteCache(state.current);
    await caches.delete(RANGES_CACHE); // pieces of the files replaced
  }
  // Every open page reloads so that none goes on with the other data set.
  await tell({ type: 'baft-data-switched' }, client);
}

// One data task at a time (several pages may ask at once).
let queue = Promise.resolve();
function serial(task) {
  const run = queue.then(task);
  queue = run.catch((e) => console.warn('Baft: data task failed', e));
  return queue;
}

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  const client = event.source && typeof event.source.postMessage === 'function' ? event.source : null;
  if (type === 'baft-check-data') {
    event.waitUntil(serial(() => checkData(client)));
  } else if (type === 'baft-use-new-data') {
    event.waitUntil(serial(() => useNewData(client)));
  }
});
