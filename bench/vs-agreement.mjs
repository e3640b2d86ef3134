// The agreement count of bench/vs-turf.mjs: probes on, just inside and just outside zone and plot
// edges and inside a hole (where boundary handling differs), and the comparison of both sides'
// answers, with an example of each kind of difference.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentFiles } from './peer.mjs';
import { randomIndexes } from './vs-common.mjs';

// Probes for the agreement count: points on, just inside and just outside zone and plot edges
// (the cases where boundary handling differs), and inside a hole.

const M_PER_DEG_LAT = 110_950;
function offsetPoint([lon, lat], [dxm, dym]) {
  return [lon + dxm / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + dym / M_PER_DEG_LAT];
}

function edgeProbes(ring, j, kind, out, offsets) {
  const a = ring[j];
  const b = ring[(j + 1) % (ring.length - 1)];
  const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const k = 111_320 * Math.cos((mid[1] * Math.PI) / 180);
  const ex = (b[0] - a[0]) * k;
  const ey = (b[1] - a[1]) * M_PER_DEG_LAT;
  const len = Math.hypot(ex, ey);
  if (!len) return;
  const nx = -ey / len;
  const ny = ex / len;
  for (const d of offsets) out.push({ kind: d === 0 ? `${kind}: on the edge` : `${kind}: ${Math.abs(d)} m off the edge`, p: offsetPoint(mid, [nx * d, ny * d]) });
}

export function makeProbes(dir, parcelCount) {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const files = currentFiles(m);
  const out = [];
  for (const l of files.layers) {
    const fc = JSON.parse(readFileSync(join(dir, l.file), 'utf8'));
    const step = Math.max(1, Math.floor(fc.features.length / 25));
    fc.features.forEach((f, i) => {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polys) {
        if (i % step === 0) edgeProbes(rings[0], i % (rings[0].length - 1), 'zone edge', out, [0, 0.25, -0.25, 1, -1]);
        for (const hole of rings.slice(1)) {
          const c = hole.slice(0, -1).reduce((s, q) => [s[0] + q[0], s[1] + q[1]], [0, 0]).map((v) => v / (hole.length - 1));
          out.push({ kind: 'inside a hole', p: c });
          edgeProbes(hole, 0, 'hole edge', out, [0.25, -0.25]);
        }
      }
    });
  }
  const pf = JSON.parse(readFileSync(join(dir, files.parcels.file), 'utf8'));
  for (const i of randomIndexes(parcelCount, 25, 7)) {
    const g = pf.features[i].geometry;
    const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
    edgeProbes(ring, i % (ring.length - 1), 'plot edge', out, [0.25, -0.25, 0.01, -0.01]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Agreement

export function compare(peer, baft, points, kinds) {
  const counts = { points: 0, agree: 0, differ: 0 };
  const kindsOut = new Map();
  const note = (kind, example) => {
    if (!kindsOut.has(kind)) kindsOut.set(kind, { count: 0, example });
    kindsOut.get(kind).count += 1;
  };
  const bLayer = new Map(baft.layers.map((id, k) => [id, k]));
  peer.points.forEach((pa, i) => {
    const ba = baft.points[i];
    const lon = points[2 * i];
    const lat = points[2 * i + 1];
    const where = `${lat.toFixed(7)}, ${lon.toFixed(7)}${kinds ? ` (${kinds[i]})` : ''}`;
    counts.points += 1;
    let same = true;
    if (pa.parcel !== ba.parcel) {
      same = false;
      note('plot: different plot under the point', `${where}: peer plot #${pa.parcel}, Baft plot #${ba.parcel}`);
    }
    peer.layers.forEach((id, k) => {
      const kb = bLayer.get(id);
      const p = [...pa.zones[k]].sort();
      const b = [...ba.zones[kb]].sort();
      const st = ba.status[kb];
      if (p.join() === b.join()) return;
      same = false;
      const desc = `${where}, ${id}: Turf ${p.length ? `inside ${p.join('+')}` : 'outside'}; Baft ${st}${b.length ? ` ${b.join('+')}` : ''}`;
      if (st === 'on_boundary') note('boundary band: Baft "on the boundary" within 0.5 m of a layer\'s outer edge, Turf exact', desc);
      else if (st === 'inside' && p.every((z) => b.includes(z))) note('edge shared by two zones: Baft names both within 0.5 m, Turf the one holding the point', desc);
      else note('other', desc);
    });
    if (same) counts.agree += 1;
    else counts.differ += 1;
  });
  return { ...counts, kinds: [...kindsOut].map(([kind, v]) => ({ kind, ...v })) };
}

export function comparePlots(peer, baft, plots) {
  const bLayer = new Map(baft.layers.map((id, k) => [id, k]));
  let agree = 0;
  let maxDiff = 0;
  const worst = [];
  peer.plots.forEach((pp, i) => {
    let ok = true;
    peer.layers.forEach((id, k) => {
      const d = Math.abs(pp[k] - baft.plots[i][bLayer.get(id)]);
      maxDiff = Math.max(maxDiff, d);
      if (d > 0.1) { ok = false; worst.push(`plot #${plots[i]}, ${id}: Turf ${pp[k].toFixed(3)} %, Baft ${baft.plots[i][bLayer.get(id)].toFixed(3)} %`); }
    });
    if (ok) agree += 1;
  });
  return { plots: peer.plots.length, agree, max_abs_diff_pp: maxDiff, examples: worst.slice(0, 3) };
}
