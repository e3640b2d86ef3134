// Baft's side of the Baft-vs-Turf benchmark: the same protocol as bench/peer.mjs (see
// bench/vs-common.mjs), through Baft's public JS API (dist/js-api/baft.mjs, copied to js-api/).
// The data files cross into WebAssembly as text (GeoJSON) or bytes (.baftpack) and are parsed,
// projected and indexed in Rust.
import { init, Baft } from './js-api/baft.mjs';
import { runSide } from './vs-common.mjs';

const wasm = await init();

async function get(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r;
}

export const impl = {
  name: 'baft',
  /** The manifest, then the current layer files and the parcel layer (text, or bytes for a pack). */
  async fetch(base) {
    const manifest = await (await get(base + 'manifest.json')).text();
    const probe = new Baft(manifest, 'en');
    const wanted = probe.files().filter((f) => f.kind === 'layer' || f.kind === 'parcels');
    probe.free();
    const files = await Promise.all(wanted.map(async (f) => {
      const r = await get(base + f.path);
      return f.binary ? { ...f, bytes: new Uint8Array(await r.arrayBuffer()) } : { ...f, text: await r.text() };
    }));
    return { manifest, files };
  },
  load(data) {
    const b = new Baft(data.manifest, 'en');
    for (const f of data.files) {
      const problems = f.binary ? b.addFileBytes(f.path, f.bytes) : b.addFileText(f.path, f.text);
      if (problems.length) console.warn(f.path, problems);
    }
    return b;
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
  /** Per point: the plot under it (`parcelAt`) and each layer's status and zones (`checkPoint`). */
  query(b, lon, lat) {
    const a = b.checkPoint(lon, lat);
    const parcel = b.parcelAt(lon, lat);
    return {
      parcel: parcel ?? -1,
      zones: a.layers.map((l) => l.zones.map((z) => z.id)),
      status: a.layers.map((l) => l.status),
    };
  },
  /**
   * The parts, on the same points: `checkPoint` alone, `parcelAt` alone, and the engine without
   * JS objects (`statusCodes`, every layer's status for all points in one call).
   */
  bulk(b, pts) {
    const n = pts.length / 2;
    const per = (t) => ((performance.now() - t) * 1000) / n;
    let t = performance.now();
    for (let i = 0; i < n; i++) b.checkPoint(pts[2 * i], pts[2 * i + 1]);
    const check_us = per(t);
    t = performance.now();
    let hits = 0;
    for (let i = 0; i < n; i++) if (b.parcelAt(pts[2 * i], pts[2 * i + 1]) !== undefined) hits++;
    const parcel_us = per(t);
    t = performance.now();
    b.statusCodes(pts);
    return { check_us, parcel_us, engine_us: per(t), parcel_hits: hits };
  },
  /** Per plot: `checkParcel` — the plot's % inside each layer. */
  overlap(b, i) {
    return b.checkParcel(i).layers.map((l) => l.percent);
  },
};

runSide(impl);
