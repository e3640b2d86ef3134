// Baft's side of the Baft-vs-Turf benchmark: the same protocol as bench/peer.mjs (see
// bench/vs-common.mjs), through Baft's public JS API (dist/js-api/baft.mjs, copied to js-api/).
// The data files cross into WebAssembly as text (GeoJSON) or bytes (FlatGeobuf .fgb) and are parsed,
// projected and indexed in Rust.
import { init, Baft } from './js-api/baft.mjs';
import { runSide } from './vs-common.mjs';

const wasm = await init();

async function get(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r;
}

const STATUS = ['outside', 'on_boundary', 'inside'];
const cache = new WeakMap();

/** Per engine: `locate`'s layer positions in `layers()` order, and each layer's zone ids. */
function lookups(b) {
  if (!cache.has(b)) {
    const order = b.locateLayers();
    const ids = b.layers().filter((l) => l.loaded).map((l) => l.id);
    cache.set(b, { order: ids.map((id) => order.indexOf(id)), ids: ids.map((id) => b.zoneIds(id)) });
  }
  return cache.get(b);
}

/** Where a parcel layer read by area is (per engine), for `preparer`. */
const byArea = new WeakMap();

export const impl = {
  name: 'baft',
  /**
   * The manifest, then the current layer files and the parcel layer (text, or bytes for
   * FlatGeobuf); with `byArea`, only the parcel file's first 16 KB (a range request), as the app
   * and `loadBaft` read a province's file.
   */
  async fetch(base, { byArea: area = false } = {}) {
    const manifest = await (await get(base + 'manifest.json')).text();
    const probe = new Baft(manifest, 'en');
    const wanted = probe.files().filter((f) => f.kind === 'layer' || f.kind === 'parcels');
    probe.free();
    const files = await Promise.all(wanted.map(async (f) => {
      if (area && f.kind === 'parcels') {
        const r = await fetch(base + f.path, { headers: { Range: 'bytes=0-16383' } });
        const total = Number(/\/(\d+)$/.exec(r.headers.get('content-range'))[1]);
        return { ...f, first: new Uint8Array(await r.arrayBuffer()), total, url: base + f.path };
      }
      const r = await get(base + f.path);
      return f.binary ? { ...f, bytes: new Uint8Array(await r.arrayBuffer()) } : { ...f, text: await r.text() };
    }));
    return { manifest, files };
  },
  load(data) {
    const b = new Baft(data.manifest, 'en');
    for (const f of data.files) {
      if (f.first) {
        if (!b.openParcelRanges(f.first, f.total)) throw new Error(`${f.path}: not readable by area`);
        byArea.set(b, f.url);
        continue;
      }
      const problems = f.binary ? b.addFileBytes(f.path, f.bytes) : b.addFileText(f.path, f.text);
      if (problems.length) console.warn(f.path, problems);
    }
    return b;
  },
  /**
   * When the parcel layer is read by area: what to do before a point's query, fetching the plots
   * whose boxes hold the point by range requests (the index levels not read yet, then the
   * features), as `readParcelsAt` in baft.mjs reads them. `null` otherwise: nothing to await.
   */
  preparer(b) {
    const url = byArea.get(b);
    if (!url) return null;
    return async (lon, lat) => {
      for (let round = 0; round < 16; round++) {
        const ranges = b.parcelRanges(lon, lat, lon, lat);
        if (ranges.length === 0) return;
        for (let i = 0; i < ranges.length; i += 2) {
          const r = await fetch(url, { headers: { Range: `bytes=${ranges[i]}-${ranges[i + 1] - 1}` } });
          b.addParcelBytes(ranges[i], new Uint8Array(await r.arrayBuffer()));
        }
      }
    };
  },
  wasmBytes() {
    return wasm.memory.buffer.byteLength;
  },
  layerIds(b) {
    return b.layers().filter((l) => l.loaded).map((l) => l.id);
  },
  parcelCount(b) {
    return b.parcelCount ?? 0;
  },
  /**
   * Per point, the timed query: which plot and which zone of each layer (`locate`, one call, an
   * Int32Array; zone ids looked up in `zoneIds`, fetched once per layer), as the peer answers.
   */
  query(b, lon, lat) {
    const c = lookups(b);
    const r = b.locate(lon, lat);
    // The same shape as the peer's answer: the plot index and each layer's zone ids.
    return {
      parcel: r[0],
      zones: c.order.map((k, j) => (r[2 + 2 * k] >= 0 ? [c.ids[j][r[2 + 2 * k]]] : [])),
    };
  },
  /**
   * Per point, the answer compared with the peer's: the full display answer (`checkPoint`: every
   * zone holding the point, not only the first) and `parcelAt`.
   */
  answer(b, lon, lat) {
    const a = b.checkPoint(lon, lat);
    const parcel = b.parcelAt(lon, lat);
    return {
      parcel: parcel ?? -1,
      zones: a.layers.map((l) => l.zones.map((z) => z.id)),
      status: a.layers.map((l) => l.status),
    };
  },
  /**
   * The parts, on the same points: the display answer `checkPoint` alone, `parcelAt` alone,
   * `locate` alone (without the zone-id lookups) and `locateMany` (all points in one call); and how many points `locate` and `checkPoint` give a
   * different status for (must be 0: the same engine).
   */
  bulk(b, pts) {
    const n = pts.length / 2;
    const per = (t) => ((performance.now() - t) * 1000) / n;
    let t = performance.now();
    const full = [];
    for (let i = 0; i < n; i++) full.push(b.checkPoint(pts[2 * i], pts[2 * i + 1]));
    const check_us = per(t);
    t = performance.now();
    let hits = 0;
    for (let i = 0; i < n; i++) if (b.parcelAt(pts[2 * i], pts[2 * i + 1]) !== undefined) hits++;
    const parcel_us = per(t);
    t = performance.now();
    for (let i = 0; i < n; i++) b.locate(pts[2 * i], pts[2 * i + 1]);
    const locate_us = per(t);
    t = performance.now();
    const many = b.locateMany(pts);
    const engine_us = per(t);
    const c = lookups(b);
    const stride = 1 + 2 * c.order.length;
    let locate_mismatch = 0;
    full.forEach((a, i) => {
      if (a.layers.some((l, j) => STATUS[many[i * stride + 1 + 2 * c.order[j]]] !== l.status)) locate_mismatch++;
    });
    return { check_us, parcel_us, locate_us, engine_us, parcel_hits: hits, locate_mismatch };
  },
  /**
   * Per plot, the timed query: the plot's % inside each layer (`parcelShares`, the lean plot
   * query, in `locateLayers` order, put in `layerIds` order), as the peer answers.
   */
  overlap(b, i) {
    const s = b.parcelShares(i);
    return lookups(b).order.map((k) => s[k]);
  },
  /** Per plot, the answer compared with the peer's: the whole answer's `checkParcel` percentages. */
  fullOverlap(b, i) {
    return b.checkParcel(i).layers.map((l) => l.percent);
  },
};

runSide(impl);
