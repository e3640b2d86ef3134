// The reference ("peer") implementation, for comparison only — never shipped in dist/.
//
// What a municipality's web team would write without Baft, the JavaScript way: GeoJSON read with
// JSON.parse, each layer's feature bounding boxes indexed with Flatbush, the plot and the zones
// under a point found with Turf's booleanPointInPolygon, and a plot's % overlap with each layer
// from turf.intersect and turf.area. Turf and Flatbush are the npm packages' own browser builds
// (UMD globals `turf`, `Flatbush`), loaded by bench/peer.html; no bundler, no CDN.
//
// bench/peer.html runs it in two ways:
// - `peer.html#p=lat,lon`: like the app's share link — load, index, answer, render a minimal
//   result (`#result [data-layer]`, one element per layer), for the time-to-first-answer test;
// - otherwise it exposes `window.side` for bench/vs-turf.mjs (the same protocol as
//   bench/baft-side.mjs: see bench/vs-common.mjs).
import { runSide } from './vs-common.mjs';

const { turf, Flatbush } = globalThis;

/** The files the peer needs from a Baft manifest: each layer's current version, and the parcels. */
export function currentFiles(manifest) {
  const layers = manifest.layers.map((l) => {
    const v = l.current
      ? l.versions.find((x) => x.id === l.current)
      : [...l.versions].sort((a, b) => (a.approved.iso < b.approved.iso ? 1 : -1))[0];
    return { id: l.id, idProperty: l.id_property || 'id', file: v.file };
  });
  const parcels = manifest.parcels
    ? { id: 'parcels', idProperty: manifest.parcels.id_property || 'plot_id', file: manifest.parcels.file }
    : null;
  return { layers, parcels };
}

async function fetchText(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.text();
}

/** Fetches the manifest and the files the peer needs, as text. */
export async function fetchData(base) {
  const manifest = JSON.parse(await fetchText(base + 'manifest.json'));
  const files = currentFiles(manifest);
  const [layers, parcels] = await Promise.all([
    Promise.all(files.layers.map(async (l) => ({ ...l, text: await fetchText(base + l.file) }))),
    files.parcels ? fetchText(base + files.parcels.file).then((text) => ({ ...files.parcels, text })) : null,
  ]);
  return { manifest, layers, parcels };
}

/** JSON.parse, then a Flatbush index of the polygon features' bounding boxes. */
function indexLayer({ id, idProperty, text }) {
  const fc = JSON.parse(text);
  const features = fc.features.filter(
    (f) => f && f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
  );
  const index = new Flatbush(Math.max(features.length, 1));
  for (const f of features) {
    const [a, b, c, d] = turf.bbox(f);
    index.add(a, b, c, d);
  }
  if (features.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  const ids = features.map((f) => String((f.properties && f.properties[idProperty]) ?? f.id ?? ''));
  return { id, features, ids, index };
}

/** Parses and indexes fetched data. */
export function load(data) {
  return {
    layers: data.layers.map(indexLayer),
    parcels: data.parcels ? indexLayer(data.parcels) : null,
  };
}

/** Features of `layer` holding the point (boundary included, Turf's default), as indexes. */
function hits(layer, lon, lat) {
  const pt = [lon, lat];
  const out = [];
  for (const i of layer.index.search(lon, lat, lon, lat)) {
    if (i < layer.features.length && turf.booleanPointInPolygon(pt, layer.features[i])) out.push(i);
  }
  return out;
}

/** Which parcel (index, -1 for none) and which zones of each layer (indexes) hold the point. */
export function locate(state, lon, lat) {
  let parcel = -1;
  if (state.parcels) {
    const pt = [lon, lat];
    const p = state.parcels;
    for (const i of p.index.search(lon, lat, lon, lat)) {
      if (turf.booleanPointInPolygon(pt, p.features[i])) {
        parcel = i;
        break;
      }
    }
  }
  return { parcel, layers: state.layers.map((l) => hits(l, lon, lat)) };
}

/** % of a plot (a GeoJSON Feature<Polygon>) inside each layer: Σ area(plot ∩ zone) / area(plot). */
export function overlap(state, plot) {
  const area = turf.area(plot);
  const [a, b, c, d] = turf.bbox(plot);
  return state.layers.map((l) => {
    let inside = 0;
    for (const i of l.index.search(a, b, c, d)) {
      if (i >= l.features.length) continue;
      const x = turf.intersect(turf.featureCollection([plot, l.features[i]]));
      if (x) inside += turf.area(x);
    }
    return (100 * inside) / area;
  });
}

/** The benchmark protocol's adapter (see bench/vs-common.mjs). */
export const impl = {
  name: 'peer',
  async fetch(base) {
    return fetchData(base);
  },
  load(data) {
    return load(data);
  },
  layerIds(state) {
    return state.layers.map((l) => l.id);
  },
  parcelCount(state) {
    return state.parcels ? state.parcels.features.length : 0;
  },
  /** Per point: parcel index and the zone ids per layer (the comparable answer). */
  query(state, lon, lat) {
    const r = locate(state, lon, lat);
    return { parcel: r.parcel, zones: r.layers.map((h, k) => h.map((i) => state.layers[k].ids[i])) };
  },
  /** Per plot: % inside each layer. */
  overlap(state, i) {
    return overlap(state, state.parcels.features[i]);
  },
};

// ---------------------------------------------------------------------------------------------
// peer.html#p=lat,lon: the app's share-link behaviour, the JavaScript way.

function pointFromHash() {
  const m = /(?:^|[#&])p=(-?[\d.]+),(-?[\d.]+)/.exec(location.hash);
  return m ? { lat: Number(m[1]), lon: Number(m[2]) } : null;
}

async function answerLink(p) {
  const out = document.getElementById('result');
  out.textContent = 'loading…';
  const data = await fetchData('data/');
  const state = load(data);
  const r = locate(state, p.lon, p.lat);
  const list = document.createElement('ul');
  data.layers.forEach((l, k) => {
    const name = data.manifest.layers[k].name;
    const li = document.createElement('li');
    li.dataset.layer = l.id;
    li.dataset.status = r.layers[k].length ? 'inside' : 'outside';
    li.textContent = `${name.en}: ${r.layers[k].length ? 'inside ' + r.layers[k].map((i) => state.layers[k].ids[i]).join(', ') : 'outside'}`;
    list.append(li);
  });
  const plot = document.createElement('p');
  plot.textContent = r.parcel >= 0 ? `plot ${state.parcels.ids[r.parcel]}` : 'no surveyed plot here';
  out.replaceChildren(list, plot);
}

if (typeof document !== 'undefined') {
  const p = pointFromHash();
  if (p) answerLink(p).catch((e) => { document.getElementById('result').textContent = String(e); });
  else runSide(impl);
}
