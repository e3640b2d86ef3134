// Large data: the 200,000-plot parcel layer, as FlatGeobuf, loads in the browser and answers.
// Prepared by scripts/test.sh (target/dist-200k: the built app with the 200k layer from baft pack).
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, cliPlot, mapSettled, onLargeSite } from './helpers.mjs';
import { startServer } from '../../scripts/serve-dist.mjs';

const SITE = join(ROOT, 'target/dist-200k');

test('the 200,000-plot FlatGeobuf layer loads progressively, stays responsive and answers plate searches', async ({ page }) => {
  await onLargeSite(180_000, async (SITE) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto('http://127.0.0.1:4188/');
    // A plot near the centre answers while the rest still loads (read first by the file's index).
    await expect(page.locator('button.primary')).toBeEnabled({ timeout: 30_000 });
    // The plot at the grid's centre (block 71 × 142 + 71 of the generator): among the nearest.
    await page.locator('#q').fill('1020/1531');
    await expect(async () => {
      await page.locator('#q').press('Enter');
      await expect(page.locator('.survey')).toContainText('BP-', { timeout: 300 });
    }).toPass({ timeout: 120_000 });
    const firstAnswer = Date.now() - t0;
    await expect(page.locator('.loading')).toHaveCount(0, { timeout: 120_000 });
    const loaded = Date.now() - t0;
    // The farthest plots are there too.
    await page.locator('#q').fill('1000/1'); // a plot at the edge: there once all is loaded
    await page.locator('#q').press('Enter');
    await expect(page.locator('.survey')).toContainText('BP-', { timeout: 10_000 });
    // The page stays responsive: zooming in draws only the plots in view.
    const t1 = Date.now();
    await page.locator('.leaflet-control-zoom-in').click();
    await page.locator('.leaflet-control-zoom-in').click();
    await page.waitForTimeout(500);
    const ms = await page.evaluate(() => new Promise((ok) => { const s = performance.now(); requestAnimationFrame(() => ok(performance.now() - s)); }));
    expect(ms).toBeLessThan(1000);
    expect(Date.now() - t1).toBeLessThan(10_000);
    expect(errors).toEqual([]);
    console.log(`200k fgb: first plate answer (centre) ${firstAnswer} ms, fully loaded ${loaded} ms`);
    expect(firstAnswer).toBeLessThan(loaded); // progressive: the centre answers before the edges load
  });
});

/** Taps the map around its centre until a surveyed plot answers (streets lie between plots). */
async function tapAPlot(page) {
  await mapSettled(page);
  const box = await page.locator('.map').boundingBox();
  const offsets = [[0, 0], [12, 0], [0, 12], [-12, 0], [0, -12], [24, 24], [-24, -24], [24, -24], [-24, 24]];
  for (const [dx, dy] of offsets) {
    await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
    try {
      await expect(page.locator('.survey')).toContainText('BP-', { timeout: 5_000 });
      return;
    } catch { /* a street: the next spot */ }
  }
  throw new Error('no plot around the map centre');
}

test('on a server that honours Range, a tapped plot answers from a few ranges before the whole file arrives', async ({ page }) => {
  test.skip(!existsSync(SITE), 'run scripts/test.sh to prepare target/dist-200k');
  test.setTimeout(120_000);
  const server = await startServer(SITE, 4188, '127.0.0.1');
  const held = [];
  const ranges = [];
  try {
    // The whole file (asked without Range, after the first answer) is held back: whatever
    // answers meanwhile came from the ranges.
    await page.route('**/parcels/parcels.fgb', (route) => {
      const range = route.request().headers().range;
      if (range) { ranges.push(range); route.continue(); } else held.push(route);
    });
    const sizes = [];
    page.on('response', async (res) => {
      if (res.url().endsWith('parcels.fgb') && res.request().headers().range) {
        sizes.push({ status: res.status(), bytes: (await res.body()).length });
      }
    });
    await page.goto('http://127.0.0.1:4188/');
    await expect(page.getByRole('button', { name: 'بررسی مرکز نقشه' })).toBeEnabled({ timeout: 30_000 });
    expect(ranges[0]).toBe('bytes=0-16383');
    // Plot 1020/1531's inner point, as the CLI answers it on the same file; the typed point
    // centres the map on it (its plots in view are read by ranges and drawn), and a tap there
    // selects the plot.
    const { lon, lat, plotId } = cliPlot(join(SITE, 'data'), '1020/1531');
    await page.locator('#q').fill(`${lat}, ${lon}`);
    await page.locator('#q').press('Enter');
    await expect(page.locator('.result')).toContainText('بافت فرسوده');
    // The view's reading settles.
    let seen = -1;
    await expect.poll(async () => { const was = seen; seen = sizes.length; await page.waitForTimeout(400); return was === sizes.length && sizes.length === ranges.length; }, { timeout: 30_000 }).toBe(true);
    const before = sizes.length;
    await mapSettled(page); // the answer moved the map: tap its centre once it is there
    const box = await page.locator('.map').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.locator('.survey')).toContainText(plotId);
    await expect.poll(() => sizes.length === ranges.length).toBe(true);
    const tap = sizes.slice(before);
    const tapBytes = tap.reduce((n, r) => n + r.bytes, 0);
    console.log(`200k by ranges: ${ranges.length} range requests in all (${sizes.reduce((n, r) => n + r.bytes, 0)} bytes); the tap: ${tap.length} requests, ${tapBytes} bytes`);
    expect(sizes.every((r) => r.status === 206)).toBe(true);
    expect(tap.length).toBeLessThanOrEqual(6);
    expect(tapBytes).toBeLessThanOrEqual(64 * 1024);
    expect(held.length).toBeLessThanOrEqual(1); // the whole file: asked for, never sent
    // Reading by area is not a problem with the data (no "no usable feature" for a layer
    // whose plots are read where asked).
    await expect(page.locator('.problems')).toHaveCount(0);
    // The whole file now comes (read in place, the plots read first renumbered): the answer
    // stays, the tapped plot's plate finds it, and a plate at the far edge is found.
    expect(held.length).toBe(1);
    await held.shift().continue();
    await expect(page.locator('.loading')).toHaveCount(0, { timeout: 60_000 });
    await expect(page.locator('.survey')).toContainText(plotId);
    const requests = ranges.length;
    // A plot at the far edge by its plate, then the tapped plot by its plate again.
    await page.locator('#q').fill('1000/1');
    await page.locator('#q').press('Enter');
    await expect(page.locator('.survey')).not.toContainText(plotId, { timeout: 10_000 });
    await expect(page.locator('.survey')).toContainText('BP-');
    await page.locator('#q').fill('1020/1531');
    await page.locator('#q').press('Enter');
    await expect(page.locator('.survey')).toContainText(plotId);
    expect(ranges.length).toBe(requests); // nothing more read by ranges
    await expect(page.locator('.problems')).toHaveCount(0);
  } finally {
    for (const r of held) await r.abort().catch(() => {});
    server.close();
  }
});

test('a plate typed while the plots arrive by area waits for the whole file, then is answered by itself', async ({ page }) => {
  await onLargeSite(120_000, async () => {
    // The plots around the centre come by range requests; the whole file (one request with no
    // Range) is held back, as on a slow line.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/parcels/parcels.fgb', async (route) => {
      if (!route.request().headers().range) await held;
      await route.continue();
    });
    await page.goto('http://127.0.0.1:4188/');
    await expect(page.locator('button.primary')).toBeEnabled({ timeout: 30_000 });
    // A plot at the grid's edge: not among the plots read around the centre.
    await page.locator('#q').fill('1000/1');
    await page.locator('#q').press('Enter');
    await expect(page.getByRole('alert')).toContainText('لایهٔ پلاک‌ها هنوز در حال بارگیری است');
    release();
    // No second Enter: the text that waited is asked again once the layer is whole.
    await expect(page.locator('.survey')).toContainText('BP-', { timeout: 90_000 });
  });
});

test('a whole parcel file cut short is refused: the plots go on being read by area, and a plate says to tap the map', async ({ page }) => {
  await onLargeSite(120_000, async (site) => {
    // The ranges come whole; the whole file (asked without Range) comes cut to half, as from a
    // connection dropped mid-body that the host still answered 200.
    let cut = 0;
    const ranges = [];
    await page.route('**/parcels/parcels.fgb', async (route) => {
      const range = route.request().headers().range;
      if (range) { ranges.push(range); return route.continue(); }
      const body = await (await route.fetch()).body();
      cut = body.length >> 1;
      await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: body.subarray(0, cut) });
    });
    await page.goto('http://127.0.0.1:4188/');
    await expect(page.locator('button.primary')).toBeEnabled({ timeout: 30_000 });
    await expect.poll(() => cut, { timeout: 60_000 }).toBeGreaterThan(0);
    await expect(page.locator('.loading')).toHaveCount(0, { timeout: 60_000 });
    // Said, naming the file and why, and not installed.
    await expect(page.locator('.problems')).toContainText('parcels.fgb');
    await expect(page.locator('.problems')).toContainText('fewer than the');
    // A plate at the far edge: the plots are read where asked only, and the search says so.
    await page.locator('#q').fill('1000/1');
    await page.locator('#q').press('Enter');
    await expect(page.getByRole('alert')).toContainText('فقط همان‌جا که می‌پرسید بارگیری می‌شوند');
    // That plot's point, far from the plots read first: its plots are read by ranges, and a
    // tap there answers it.
    const before = ranges.length;
    const { lon, lat, plotId } = cliPlot(join(site, 'data'), '1000/1');
    await page.locator('#q').fill(`${lat}, ${lon}`);
    await page.locator('#q').press('Enter');
    await expect(page.locator('.result')).toContainText('بافت فرسوده');
    await mapSettled(page);
    const box = await page.locator('.map').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.locator('.survey')).toContainText(plotId);
    expect(ranges.length).toBeGreaterThan(before);
  });
});

test('on a server that ignores Range, the whole parcel file is read and plates are found', async ({ page }) => {
  test.skip(!existsSync(SITE), 'run scripts/test.sh to prepare target/dist-200k');
  test.setTimeout(180_000);
  const server = await startServer(SITE, 4188, '127.0.0.1');
  let asked = 0;
  try {
    // A host without Range: every request for the file gets all of it, 200.
    await page.route('**/parcels/parcels.fgb', async (route) => {
      asked += 1;
      const headers = { ...route.request().headers() };
      delete headers.range;
      const res = await route.fetch({ headers });
      expect(res.status()).toBe(200);
      await route.fulfill({ response: res });
    });
    await page.goto('http://127.0.0.1:4188/');
    await expect(page.locator('button.primary')).toBeEnabled({ timeout: 20_000 });
    await expect(page.locator('.loading')).toHaveCount(0, { timeout: 150_000 });
    expect(asked).toBe(1); // the first answer was the whole file: not asked for twice
    await page.locator('#q').fill('1000/1');
    await page.locator('#q').press('Enter');
    await expect(page.locator('.survey')).toContainText('BP-', { timeout: 10_000 });
    await tapAPlot(page);
  } finally {
    server.close();
  }
});

test('the JS API reads the parcel layer by area: the plot at a point in a few ranges', async ({ page }) => {
  await onLargeSite(120_000, async (SITE) => {
    const { lon, lat, plotId } = cliPlot(join(SITE, 'data'), '1020/1531');
    await page.goto('http://127.0.0.1:4188/js-api/example.html');
    const got = await page.evaluate(async ({ lon, lat }) => {
      const m = await import('/js-api/baft.mjs');
      const log = [];
      const fetch = async (url, init) => {
        const r = await globalThis.fetch(url, init);
        if (url.endsWith('.fgb')) log.push({ range: init?.headers?.Range ?? null, bytes: (await r.clone().arrayBuffer()).byteLength });
        return r;
      };
      let progress = 0;
      const baft = await m.loadBaft('/data/', { lang: 'en', fetch, ranges: true, onProgress: () => { progress += 1; } });
      const opened = log.length;
      const before = baft.parcelAt(lon, lat);
      const requests = await m.readParcelsAt(baft, lon, lat);
      const i = baft.parcelAt(lon, lat);
      const a = baft.checkParcel(i);
      const again = await m.readParcelsAt(baft, lon, lat);
      return { byRanges: baft.parcelsByRanges, opened, before, requests, again, log, plot: a.plot.plotId, progress, files: baft.files().length };
    }, { lon, lat });
    expect(got.byRanges).toBe(true);
    expect(got.opened).toBe(1);
    expect(got.log[0]).toEqual({ range: 'bytes=0-16383', bytes: 16384 });
    expect(got.log.every((r) => r.range !== null)).toBe(true); // never the whole file
    expect(got.before).toBeUndefined();
    expect(got.plot).toBe(plotId);
    expect(got.requests + 1).toBeLessThanOrEqual(6);
    expect(got.log.reduce((n, r) => n + r.bytes, 0)).toBeLessThanOrEqual(64 * 1024);
    expect(got.again).toBe(0);
    expect(got.progress).toBe(got.files); // the parcel layer is reported as added too
  });
});

test('the JS API on a server that ignores Range reads the parcel file whole, asked for once', async ({ page }) => {
  await onLargeSite(120_000, async (SITE) => {
    await page.route('**/parcels/parcels.fgb', async (route) => {
      const headers = { ...route.request().headers() };
      delete headers.range;
      await route.fulfill({ response: await route.fetch({ headers }) });
    });
    await page.goto('http://127.0.0.1:4188/js-api/example.html');
    const got = await page.evaluate(async () => {
      const m = await import('/js-api/baft.mjs');
      let asked = 0;
      const fetch = (url, init) => { if (url.endsWith('.fgb')) asked += 1; return globalThis.fetch(url, init); };
      const baft = await m.loadBaft('/data/', { lang: 'en', fetch, ranges: true });
      return { asked, byRanges: baft.parcelsByRanges, parcels: baft.parcelCount };
    });
    expect(got).toEqual({ asked: 1, byRanges: false, parcels: 200_000 });
  });
});
