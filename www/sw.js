// Baft's service worker: the app works offline after one visit, and a newer data set is taken in
// whole or not at all. Plain JS, no imports (CSP: worker-src 'self'). See docs/offline.md.
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

// ---------------------------------------------------------------------------------------------
// Byte ranges (a FlatGeobuf parcel layer read by area): served from the snapshot's whole file
// when it has it; else fetched, and each piece kept (baft-ranges) so that the places read once
// answer offline.

const RANGES_CACHE = 'baft-ranges' + SUFFIX;

/** `bytes=a-b` (one range, as the app asks) → [a, b], or null. */
function parseRange(header) {
  const m = /^bytes=(\d+)-(\d+)$/.exec((header || '').trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * A 206 answer with bytes [a, b] of the whole file `res` (the whole file, 200, for a range form
 * the app does not ask). A Blob slice: the file is not read into memory.
 */
async function slice(res, header) {
  const r = parseRange(header);
  if (!r) return res;
  const blob = await res.blob();
  const [a, b] = [r[0], Math.min(r[1], blob.size - 1)];
  if (a > b) return new Response(null, { status: 416, headers: { 'content-range': `bytes */${blob.size}` } });
  return partial(blob.slice(a, b + 1), a, blob.size, res.headers.get('content-type'));
}

/** A 206 answer: `bytes` (a Blob or an ArrayBuffer) are bytes a… of a file of `total` bytes. */
function partial(bytes, a, total, type) {
  const n = bytes.size ?? bytes.byteLength;
  return new Response(bytes, {
    status: 206,
    headers: {
      'content-type': type || 'application/octet-stream',
      'content-range': `bytes ${a}-${a + n - 1}/${total}`,
      'content-length': String(n),
    },
  });
}

/** The key of a kept piece: the file's URL and the bytes it holds. */
const pieceKey = (url, a, b, total) => `${bare(url)}?bytes=${a}-${b}&of=${total}`;

/** Keeps bytes [a, b] of a file of `total` bytes, the body of the 206 answer `res`. */
async function keepPiece(url, a, b, total, res, cacheName = RANGES_CACHE) {
  const cache = await caches.open(cacheName);
  await cache.put(pieceKey(url, a, b, total), new Response(await res.blob(), {
    headers: { 'content-type': res.headers.get('content-type') || 'application/octet-stream' },
  }));
}

async function rangeFromNetwork(req, header) {
  const r = parseRange(header);
  try {
    const res = await fetch(req);
    // Kept under the bytes the server says it sent (they may be fewer than asked).
    const sent = /bytes (\d+)-(\d+)\/(\d+)$/.exec(res.headers.get('content-range') || '');
    if (res.status === 206 && sent) await keepPiece(req.url, Number(sent[1]), Number(sent[2]), sent[3], res.clone());
    return res;
  } catch (e) {
    // Offline: a kept piece that holds the range answers it (the snapshot's first 16 KB, or
    // one the app read).
    const { current } = await readState().catch(() => ({}));
    for (const name of [current, RANGES_CACHE]) {
      const hit = r && name && await caches.has(name) && await pieceHolding(await caches.open(name), req.url, r);
      if (hit) return hit;
    }
    throw e;
  }
}

/** A 206 answer for bytes r = [a, b] of `url` from a piece kept in `cache`, or null. */
async function pieceHolding(cache, url, r) {
  const prefix = bare(url) + '?bytes=';
  for (const key of await cache.keys()) {
    const m = key.url.startsWith(prefix) && /\?bytes=(\d+)-(\d+)&of=(\d+)$/.exec(key.url);
    if (!m || Number(m[1]) > r[0] || Number(m[2]) < r[1]) continue;
    const body = await (await cache.match(key)).blob();
    const from = r[0] - Number(m[1]);
    return partial(body.slice(from, from + r[1] - r[0] + 1), r[0], Number(m[3]), 'application/octet-stream');
  }
  return null;
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
// Snapshots.

/** Every file the manifest lists, as absolute URLs under data/; null if it is not a manifest. */
function listedFiles(text) {
  let m;
  try { m = JSON.parse(text); } catch (e) { return null; }
  if (!m || typeof m !== 'object' || !Array.isArray(m.layers)) return null;
  const files = [];
  const add = (f) => { if (typeof f === 'string' && f) files.push(f); };
  for (const layer of m.layers) {
    for (const v of (layer && Array.isArray(layer.versions)) ? layer.versions : []) add(v && v.file);
  }
  add(m.packages);
  add(m.offices);
  add(m.streets);
  add(m.parcels && m.parcels.file);
  add(m.blocks);
  const urls = new Set();
  for (const f of files) {
    // As the app builds it: "data/" + file, resolved against the page (the site root).
    const u = new URL('data/' + f, BASE);
    if (u.origin === DATA.origin && u.pathname.startsWith(DATA.pathname)) urls.add(bare(u.href));
  }
  urls.delete(MANIFEST);
  return [...urls];
}

/** Whether a manifest.json text is a national catalogue of cities (`"catalogue": true`). */
function isCatalogue(text) {
  try {
    return JSON.parse(text).catalogue === true;
  } catch (e) {
    return false;
  }
}

/** The parcel layer's absolute URL (the one file that may be read by area), or null. */
function parcelsUrl(text) {
  try {
    const f = JSON.parse(text).parcels.file;
    return typeof f === 'string' && f ? bare(new URL('data/' + f, BASE).href) : null;
  } catch (e) {
    return null;
  }
}

function dataVersion(text) {
  try {
    const v = JSON.parse(text).data_version;
    return typeof v === 'string' ? v : '';
  } catch (e) {
    return '';
  }
}

/** The manifest text a snapshot was made from, or null when the snapshot is missing. */
async function snapshotManifest(name) {
  if (!name || !await caches.has(name)) return null;
  const res = await (await caches.open(name)).match(MANIFEST);
  return res ? res.text() : null;
}

/**
 * True when the snapshot holds its manifest and every file the manifest lists (or, for a file
 * read by area, its marker).
 */
async function isComplete(name) {
  const text = await snapshotManifest(name);
  const files = text === null ? null : listedFiles(text);
  if (!files) return false;
  const cache = await caches.open(name);
  for (const url of files) {
    if (!await cache.match(url) && !await cache.match(url + BY_RANGES)) return false;
  }
  return true;
}

/**
 * Whether a data file is read by area, not kept whole: the parcel layer (`parcels`), as
 * FlatGeobuf, whose server gives its length as more than WHOLE_FILE_MAX. Its first bytes (as the
 * app asks them first) are then kept in the snapshot being made (`snapshot`), so that the file
 * opens offline with the header of the snapshot's data version.
 */
async function readByArea(url, parcels, snapshot) {
  if (url !== parcels || !url.toLowerCase().endsWith('.fgb')) return false;
  try {
    const res = await fetch(url, { headers: { range: `bytes=0-${FIRST_BYTES - 1}` }, cache: 'no-cache' });
    const total = /\/(\d+)$/.exec(res.headers.get('content-range') || '');
    if (res.status !== 206 || !total || Number(total[1]) <= WHOLE_FILE_MAX) return false;
    await keepPiece(url, 0, FIRST_BYTES - 1, total[1], res, snapshot);
    return true;
  } catch (e) {
    return false; // then fetched whole, as any file
  }
}

function newSnapshotName() {
  const rand = Math.floor(Math.random() * 0x100000000).toString(36);
  return DATA_PREFIX + Date.now().toString(36) + '-' + rand + SUFFIX;
}

/** Milliseconds since the snapshot was started (from its name), or 0 when unknown. */
function snapshotAge(name) {
  const m = /^baft-data-([0-9a-z]+)-/.exec(name);
  const t = m ? parseInt(m[1], 36) : NaN;
  return Number.isFinite(t) ? Date.now() - t : 0;
}

/**
 * Downloads the manifest's whole file set into a new snapshot cache and returns its name, or
 * null (and nothing left behind) if any file fails.
 */
async function makeSnapshot(manifestText, manifestHeaders) {
  const files = listedFiles(manifestText);
  if (!files) {
    console.warn('Baft: data/manifest.json is not a Baft manifest; no offline copy made');
    return null;
  }
  const parcels = parcelsUrl(manifestText);
  const name = newSnapshotName();
  building.add(name);
  try {
    const cache = await caches.open(name);
    const queue = files.slice();
    let failed = null;
    const worker = async () => {
      while (queue.length && !failed) {
        const url = queue.shift();
        try {
          if (await readByArea(url, parcels, name)) {
            await cache.put(url + BY_RANGES, new Response(''));
            continue;
          }
          // 'no-cache': the HTTP cache may only answer after the server confirms it is current.
          const res = await fetch(url, { cache: 'no-cache' });
          if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
          await cache.put(url, res);
        } catch (e) {
          failed = failed || e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(DOWNLOADS_AT_ONCE, files.length) }, worker));
    if (failed) throw failed;
    // The manifest goes in last: a snapshot without it is never considered.
    await cache.put(MANIFEST, new Response(manifestText, { headers: manifestHeaders }));
    if (!await isComplete(name)) throw new Error('snapshot incomplete after download');
    return name;
  } catch (e) {
    console.warn('Baft: new data not downloaded; the current data stays in use', e);
    await caches.delete(name);
    return null;
  } finally {
    building.delete(name);
  }
}

async function deleteCache(name) {
  if (name) await caches.delete(name);
}

/** Deletes snapshot caches that nothing points to (left by an interrupted download). */
async function deleteOrphans(state) {
  const names = await caches.keys();
  await Promise.all(names
    .filter((n) => ours(n, DATA_PREFIX) && n !== state.current && n !== state.pending
      && !building.has(n) && snapshotAge(n) > ORPHAN_AGE_MS)
    .map((n) => caches.delete(n)));
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
