// Baft's service worker, its part for byte ranges (a FlatGeobuf parcel layer read by area):
// served from the snapshot's whole file when it has it; else fetched, and each piece kept
// (baft-ranges) so that the places read once answer offline. A classic script that sw.js imports
// (importScripts): it shares sw.js's scope and uses its constants and helpers. See docs/offline.md.
'use strict';

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
