// Offline use: after one visit the app opens and answers with no network; newer data is offered,
// taken in whole on request, and never mixed with the old; the web-app manifest is installable.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT, cliPlot, layer, mapSettled, onLargeSite, search } from './helpers.mjs';

test.use({ serviceWorkers: 'allow' });

// Requests the service worker makes itself go through context.route and context.setOffline
// (Chromium, Playwright 1.65: on unless PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK is set); the
// page's requests that the worker answers never reach the network, so routes don't see them.

const DIST = process.env.BAFT_DIST || join(ROOT, 'dist');
const ORIGINAL = readFileSync(join(DIST, 'data/manifest.json'), 'utf8');
const OLD = JSON.parse(ORIGINAL).data_version;
const NEW = 'qods-sample-2';
const html = (page) => page.locator('html');

/** The same manifest bytes with another data_version, as when the municipality publishes. */
function republished(version = NEW) {
  const text = ORIGINAL.replace(/("data_version"\s*:\s*")[^"]*(")/, `$1${version}$2`);
  expect(text).not.toBe(ORIGINAL);
  return text;
}

async function loaded(page) {
  await expect(page.locator('button.primary')).toBeEnabled({ timeout: 20_000 });
  await expect(page.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
}

/** A first visit: the app loads and the service worker reports a complete offline copy. */
async function visit(page, path = '/') {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  await loaded(page);
  await expect(html(page)).toHaveAttribute('data-offline-ready', 'true', { timeout: 30_000 });
  await expect(html(page)).toHaveAttribute('data-data-version', OLD);
  return errors;
}

/** No network at all, for the page and for its service worker. */
async function goOffline(context) {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

/** Serves a republished manifest to the service worker's check (the app itself reads its copy). */
async function publish(context, text = republished()) {
  await context.route('**/data/manifest.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: text }));
}

/** Each layer's answer: id, status and sentence. */
const answers = (page) => page.locator('#result [data-layer]').evaluateAll((els) =>
  els.map((e) => [e.getAttribute('data-layer'), e.getAttribute('data-status'), e.textContent.trim()]));

const snapshots = (page) => page.evaluate(async () =>
  (await caches.keys()).filter((n) => n.startsWith('baft-data-')));

test('a first visit answers a link before it runs the map library or registers the service worker', async ({ page }) => {
  // What happens, in order, on the page (src/settled.rs): each is recorded when it first occurs.
  await page.addInitScript(() => {
    const seen = (window.__order = []);
    const note = (what) => { if (!seen.includes(what)) seen.push(what); };
    new MutationObserver(() => {
      if (document.querySelector('#result [data-layer]') && !seen.includes('answer')) {
        note('answer');
        // Leaflet is preloaded, not run: neither the library nor its script is there yet.
        // Nor is the printed certificate (its QR code and map are drawn once settled).
        window.__atAnswer = {
          leaflet: typeof L, scripts: document.querySelectorAll('script[src*="leaflet"]').length,
          certificate: document.querySelectorAll('.cert-foot, .cert-head').length,
        };
      }
      if (document.querySelector('.leaflet-container')) note('map');
    }).observe(document, { subtree: true, childList: true });
    const sw = navigator.serviceWorker;
    const register = sw.register.bind(sw);
    sw.register = (...args) => { note('service worker'); return register(...args); };
    window.addEventListener('baft-settled', () => note('settled'));
  });
  // The page's own requests for the manifest and the layer files (the service worker's checks
  // are its own): the preload, the page's early read (www/early.js) and the app's use of it are
  // one request; so are the early read of each layer's current file and the app's.
  const manifests = [];
  const layerFiles = {};
  page.on('request', (r) => {
    const url = r.url();
    if (url.endsWith('/data/manifest.json')) manifests.push(url);
    const file = url.match(/\/data\/(layers\/[^/?#]+)$/);
    if (file) layerFiles[file[1]] = (layerFiles[file[1]] || 0) + 1;
  });
  const p = FX.worn_block.point;
  await page.goto(`/#p=${p.lat},${p.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  expect(await page.evaluate(() => window.__atAnswer)).toEqual({ leaflet: 'undefined', scripts: 0, certificate: 0 });
  await expect(page.locator('.cert-foot .cert-qr svg')).toHaveCount(1);
  await expect(page.locator('.cert-head .cert-map svg')).toHaveCount(1);
  await expect(page.locator('.leaflet-container')).toHaveCount(1);
  await expect(html(page)).toHaveAttribute('data-offline-ready', 'true', { timeout: 30_000 });
  await expect(html(page)).toHaveAttribute('data-app-settled', '');
  const order = await page.evaluate(() => window.__order);
  expect(order[0]).toBe('answer');
  for (const later of ['settled', 'map', 'service worker']) {
    expect(order, later).toContain(later);
    expect(order.indexOf(later), `${later} after the answer: ${order.join(', ')}`).toBeGreaterThan(order.indexOf('answer'));
  }
  expect(order.indexOf('service worker')).toBeGreaterThan(order.indexOf('settled'));
  expect(order.indexOf('map')).toBeGreaterThan(order.indexOf('settled'));
  expect(manifests).toHaveLength(1);
  // The early reads were the current versions (1402, not 1398, for the worn-out fabric), and
  // the app took every one: none is left unused, and no file was asked for twice.
  const early = await page.evaluate(() => window.baftEarly);
  expect(early.asked).toEqual(['data/manifest.json', 'data/layers/worn-out-fabric-1402.geojson',
    'data/layers/informal-settlements-utm39n.geojson', 'data/layers/historic-fabric.geojson',
    'data/layers/target-neighbourhoods.geojson']);
  expect(Object.keys(early.reads)).toEqual([]);
  expect(layerFiles).toEqual({
    'layers/worn-out-fabric-1402.geojson': 1,
    'layers/informal-settlements-utm39n.geojson': 1,
    'layers/historic-fabric.geojson': 1,
    'layers/target-neighbourhoods.geojson': 1,
    // An older version, for the boundary's history: the app's own request, after the answer.
    'layers/worn-out-fabric-1398.geojson': 1,
  });
});

test('after one visit the app opens offline and gives the same answer', async ({ page, context }) => {
  const errors = await visit(page);
  const p = FX.worn_block.point;
  const query = `${p.lat}, ${p.lon}`;
  await search(page, query);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await expect(page.locator('#result [data-layer]')).toHaveCount(4);
  const online = await answers(page);

  await goOffline(context);
  const res = await page.reload();
  expect(res && res.fromServiceWorker()).toBe(true);
  await loaded(page);
  await expect(html(page)).toHaveAttribute('data-data-version', OLD);
  await search(page, query);
  const worn = layer(page, 'worn-out-fabric');
  await expect(worn).toHaveAttribute('data-status', 'inside');
  await expect(worn).toContainText('داخل بافت فرسوده است');
  await expect(worn).toContainText(FX.worn_block.block_id);
  await expect(page.locator('#result [data-layer]')).toHaveCount(4);
  expect(await answers(page)).toEqual(online);
  // The parts after the answer (the second wasm module, src/components/later.rs) come from the
  // worker's copy too: the packages and the certificate, not the "could not be loaded" alert.
  await expect(page.locator('#incentives-title')).toHaveText('بسته‌های تشویقی شما');
  await expect(page.getByRole('button', { name: 'چاپ گواهی' })).toBeVisible();
  await expect(page.locator('.later-failed')).toHaveCount(0);
  // Offline, the check for newer data finds no network and changes nothing.
  await expect(html(page)).toHaveAttribute('data-offline-check', 'offline');
  await expect(page.locator('#data-update')).toBeHidden();
  expect(errors).toEqual([]);
});

test('an address with a query (?embed=1) opens offline after a visit to /', async ({ page, context }) => {
  const errors = await visit(page);
  await goOffline(context);
  for (const path of ['/?embed=1', '/index.html?embed=1']) {
    const res = await page.goto(path);
    expect(res && res.ok()).toBe(true);
    expect(res.fromServiceWorker()).toBe(true);
    await expect(html(page)).toHaveAttribute('data-data-version', OLD, { timeout: 20_000 });
    await expect(page.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
    await expect(html(page)).toHaveAttribute('data-offline-ready', 'true');
    await expect(page.locator('#fatal')).toBeHidden();
  }
  expect(errors).toEqual([]);
});

test('newer data is offered, not mixed in, and used after the switch', async ({ page, context }) => {
  const errors = await visit(page);
  expect(await snapshots(page)).toHaveLength(1);

  await publish(context);
  await page.reload();
  await loaded(page);
  const banner = page.locator('#data-update');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner).toContainText(NEW);
  await expect(banner.locator('[lang=fa] bdi.data-update-version')).toHaveText(` (${NEW})`);
  await expect(html(page)).toHaveAttribute('data-data-version', OLD);

  // Not switched yet: a reload still shows the old data, and the offer is made again.
  await page.reload();
  await loaded(page);
  await expect(html(page)).toHaveAttribute('data-data-version', OLD);
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner).toContainText(NEW);

  const reloaded = page.waitForEvent('load');
  await page.locator('#data-update-switch').click();
  await reloaded;
  await loaded(page);
  await expect(html(page)).toHaveAttribute('data-data-version', NEW);
  await expect(html(page)).toHaveAttribute('data-offline-check', 'same', { timeout: 30_000 });
  await expect(banner).toBeHidden();
  expect(await snapshots(page)).toHaveLength(1); // the old snapshot is gone

  // The new data answers offline too.
  await goOffline(context);
  await page.reload();
  await loaded(page);
  await expect(html(page)).toHaveAttribute('data-data-version', NEW);
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  expect(errors).toEqual([]);
});

test('a download that fails part-way is discarded and never becomes current', async ({ page, context }) => {
  const errors = await visit(page);
  await publish(context);
  const broken = '**/data/layers/worn-out-fabric-1402.geojson';
  await context.route(broken, (route) => route.abort('connectionreset'));
  await page.reload();
  await loaded(page);
  await expect(html(page)).toHaveAttribute('data-offline-check', 'failed', { timeout: 30_000 });
  await expect(page.locator('#data-update')).toBeHidden();
  await expect(html(page)).toHaveAttribute('data-data-version', OLD);
  expect(await snapshots(page)).toHaveLength(1); // nothing partial left behind

  await page.reload();
  await loaded(page);
  await expect(html(page)).toHaveAttribute('data-offline-check', 'failed', { timeout: 30_000 });
  await expect(html(page)).toHaveAttribute('data-data-version', OLD);
  await expect(page.locator('#data-update')).toBeHidden();

  // Once the file can be fetched, the next visit downloads the whole set and offers it.
  await context.unroute(broken);
  await page.reload();
  await loaded(page);
  await expect(page.locator('#data-update')).toBeVisible({ timeout: 30_000 });
  await expect(html(page)).toHaveAttribute('data-offline-check', 'update');
  await expect(html(page)).toHaveAttribute('data-data-version', OLD);
  expect(errors).toEqual([]);
});

test('the web-app manifest is served, parses, and its icons exist', async ({ page, context }) => {
  await page.goto('/');
  const m = await page.evaluate(async () => {
    const link = document.querySelector('link[rel=manifest]');
    const url = new URL(link.getAttribute('href'), location.href);
    const res = await fetch(url, { cache: 'no-store' });
    const manifest = JSON.parse(await res.text());
    const icons = [];
    for (const icon of manifest.icons) {
      const src = new URL(icon.src, url).href;
      const r = await fetch(src, { cache: 'no-store' });
      const size = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
        img.onerror = () => resolve(null);
        img.src = src;
      });
      icons.push({ ...icon, ok: r.ok, type: r.headers.get('content-type'), size });
    }
    return { status: res.status, type: res.headers.get('content-type'), manifest, icons };
  });
  expect(m.status).toBe(200);
  expect(m.type).toContain('manifest+json');
  expect(m.manifest).toMatchObject({
    name: 'بافت — Baft', lang: 'fa', dir: 'rtl', start_url: './', scope: './', display: 'standalone',
    theme_color: '#0b3d91', background_color: '#f6f7f4',
  });
  expect(m.manifest.short_name).toBeTruthy();
  for (const icon of m.icons) {
    expect(icon.ok, icon.src).toBe(true);
    expect(icon.size, icon.src).not.toBeNull();
    if (icon.type.startsWith('image/png')) {
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(icon.size, icon.src).toEqual([w, h]);
    }
  }
  const png = (purpose, size) => m.icons.some((i) => i.type.startsWith('image/png') && i.sizes === `${size}x${size}`
    && (i.purpose || 'any').split(' ').includes(purpose));
  expect(png('any', 192)).toBe(true);
  expect(png('any', 512)).toBe(true);
  expect(png('maskable', 512)).toBe(true);

  // Chromium reads the same manifest without errors.
  const cdp = await context.newCDPSession(page);
  const app = await cdp.send('Page.getAppManifest');
  expect(app.errors).toEqual([]);
  expect(app.url).toMatch(/\/manifest\.webmanifest$/);
});

// A province's parcel layer is read by area, never whole: the service worker keeps the pieces
// read, and after a visit the plots around the owner's place answer offline. The 200,000-plot
// site of the large-data test stands in for it: its first 16 KB (the header and the index's
// top, which the app and the worker ask for first) say the file is 1 TB long, and the whole
// file is never sent.
test('a parcel layer read by area: the plots read on a visit answer offline', async ({ page, context }) => {
  await onLargeSite(120_000, async (SITE) => {
    let whole = 0;
    await context.route('**/parcels/parcels.fgb', async (route) => {
      const range = route.request().headers().range;
      if (range === 'bytes=0-16383') {
        const res = await route.fetch();
        expect(res.status()).toBe(206);
        return route.fulfill({ response: res,
          headers: { ...res.headers(), 'content-range': 'bytes 0-16383/1000000000000' } });
      }
      if (!range) { whole += 1; return route.abort(); }
      return route.continue();
    });
    // Plot 1020/1531's inner point, as the CLI answers it on the same file.
    const { lon, lat, plotId } = cliPlot(join(SITE, 'data'), '1020/1531');
    const tapThePlot = () => findAndTapPlot(page, { lon, lat, plotId });
    await page.goto('http://127.0.0.1:4188/');
    await expect(page.locator('button.primary')).toBeEnabled({ timeout: 20_000 });
    await expect(html(page)).toHaveAttribute('data-offline-ready', 'true', { timeout: 30_000 });
    await tapThePlot();
    // The snapshot has a marker for the parcel file and its first 16 KB, not the file; the
    // pieces the app read are kept.
    const kept = await page.evaluate(async () => {
      const names = await caches.keys();
      const snap = await caches.open(names.find((n) => n.startsWith('baft-data-')));
      const keys = (await snap.keys()).map((r) => r.url).filter((u) => u.includes('parcels.fgb'));
      const pieces = names.includes('baft-ranges') ? (await (await caches.open('baft-ranges')).keys()).length : 0;
      return { keys, pieces };
    });
    expect(kept.keys.sort()).toEqual([
      expect.stringMatching(/parcels\.fgb\?by-ranges$/),
      expect.stringMatching(/parcels\.fgb\?bytes=0-16383&of=1000000000000$/),
    ]);
    expect(kept.pieces).toBeGreaterThan(2);

    await goOffline(context);
    await page.reload();
    await expect(page.locator('button.primary')).toBeEnabled({ timeout: 20_000 });
    await tapThePlot();
    expect(whole).toBe(0); // a province's file: never asked for whole
  });
});

// Searches the plot's inner point, then taps the plot on the map: its survey shows its id.
async function findAndTapPlot(page, { lon, lat, plotId }) {
  await search(page, `${lat}, ${lon}`);
  await expect(page.locator('.result')).toContainText('بافت فرسوده');
  await mapSettled(page); // the answer moved the map: tap its centre once it is there
  const box = await page.locator('.map').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('.survey')).toContainText(plotId);
}

// A city's parcel layer (74 MB here) is kept whole in the snapshot; offline, the app's range
// requests are answered from that copy (206 slices), and the tapped plot answers.
test('offline, ranges of a parcel layer kept whole are answered from the snapshot', async ({ page, context }) => {
  await onLargeSite(120_000, async (SITE) => {
    const { lon, lat, plotId } = cliPlot(join(SITE, 'data'), '1020/1531');
    await page.goto('http://127.0.0.1:4188/');
    await expect(html(page)).toHaveAttribute('data-offline-ready', 'true', { timeout: 60_000 });
    await goOffline(context);
    const slices = [];
    page.on('response', (r) => {
      if (r.url().endsWith('parcels.fgb') && r.request().headers().range) slices.push([r.status(), r.fromServiceWorker()]);
    });
    await page.reload();
    await expect(page.locator('button.primary')).toBeEnabled({ timeout: 20_000 });
    await findAndTapPlot(page, { lon, lat, plotId });
    expect(slices[0]).toEqual([206, true]);
    expect(slices.every(([status, sw]) => status === 206 && sw)).toBe(true);
  });
});

// A site that serves one city and then becomes a national catalogue: the worker must not keep
// answering with the city it served before (no snapshot of a catalogue is made yet).
test('a site that becomes a national catalogue drops the offline copy of the city it served', async ({ page, context }) => {
  await visit(page);
  expect(await snapshots(page)).toHaveLength(1);
  await publish(context, JSON.stringify({
    format_version: 1, catalogue: true, title: { fa: 'ملی', en: 'National' },
    cities: [{ id: 'qods', name: { fa: 'قدس', en: 'Qods' }, folder: 'qods/', envelope: [51.07, 35.67, 51.15, 35.75] }],
  }));
  await page.reload();
  await expect(html(page)).toHaveAttribute('data-offline-check', 'catalogue', { timeout: 30_000 });
  await expect.poll(() => snapshots(page)).toEqual([]);
});
