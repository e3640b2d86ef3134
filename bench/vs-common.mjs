// The measuring protocol shared by the two sides of the Baft-vs-Turf benchmark: bench/peer.mjs
// (JSON.parse + Flatbush + Turf) and bench/baft-side.mjs (Baft's JS API). Each side is an
// adapter `impl` with the same methods; this module exposes `window.side` so that
// bench/vs-turf.mjs can drive one phase at a time (load, then memory from outside the page,
// then queries), with exactly the same timing code around either side.

/** xorshift32 in [0, 1): the same sequence on both sides for the same seed. */
export function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

/** `n` points uniformly random in `[minLon, minLat, maxLon, maxLat]`, as [lon0, lat0, lon1, …]. */
export function randomPoints(env, n, seed) {
  const r = rng(seed);
  const pts = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    pts[2 * i] = env[0] + (env[2] - env[0]) * r();
    pts[2 * i + 1] = env[1] + (env[3] - env[1]) * r();
  }
  return pts;
}

/** `n` distinct random indexes below `count`. */
export function randomIndexes(count, n, seed) {
  const r = rng(seed);
  const seen = new Set();
  while (seen.size < Math.min(n, count)) seen.add(Math.floor(r() * count));
  return [...seen];
}

export function runSide(impl) {
  let state = null;
  let sink = 0;
  const keep = (v) => { sink = (sink + (v && v.parcel !== undefined ? v.parcel : 1)) | 0; };
  window.side = {
    name: impl.name,
    /** Fetch (timed apart), then parse + index (the measured load). */
    async load({ base, options = {} }) {
      const t0 = performance.now();
      let data = await impl.fetch(base, options);
      const t1 = performance.now();
      state = impl.load(data);
      const t2 = performance.now();
      data = null;
      return { fetch_ms: t1 - t0, parse_index_ms: t2 - t1, parcels: impl.parcelCount(state) };
    },
    /** Memory the page holds (JS heap after a full GC; wasm linear memory when the side has it). */
    memory() {
      if (typeof gc === 'function') { gc(); gc(); }
      return {
        js_heap_used: performance.memory ? performance.memory.usedJSHeapSize : null,
        wasm_bytes: impl.wasmBytes ? impl.wasmBytes() : 0,
      };
    },
    /**
     * Per-point query time over `n` random points in `envelope` (after `warm` untimed ones).
     * A side that reads its parcel layer by area (`impl.preparer(state)` gives a function) reads
     * each point's plots first, inside the timed loop: its figure is a first question's, fetches
     * included. Then the next `n` points, and with `settle`, the figures once the engine has
     * settled (see below).
     */
    async queries({ envelope, n, seed, warm = 500, settle = 0 }) {
      const pts = randomPoints(envelope, n, seed);
      const w = randomPoints(envelope, warm, seed ^ 0x9e3779b9);
      // Only a side that reads by area awaits anything per point: an `await` costs a side
      // that doesn't need one about 0.2 µs a point, which the peer would not pay.
      const prepare = impl.preparer ? impl.preparer(state) : null;
      for (let i = 0; i < warm; i++) {
        if (prepare) await prepare(w[2 * i], w[2 * i + 1]);
        keep(impl.query(state, w[2 * i], w[2 * i + 1]));
      }
      // Per-point µs over `ps`; a side that reads by area reads each point's plots first.
      const timed = async (ps) => {
        const t = performance.now();
        for (let i = 0; i < n; i++) {
          if (prepare) await prepare(ps[2 * i], ps[2 * i + 1]);
          keep(impl.query(state, ps[2 * i], ps[2 * i + 1]));
        }
        return ((performance.now() - t) * 1000) / n;
      };
      const us = await timed(pts);
      // The next `n` points (another seed): the code has run 500 + n times, the plots are
      // mostly ones not met before. The code is warmer, not settled: in Chromium both sides take
      // tens of thousands of queries to settle (the `settle` figures below).
      const next_us = await timed(randomPoints(envelope, n, seed ^ 0x5bd1e995));
      // Settled: after `settle` more queries (untimed), V8 has compiled the hot code in its
      // optimising tier on both sides (in Chromium this takes tens of thousands of queries; for
      // wasm, function by function); then `n` new points, and the same points again (plots met
      // before). Not for a side that reads its plots by range requests (fetches dominate).
      let settled = {};
      if (!prepare && settle > 0) {
        const s = randomPoints(envelope, settle, seed ^ 0x2545f491);
        for (let i = 0; i < settle; i++) keep(impl.query(state, s[2 * i], s[2 * i + 1]));
        const fresh = randomPoints(envelope, n, seed ^ 0x68e31da4);
        settled = { settled_point_us: await timed(fresh), settled_again_us: await timed(fresh) };
      }
      const extra = impl.bulk ? impl.bulk(state, pts) : {};
      return { point_us: us, next_point_us: next_us, ...settled, sink, ...extra };
    },
    /** Per-plot % overlap time for `n` random plots of the parcel layer (after `warm`). */
    overlaps({ n, seed, warm = 20 }) {
      const idx = randomIndexes(impl.parcelCount(state), n + warm, seed);
      for (const i of idx.slice(n)) keep(impl.overlap(state, i));
      const t = performance.now();
      for (const i of idx.slice(0, n)) keep(impl.overlap(state, i));
      return { plot_us: ((performance.now() - t) * 1000) / n, sink };
    },
    /** The answers, for the agreement count: points `[lon, lat, …]` and plot indexes. */
    answers({ points, plots }) {
      const pts = [];
      const answer = impl.answer ?? impl.query;
      for (let i = 0; i < points.length; i += 2) pts.push(answer(state, points[i], points[i + 1]));
      return {
        layers: impl.layerIds(state),
        points: pts,
        plots: plots.map((i) => (impl.fullOverlap ?? impl.overlap)(state, i)),
      };
    },
  };
  window.sideReady = true;
}
