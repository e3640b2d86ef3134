// Baft vs the JavaScript way (JSON.parse + Flatbush + Turf.js), side by side in ONE headless
// Chromium session, alternating them (peer, Baft, Baft pack, peer, Baft, …), on the sample's
// zone layers and generated parcel layers of 10,000 / 50,000 / 200,000 plots. Prints medians,
// Baft ÷ peer ratios, the agreement count with an example of each kind of difference, and the
// time to first answer for a `#p=lat,lon` link with the CPU throttled 4× (the real app vs
// bench/peer.html; with the zone layers alone, also over an emulated phone network). Writes everything to target/vs-turf/results.json.
//
// Run by scripts/bench.sh, which prepares target/vs-turf/data-N (the sample's layers after
// `baft fix` — the informal-settlement layer reprojected from UTM to lon/lat, as a Leaflet page
// needs — plus `baft-sample bench-parcels N`) and target/vs-turf/data-N-packed (`baft pack`).
// Environment: BAFT_VS_SIZES (10000,50000,200000), BAFT_VS_RUNS (5), BAFT_VS_POINTS (5000),
// BAFT_VS_PLOTS (300), BAFT_VS_TTFA_RUNS (3), BAFT_VS_SETTLE (60000: untimed queries before the
// settled point rows), CHROMIUM (/usr/bin/chromium).
import { chromium } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../scripts/serve-dist.mjs';
import { currentFiles } from './peer.mjs';
import { randomIndexes, randomPoints } from './vs-common.mjs';
import { compare, comparePlots, makeProbes } from './vs-agreement.mjs';
import { PHONE_NETWORK, appSiteWithPeer, firstAnswer as timeFirstAnswer } from './first-answer.mjs';

const firstAnswer = (browser, url, network) => timeFirstAnswer(browser, url, network, THROTTLE);

const env = (k, d) => process.env[k] || d;
const SIZES = env('BAFT_VS_SIZES', '10000,50000,200000').split(',').map(Number);
const RUNS = Number(env('BAFT_VS_RUNS', 5));
const POINTS = Number(env('BAFT_VS_POINTS', 5000));
const PLOTS = Number(env('BAFT_VS_PLOTS', 300));
const TTFA_RUNS = Number(env('BAFT_VS_TTFA_RUNS', 3));
const SETTLE = Number(env('BAFT_VS_SETTLE', 60000));
const THROTTLE = 4;
const POINT_SEED = 1234;
const PLOT_SEED = 99;
const ROOT = resolve('target/vs-turf');
const pkgVersion = (p) => JSON.parse(readFileSync(`node_modules/${p}/package.json`, 'utf8')).version;
const versions = {
  turf: pkgVersion('@turf/turf'),
  flatbush: pkgVersion('flatbush'),
  baft: (readFileSync('Cargo.toml', 'utf8').match(/^version\s*=\s*"([^"]+)"/m) || [])[1],
};

const median = (a) => {
  const s = a.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((x, y) => x - y);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const MB = (b) => b / 1048576;
const fmt = (x, d = 1) => (x === null || x === undefined ? '—' : x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d }));
const ratio = (b, p) => (b === null || p === null || !p ? '—' : `${fmt(b / p, 2)}`);

// ---------------------------------------------------------------------------------------------
// The site: both sides' pages, Turf's and Flatbush's browser builds, Baft's JS API, the data.

function prepareSite() {
  const site = join(ROOT, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  for (const f of ['peer.html', 'peer.mjs', 'baft-side.html', 'baft-side.mjs', 'vs-common.mjs']) cpSync(join('bench', f), join(site, f));
  cpSync('node_modules/@turf/turf/turf.min.js', join(site, 'turf.min.js'));
  cpSync('node_modules/flatbush/flatbush.js', join(site, 'flatbush.js'));
  cpSync('dist/js-api', join(site, 'js-api'), { recursive: true });
  for (const n of SIZES) {
    for (const d of [`data-${n}`, `data-${n}-packed`]) {
      if (!existsSync(join(ROOT, d))) throw new Error(`${join(ROOT, d)} is missing: run scripts/bench.sh`);
      symlinkSync(join(ROOT, d), join(site, d));
    }
  }
  return site;
}

/** A copy of dist/ (the real app) with the reference page beside it, serving data-N(-packed). */
function prepareAppSite(n, format) {
  const site = join(ROOT, `app-${n}-${format}`);
  const data = { pack: `data-${n}-packed`, geojson: `data-${n}`, zones: 'zones-only' }[format];
  appSiteWithPeer(site, join(ROOT, data));
  return site;
}

/** The zone layers without a parcel layer: what a point link needs (see the first-answer test). */
function prepareZonesOnly() {
  const dir = join(ROOT, 'zones-only');
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'zones'), dir, { recursive: true });
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  delete m.parcels;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
}

const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'];

// ---------------------------------------------------------------------------------------------

async function sideRun(browser, port, page_, base, { n, answers, overlaps = true, byArea = false }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await page.goto(`http://127.0.0.1:${port}/${page_}`);
  await page.waitForFunction(() => window.sideReady === true, null, { timeout: 60_000 });
  const r = { load: await page.evaluate((a) => window.side.load(a), { base, options: { byArea } }) };
  r.memory = await page.evaluate(() => window.side.memory());
  await cdp.send('HeapProfiler.collectGarbage');
  r.memory.cdp_heap_used = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const envelope = JSON.parse(readFileSync(join(ROOT, `data-${n}`, 'manifest.json'), 'utf8')).city.envelope;
  r.queries = await page.evaluate((a) => window.side.queries(a), { envelope, n: POINTS, seed: POINT_SEED, settle: SETTLE });
  if (overlaps) r.overlaps = await page.evaluate((a) => window.side.overlaps(a), { n: PLOTS, seed: PLOT_SEED });
  if (answers) r.answers = await page.evaluate((a) => window.side.answers(a), answers);
  if (errors.length) throw new Error(`${page_} ${base}: ${errors.join('; ')}`);
  await context.close();
  return r;
}

// ---------------------------------------------------------------------------------------------

const site = prepareSite();
const port = 4401;
const server = await startServer(site, port, '127.0.0.1', { secure: false });
const browser = await chromium.launch({ executablePath: env('CHROMIUM', '/usr/bin/chromium'), args: launchArgs });
const browserVersion = browser.version();
const results = { versions: { ...versions, chromium: browserVersion }, runs: RUNS, points: POINTS, plots: PLOTS, sizes: {} };
const fx = JSON.parse(readFileSync('tests/fixtures/sample-points.json', 'utf8')).worn_block.point;

for (const n of SIZES) {
  const base = `data-${n}/`;
  const envelope = JSON.parse(readFileSync(join(ROOT, `data-${n}`, 'manifest.json'), 'utf8')).city.envelope;
  const probes = makeProbes(join(ROOT, `data-${n}`), n);
  const randomPts = Array.from(randomPoints(envelope, POINTS, POINT_SEED));
  const probePts = probes.flatMap((q) => q.p);
  const agreementPlots = randomIndexes(n, PLOTS, PLOT_SEED).slice(0, PLOTS);
  const answers = { points: [...randomPts, ...probePts], plots: agreementPlots };
  const runs = { peer: [], baft: [], pack: [], area: [] };
  for (let r = 0; r < RUNS; r++) {
    const first = r === 0 ? answers : null;
    runs.peer.push(await sideRun(browser, port, 'peer.html', base, { n, answers: first }));
    runs.baft.push(await sideRun(browser, port, 'baft-side.html', base, { n, answers: first }));
    runs.pack.push(await sideRun(browser, port, 'baft-side.html', `data-${n}-packed/`, { n, answers: null, overlaps: false }));
    runs.area.push(await sideRun(browser, port, 'baft-side.html', `data-${n}-packed/`, { n, answers: null, overlaps: false, byArea: true }));
    process.stderr.write(`  ${n}: run ${r + 1}/${RUNS} done\n`);
  }
  const med = (side, f) => median(runs[side].map(f));
  const s = {};
  for (const side of ['peer', 'baft', 'pack', 'area']) {
    s[side] = {
      fetch_ms: med(side, (x) => x.load.fetch_ms),
      parse_index_ms: med(side, (x) => x.load.parse_index_ms),
      load_ms: med(side, (x) => x.load.fetch_ms + x.load.parse_index_ms),
      point_us: med(side, (x) => x.queries.point_us),
      next_point_us: med(side, (x) => x.queries.next_point_us),
      settled_point_us: med(side, (x) => x.queries.settled_point_us ?? null),
      settled_again_us: med(side, (x) => x.queries.settled_again_us ?? null),
      engine_us: med(side, (x) => x.queries.engine_us ?? null),
      check_us: med(side, (x) => x.queries.check_us ?? null),
      locate_us: med(side, (x) => x.queries.locate_us ?? null),
      parcel_us: med(side, (x) => x.queries.parcel_us ?? null),
      parcel_hits: runs[side][0].queries.parcel_hits ?? null,
      locate_mismatch: runs[side][0].queries.locate_mismatch ?? null,
      plot_us: side === 'pack' || side === 'area' ? null : med(side, (x) => x.overlaps.plot_us),
      js_heap_mb: med(side, (x) => MB(x.memory.js_heap_used)),
      cdp_heap_mb: med(side, (x) => MB(x.memory.cdp_heap_used)),
      wasm_mb: med(side, (x) => MB(x.memory.wasm_bytes)),
    };
    s[side].total_mb = s[side].cdp_heap_mb + s[side].wasm_mb;
    s[side].parcels = runs[side][0].load.parcels;
  }
  const a0 = (side) => runs[side][0].answers;
  const randomCount = POINTS;
  const agreement = {
    random: compare({ ...a0('peer'), points: a0('peer').points.slice(0, randomCount) }, { ...a0('baft'), points: a0('baft').points.slice(0, randomCount) }, randomPts, null),
    probes: compare({ ...a0('peer'), points: a0('peer').points.slice(randomCount) }, { ...a0('baft'), points: a0('baft').points.slice(randomCount) }, probePts, probes.map((q) => q.kind)),
    plots: comparePlots(a0('peer'), a0('baft'), agreementPlots),
  };
  const sizeOf = (p) => statSync(join(ROOT, p)).size;
  const m = JSON.parse(readFileSync(join(ROOT, `data-${n}`, 'manifest.json'), 'utf8'));
  const files = currentFiles(m);
  const bytes = {
    zones: files.layers.reduce((t, l) => t + sizeOf(`data-${n}/${l.file}`), 0),
    parcels_geojson: sizeOf(`data-${n}/${files.parcels.file}`),
    parcels_pack: sizeOf(`data-${n}-packed/parcels/parcels.fgb`),
  };
  results.sizes[n] = { medians: s, agreement, bytes, raw: runs };
  for (const side of ['peer', 'baft']) for (const x of runs[side]) delete x.answers;
}

// Time to first answer for a #p= link, CPU throttled 4×: the real app (dist/) vs peer.html.
for (const n of SIZES) {
  const t = { peer: [], app: [], app_pack: [] };
  for (const format of ['geojson', 'pack']) {
    const dir = prepareAppSite(n, format);
    const p = port + 10 + (format === 'pack' ? 1 : 0);
    const srv = await startServer(dir, p, '127.0.0.1');
    const hash = `#p=${fx.lat},${fx.lon}`;
    for (let r = 0; r < TTFA_RUNS; r++) {
      if (format === 'geojson') t.peer.push(await firstAnswer(browser, `http://127.0.0.1:${p}/peer.html${hash}`));
      t[format === 'pack' ? 'app_pack' : 'app'].push(await firstAnswer(browser, `http://127.0.0.1:${p}/${hash}`));
    }
    srv.close();
    rmSync(dir, { recursive: true, force: true });
  }
  results.sizes[n].ttfa = {
    peer_ms: median(t.peer.map((x) => x.ms)),
    app_ms: median(t.app.map((x) => x.ms)),
    app_pack_ms: median(t.app_pack.map((x) => x.ms)),
    peer_visible_ms: median(t.peer.map((x) => x.visible)),
    app_visible_ms: median(t.app.map((x) => x.visible)),
    app_pack_visible_ms: median(t.app_pack.map((x) => x.visible)),
    raw: t,
  };
  process.stderr.write(`  ${n}: first answer done\n`);
}
// The same without any parcel layer: the app answers a link only when every listed file is in,
// so this is what it would take if a point link were answered as soon as the zones are in.
{
  prepareZonesOnly();
  const dir = prepareAppSite(0, 'zones');
  const p = port + 20;
  const srv = await startServer(dir, p, '127.0.0.1');
  const hash = `#p=${fx.lat},${fx.lon}`;
  const t = { peer: [], app: [] };
  const slow = { peer: [], app: [] };
  for (let r = 0; r < TTFA_RUNS; r++) {
    t.peer.push(await firstAnswer(browser, `http://127.0.0.1:${p}/peer.html${hash}`));
    t.app.push(await firstAnswer(browser, `http://127.0.0.1:${p}/${hash}`));
  }
  // The same over a phone's network (the app's module and the peer's Turf are then downloaded
  // at 6.4 Mbit/s; a round trip costs 150 ms).
  for (let r = 0; r < TTFA_RUNS; r++) {
    slow.peer.push(await firstAnswer(browser, `http://127.0.0.1:${p}/peer.html${hash}`, PHONE_NETWORK));
    slow.app.push(await firstAnswer(browser, `http://127.0.0.1:${p}/${hash}`, PHONE_NETWORK));
  }
  srv.close();
  rmSync(dir, { recursive: true, force: true });
  const medians = (x) => ({
    peer_ms: median(x.peer.map((y) => y.ms)), app_ms: median(x.app.map((y) => y.ms)),
    peer_visible_ms: median(x.peer.map((y) => y.visible)), app_visible_ms: median(x.app.map((y) => y.visible)), raw: x,
  });
  results.ttfa_zones_only = medians(t);
  results.ttfa_zones_only_phone_network = medians(slow);
}

await browser.close();
server.close();
writeFileSync(join(ROOT, 'results.json'), JSON.stringify(results, null, 2));

// ---------------------------------------------------------------------------------------------
// Report

console.log(`browser: Chromium ${browserVersion} (headless) · Turf ${versions.turf} · Flatbush ${versions.flatbush} · Baft ${versions.baft}`);
console.log(`medians of ${RUNS} runs; ${POINTS.toLocaleString('en')} random points in the city envelope; ${PLOTS} random plots; first answer: ${TTFA_RUNS} runs, CPU throttled ${THROTTLE}×`);
console.log('');
console.log('| parcels | measure | peer (Turf + Flatbush) | Baft (GeoJSON) | Baft (.fgb) | Baft (.fgb by area) | Baft ÷ peer (GeoJSON · fgb · by area) |');
console.log('|---:|---|---:|---:|---:|---:|---:|');
for (const n of SIZES) {
  const { medians: s, ttfa, bytes } = results.sizes[n];
  const some = (x) => x !== null && x !== undefined;
  const row = (label, p, b, k, d = 1, a = null) => console.log(`| ${n.toLocaleString('en')} | ${label} | ${fmt(p, d)} | ${fmt(b, d)} | ${fmt(k, d)} | ${fmt(a, d)} | ${ratio(b, p)}${some(k) ? ` · ${ratio(k, p)}` : ''}${some(a) ? ` · ${ratio(a, p)}` : ''} |`);
  row(`files (MB: zones + parcels)`, MB(bytes.zones + bytes.parcels_geojson), MB(bytes.zones + bytes.parcels_geojson), MB(bytes.zones + bytes.parcels_pack));
  row('fetch (ms, localhost; by area: zones + the first 16 KB)', s.peer.fetch_ms, s.baft.fetch_ms, s.pack.fetch_ms, 1, s.area.fetch_ms);
  row('parse + index (ms)', s.peer.parse_index_ms, s.baft.parse_index_ms, s.pack.parse_index_ms, 1, s.area.parse_index_ms);
  row('ready to answer any point: fetch + parse + index (ms)', s.peer.load_ms, s.baft.load_ms, s.pack.load_ms, 1, s.area.load_ms);
  row('point query: plot + zone ids (µs; Baft: locate; by area: its plots read first, fetches included)', s.peer.point_us, s.baft.point_us, s.pack.point_us, 2, s.area.point_us);
  row(`· the next ${POINTS.toLocaleString('en')} points, another seed: code warmer (not settled), plots mostly not met before (µs)`, s.peer.next_point_us, s.baft.next_point_us, s.pack.next_point_us, 2, s.area.next_point_us);
  row(`· settled: ${SETTLE.toLocaleString('en')} queries later (both sides' hot code optimised), ${POINTS.toLocaleString('en')} new points (µs)`, s.peer.settled_point_us, s.baft.settled_point_us, s.pack.settled_point_us, 2);
  row('· settled, the same points again: plots met before (µs)', s.peer.settled_again_us, s.baft.settled_again_us, s.pack.settled_again_us, 2);
  row('· locate alone, without the id lookups (µs)', null, s.baft.locate_us, s.pack.locate_us, 2);
  row('display answer checkPoint (µs)', null, s.baft.check_us, s.pack.check_us, 2);
  row('parcelAt alone (µs)', null, s.baft.parcel_us, s.pack.parcel_us, 2);
  row('point, all in one call (µs; locateMany)', null, s.baft.engine_us, s.pack.engine_us, 2);
  row('· points where locate and checkPoint differ (must be 0)', null, s.baft.locate_mismatch, s.pack.locate_mismatch, 0);
  row('plot % overlap (µs; Baft: parcelShares)', s.peer.plot_us, s.baft.plot_us, null, 0);
  row('JS heap after load (MB)', s.peer.cdp_heap_mb, s.baft.cdp_heap_mb, s.pack.cdp_heap_mb, 1, s.area.cdp_heap_mb);
  row('wasm memory (MB)', s.peer.wasm_mb, s.baft.wasm_mb, s.pack.wasm_mb, 1, s.area.wasm_mb);
  row('memory total after load (MB)', s.peer.total_mb, s.baft.total_mb, s.pack.total_mb, 1, s.area.total_mb);
  row(`first answer, #p= link, CPU ${THROTTLE}× (ms; Baft: the app)`, ttfa.peer_ms, ttfa.app_ms, ttfa.app_pack_ms, 0);
  row('· its text painted (ms; Element Timing)', ttfa.peer_visible_ms, ttfa.app_visible_ms, ttfa.app_pack_visible_ms, 0);
}
{
  const z = results.ttfa_zones_only;
  console.log(`| — | first answer, zone layers only (no parcel layer), CPU ${THROTTLE}× (ms) | ${fmt(z.peer_ms, 0)} | ${fmt(z.app_ms, 0)} | — | ${ratio(z.app_ms, z.peer_ms)} |`);
  console.log(`| — | · its text painted (ms; Element Timing) | ${fmt(z.peer_visible_ms, 0)} | ${fmt(z.app_visible_ms, 0)} | — | ${ratio(z.app_visible_ms, z.peer_visible_ms)} |`);
  const w = results.ttfa_zones_only_phone_network;
  console.log(`| — | the same over a phone's network (150 ms round trips, 6.4 Mbit/s) (ms) | ${fmt(w.peer_ms, 0)} | ${fmt(w.app_ms, 0)} | — | ${ratio(w.app_ms, w.peer_ms)} |`);
  console.log(`| — | · its text painted (ms; Element Timing) | ${fmt(w.peer_visible_ms, 0)} | ${fmt(w.app_visible_ms, 0)} | — | ${ratio(w.app_visible_ms, w.peer_visible_ms)} |`);
}
console.log('');
for (const n of SIZES) {
  const a = results.sizes[n].agreement;
  console.log(`agreement at ${n.toLocaleString('en')} parcels: random points ${a.random.agree}/${a.random.points} agree; probes near edges ${a.probes.agree}/${a.probes.points} agree; plots ${a.plots.agree}/${a.plots.plots} within 0.1 pp (max difference ${a.plots.max_abs_diff_pp.toExponential(2)} pp)`);
  for (const k of [...a.random.kinds, ...a.probes.kinds]) console.log(`  - ${k.kind}: ${k.count} — e.g. ${k.example}`);
  for (const e of a.plots.examples) console.log(`  - plot difference: ${e}`);
}
console.log(`\nfull results: ${join(ROOT, 'results.json')}`);
