// Baft's service worker, its part for data snapshots: the files a manifest lists, downloaded
// whole into a new cache (baft-data-<id>) or not at all, and the leftovers of interrupted
// downloads deleted. A classic script that sw.js imports (importScripts): it shares sw.js's scope
// and uses its constants and helpers. See docs/offline.md.
'use strict';

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
