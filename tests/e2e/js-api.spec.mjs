// The JS API for integrators (dist/js-api/): the example page and the module itself give the
// same answers as the CLI (the same core, run natively), under a strict CSP, with no request
// beyond the data files.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT, cliCheck, cliPlot, persianDigits } from './helpers.mjs';

/** The CLI's JSON for any `baft check` arguments. */
function cli(args) {
  const out = execFileSync(join(ROOT, 'target/release/baft'), ['check', '--data', join(ROOT, 'data'), '--json', ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out);
}

/** Opens the example with off-origin requests blocked and recorded, errors (CSP included) recorded. */
async function openExample(page) {
  const offOrigin = [];
  const errors = [];
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
    offOrigin.push(u.href);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // Console errors include CSP violations; a missing favicon is not the API's.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  await page.goto('/js-api/example.html');
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
  return { offOrigin, errors };
}

async function ask(page, text, facts = '') {
  await page.locator('#q').fill(text);
  await page.locator('#facts').fill(facts);
  await page.locator('#check').click();
}

const answer = (page) => page.locator('#answer');

/** Every layer's status and every package's verdict on the page equal the CLI's. */
async function expectSameAsCli(page, cliJson) {
  const layers = cliJson.result.layers;
  expect(layers.length).toBeGreaterThan(0);
  await expect(answer(page).locator('[data-layer]')).toHaveCount(layers.length);
  for (const l of layers) {
    await expect(answer(page).locator(`[data-layer="${l.layer.id}"]`), l.layer.id).toHaveAttribute('data-status', l.status);
    await expect(answer(page).locator(`[data-layer="${l.layer.id}"] [data-version]`)).toHaveAttribute('data-version', l.layer.version.id);
  }
  const results = cliJson.incentives?.results ?? [];
  expect(results.length).toBeGreaterThan(0);
  await expect(answer(page).locator('[data-package]')).toHaveCount(results.length);
  for (const r of results) {
    await expect(answer(page).locator(`[data-package="${r.package.id}"]`), r.package.id).toHaveAttribute('data-verdict', r.status);
  }
}

test('the example page answers fixture points as the CLI does, layer by layer, with packages', async ({ page }) => {
  const { offOrigin, errors } = await openExample(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  const names = ['worn_block', 'informal_inside', 'informal_hole', 'historic_inside', 'neighbourhood_block', 'outside_all', 'added_1402', 'removed_1402'];
  const seen = new Set();
  for (const name of names) {
    const p = FX[name].point;
    const text = `${p.lat}, ${p.lon}`;
    await ask(page, text);
    await expect(answer(page)).toHaveAttribute('data-kind', 'point');
    const want = cliCheck(text);
    await expectSameAsCli(page, want);
    for (const l of want.result.layers) seen.add(l.status);
  }
  // The boundary case: the midpoint of a worn-out block's south edge.
  const edge = FX.worn_block.south_edge_midpoint;
  await ask(page, `${edge.lat}, ${edge.lon}`);
  await expectSameAsCli(page, cliCheck(`${edge.lat}, ${edge.lon}`));
  await expect(answer(page).locator('[data-layer="worn-out-fabric"]')).toHaveAttribute('data-status', 'on_boundary');
  expect(seen.has('inside') && seen.has('outside')).toBe(true);
  // Persian digits and UTM figures read as the CLI reads them.
  const w = FX.worn_block.point;
  await ask(page, persianDigits(`${w.lat}، ${w.lon}`));
  await expectSameAsCli(page, cliCheck(`${w.lat}, ${w.lon}`));
  const utm = `E ${w.utm39n[0]} N ${w.utm39n[1]}`;
  await ask(page, utm);
  await expectSameAsCli(page, cliCheck(utm));
  // Facts change the verdicts exactly as the CLI's --facts do.
  const facts = 'area=180,street=8,units=4,use=residential,axis=no';
  await ask(page, `${w.lat}, ${w.lon}`, facts);
  await expectSameAsCli(page, cli(['--point', `${w.lat}, ${w.lon}`, '--facts', facts]));
  await expect(answer(page).locator('[data-verdict="applies"]').first()).toBeVisible();
  expect(offOrigin).toEqual([]);
  expect(errors).toEqual([]);
});

test('a plot outline pasted as GeoJSON: partly inside, with the CLI’s percentage', async ({ page }) => {
  const { errors } = await openExample(page);
  const file = join(ROOT, 'tests/fixtures', FX.straddling_plot.file);
  await ask(page, readFileSync(file, 'utf8'));
  await expect(answer(page)).toHaveAttribute('data-kind', 'plot');
  const want = cli(['--plot', file]);
  for (const l of want.result.layers) {
    const el = answer(page).locator(`[data-layer="${l.layer.id}"]`);
    await expect(el).toHaveAttribute('data-status', l.status);
    const pct = Number(await el.getAttribute('data-percent'));
    expect(Math.abs(pct - l.share * 100), l.layer.id).toBeLessThan(0.1);
  }
  const worn = answer(page).locator('[data-layer="worn-out-fabric"]');
  await expect(worn).toHaveAttribute('data-status', 'partly_inside');
  expect(Math.abs(Number(await worn.getAttribute('data-percent')) - FX.straddling_plot.expected_share * 100)).toBeLessThan(2);
  await expect(answer(page).locator('[data-package]').first()).toBeAttached();
  expect(errors).toEqual([]);
});

test('invalid input shows a localised error and the page keeps working', async ({ page }) => {
  const { errors } = await openExample(page);
  await ask(page, 'xyz?!');
  await expect(page.locator('#error')).toBeVisible();
  await expect(page.locator('#error')).toContainText('پیدا نشد');
  await expect(answer(page).locator('[data-layer]')).toHaveCount(0);
  // Switching language repeats the last check: the same error, in English.
  await page.locator('#lang').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#error')).toContainText('Nothing found for');
  await ask(page, '35.7, 51.1', 'colour=red');
  await expect(page.locator('#error')).toContainText('Unknown fact');
  const p = FX.informal_inside.point;
  await ask(page, `${p.lat}, ${p.lon}`);
  await expect(page.locator('#error')).toBeHidden();
  await expect(answer(page).locator('[data-layer="informal-settlement"]')).toHaveAttribute('data-status', 'inside');
  await expect(answer(page)).toContainText('Inside the informal settlement');
  expect(errors).toEqual([]);
});

test('the module itself: loadBaft, check, plates, errors, and the low-level text/bytes API', async ({ page }) => {
  const { errors } = await openExample(page);
  const w = FX.worn_block.point;
  const got = await page.evaluate(async ({ lat, lon }) => {
    const m = await import('/js-api/baft.mjs');
    let progress = 0;
    const baft = await m.loadBaft('/data/', { lang: 'en', onProgress: () => { progress += 1; } });
    baft.setDate('2026-11-26');
    const a = baft.check(`${lat}, ${lon}`);
    const plate = baft.check('121/1');
    // Persian sentences and messages keep ids whole in a right-to-left page (U+2066…U+2069).
    baft.setLanguage('fa');
    const worn = baft.check(`${lat}, ${lon}`).layers.find((l) => l.id === 'worn-out-fabric');
    let faError = null;
    try { baft.zoneIds('layer-9'); } catch (e) { faError = e.message; }
    baft.setLanguage('en');
    let error = null;
    try { baft.check('xyz?!'); } catch (e) { error = e instanceof Error ? e.message : String(e); }
    let unknown = null;
    try { baft.addFileText('nope.geojson', '{}'); } catch (e) { unknown = e.message; }
    // Low level: every file as bytes, parsed in Rust.
    const manifest = await (await fetch('/data/manifest.json')).text();
    const low = new m.Baft(manifest, 'en');
    low.setDate('1405/09/05');
    for (const f of low.files()) {
      const bytes = new Uint8Array(await (await fetch('/data/' + f.path)).arrayBuffer());
      low.addFileBytes(f.path, bytes);
    }
    const b = low.checkPoint(lon, lat);
    const result = {
      files: baft.files(),
      progress,
      problems: baft.problems(),
      dataVersion: baft.dataVersion,
      kind: a.kind,
      layers: a.layers.map((l) => [l.id, l.status, l.version.id]),
      packages: a.packages.map((p) => [p.id, p.verdict]),
      reportLayers: a.report.layers.length,
      plate: { kind: plate.kind, plotId: plate.plot?.plotId, layers: plate.layers.map((l) => [l.id, l.status]) },
      error,
      unknown,
      fa: { sentence: worn.sentence, zone: worn.zones[0].id, error: faError },
      low: { layers: b.layers.map((l) => [l.id, l.status, l.version.id]), packages: b.packages.map((p) => [p.id, p.verdict]) },
      codes: Array.from(baft.statusCodes(new Float64Array([lon, lat]))),
      // The lean query: statuses and zone ids by layer, and the plot under the point.
      located: (() => {
        const r = baft.locate(lon, lat);
        const order = baft.locateLayers();
        return {
          plot: r[0],
          parcelAt: baft.parcelAt(lon, lat) ?? -1,
          layers: order.map((id, k) => [id, r[1 + 2 * k], r[2 + 2 * k] >= 0 ? baft.zoneIds(id)[r[2 + 2 * k]] : null]),
          many: Array.from(baft.locateMany(new Float64Array([lon, lat, lon, lat]))),
          one: Array.from(r),
          far: Array.from(baft.locate(51.0, 35.0)),
        };
      })(),
      // The lean plot query against the whole answer, for the plot under the point.
      shares: (() => {
        const i = baft.parcelAt(lon, lat);
        const full = baft.checkParcel(i);
        const byId = Object.fromEntries(full.layers.map((l) => [l.id, l.percent]));
        return {
          lean: Array.from(baft.parcelShares(i)),
          full: baft.locateLayers().map((id) => byId[id]),
          past: baft.parcelShares(baft.parcelCount).length,
        };
      })(),
    };
    low.free();
    return result;
  }, w);
  const cli = cliCheck(`${w.lat}, ${w.lon}`);
  const dated = JSON.parse(execFileSync(join(ROOT, 'target/release/baft'),
    ['check', '--data', join(ROOT, 'data'), '--json', '--date', '2026-11-26', '--point', `${w.lat}, ${w.lon}`], { encoding: 'utf8' }));
  expect(got.kind).toBe('point');
  expect(got.fa.sentence).toContain(`\u2066${got.fa.zone}\u2069`);
  expect(got.fa.error).toContain('\u2066layer-9\u2069');
  expect(got.fa.error).toMatch(/[\u0600-\u06FF]/);
  expect(got.files[0].kind).toBe('layer');
  expect(got.files.map((f) => f.path)).toContain('packages.json');
  expect(got.progress).toBe(got.files.length);
  expect(got.problems).toEqual([]);
  expect(got.dataVersion).toBe(cli.result.data_version);
  expect(got.layers).toEqual(cli.result.layers.map((l) => [l.layer.id, l.status, l.layer.version.id]));
  expect(got.reportLayers).toBe(cli.result.layers.length);
  expect(got.packages).toEqual(dated.incentives.results.map((r) => [r.package.id, r.status]));
  expect(got.low.layers).toEqual(got.layers);
  expect(got.low.packages).toEqual(got.packages);
  expect(got.codes).toEqual(cli.result.layers.map((l) => ({ outside: 0, on_boundary: 1, inside: 2 })[l.status]));
  const code = { outside: 0, on_boundary: 1, inside: 2 };
  expect(Object.fromEntries(got.located.layers.map(([id, st]) => [id, st])))
    .toEqual(Object.fromEntries(cli.result.layers.map((l) => [l.layer.id, code[l.status]])));
  for (const [id, st, zone] of got.located.layers) {
    const l = cli.result.layers.find((x) => x.layer.id === id);
    if (st === 0) expect(zone).toBeNull();
    else expect(l.zones.map((z) => z.id)).toContain(zone);
  }
  expect(got.located.layers.find(([id]) => id === 'worn-out-fabric')[2]).toBe(FX.worn_block.block_id);
  expect(got.located.plot).toBe(got.located.parcelAt);
  expect(got.shares.lean).toEqual(got.shares.full);
  expect(got.shares.lean.some((p) => p > 99)).toBe(true); // the worn-out block's plot is inside it
  expect(got.shares.past).toBe(0);
  expect(got.located.many).toEqual([...got.located.one, ...got.located.one]);
  // A place outside everything reads as such.
  expect(got.located.far).toEqual([-1, ...got.located.layers.flatMap(() => [0, -1])]);
  // A registration plate finds the surveyed plot, as in the CLI.
  const plate = cliCheck('121/1');
  expect(got.plate.kind).toBe('plot');
  expect(got.plate.plotId).toBe(plate.parcel.plot_id);
  expect(got.plate.layers).toEqual(plate.result.layers.map((l) => [l.layer.id, l.status]));
  expect(got.error).toContain('Nothing found for');
  expect(got.unknown).toContain('nope.geojson');
  expect(errors).toEqual([]);
});

test('the example page in Persian: unmet conditions point the way the line reads, and a street is not offered as a plot', async ({ page }) => {
  const { errors } = await openExample(page);
  const w = FX.worn_block.point;
  await ask(page, `${w.lat}, ${w.lon}`, 'area=150,street=8');
  const unmet = answer(page).locator('[data-verdict="does_not_apply"] .small').first();
  await expect(unmet).toContainText(' ← ');
  await expect(unmet).not.toContainText('→');
  // A street found by name is listed with what to give instead, not as a button that fails.
  await ask(page, 'خیابان سرو');
  await expect(answer(page)).toHaveAttribute('data-kind', 'choices');
  await expect(answer(page).getByText('خیابان سرو — خیابان یا مکان است، نه ملک')).toBeVisible();
  await expect(answer(page).getByRole('button')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the JS API reads by area a parcel file whose header is longer than its first request', async ({ page }, info) => {
  // GDAL writes the sample's plots as FlatGeobuf with twenty long columns: a 20 KB header (many
  // attributes, long names), more than the first 16 KB asked for.
  const fgb = info.outputPath('long-header.fgb');
  const sql = `SELECT *, ${Array.from({ length: 20 }, (_, i) => `'x' AS c${i}_${'a'.repeat(900)}`).join(', ')} FROM parcels`;
  execFileSync('ogr2ogr', ['-f', 'FlatGeobuf', fgb, join(ROOT, 'data/parcels/parcels.geojson'), '-dialect', 'OGRSQL', '-sql', sql]);
  const bytes = readFileSync(fgb);
  expect(bytes.readUInt32LE(8)).toBeGreaterThan(16 * 1024);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'data/manifest.json'), 'utf8'));
  manifest.parcels.file = 'parcels/long-header.fgb';
  const asked = [];
  await openExample(page);
  // The same data under /long/, its parcel file this one, served with Range as a static host does.
  await page.route('**/long/**', (route) => {
    const path = new URL(route.request().url()).pathname.slice('/long/'.length);
    if (path === 'manifest.json') return route.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) });
    if (path !== manifest.parcels.file) return route.fulfill({ path: join(ROOT, 'data', path) });
    const range = route.request().headers().range;
    asked.push(range ?? null);
    const m = /bytes=(\d+)-(\d+)/.exec(range ?? '');
    if (!m) return route.fulfill({ body: bytes });
    const [a, b] = [Number(m[1]), Math.min(Number(m[2]), bytes.length - 1)];
    return route.fulfill({ status: 206, headers: { 'content-range': `bytes ${a}-${b}/${bytes.length}` }, body: bytes.subarray(a, b + 1) });
  });
  const { lon, lat, plotId } = cliPlot(join(ROOT, 'data'), '121/1');
  const got = await page.evaluate(async ({ lat, lon }) => {
    const m = await import('/js-api/baft.mjs');
    const baft = await m.loadBaft('/long/', { lang: 'en', ranges: true });
    const requests = await m.readParcelsAt(baft, lon, lat);
    const i = baft.parcelAt(lon, lat);
    // A plate among the plots read is found; one that is not may be in the rest: said so.
    const found = baft.check('121/1').plot?.plotId;
    let elsewhere;
    try { baft.check('999/999'); } catch (e) { elsewhere = e.message; }
    return { byRanges: baft.parcelsByRanges, requests, plot: i === undefined ? null : baft.checkParcel(i).plot.plotId, found, elsewhere };
  }, { lat, lon });
  expect(got.found).toBe(plotId);
  expect(got.elsewhere).toContain("can't all be searched at once");
  expect(got.byRanges).toBe(true);
  expect(asked.slice(0, 2)).toEqual(['bytes=0-16383', `bytes=0-${bytes.readUInt32LE(8) + 12 - 1}`]);
  expect(asked.every((r) => r !== null)).toBe(true); // never the whole file
  expect(got.requests).toBeGreaterThan(0);
  expect(got.plot).toBe(plotId);
});
