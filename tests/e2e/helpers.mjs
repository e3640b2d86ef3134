// Shared helpers: fixtures, the CLI as an independent check, and request/console guards.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from '../../scripts/serve-dist.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const FX = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/sample-points.json'), 'utf8'));

/** Persian digits, decimal mark and comma made Latin (what the app shows, as the CLI takes it). */
export const latinDigits = (s) => s.replace(/[۰-۹]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'.indexOf(d)).replace(/٫/g, '.').replace(/، /g, ', ');
export const persianDigits = (s) => s.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]).replace(/\./g, '٫');

/**
 * Runs `body(site)` with the 200,000-plot site (target/dist-200k, prepared by scripts/test.sh)
 * served on port 4188 for the test's `timeout` ms; skips the test when the site isn't prepared.
 */
export async function onLargeSite(timeout, body) {
  const site = join(ROOT, 'target/dist-200k');
  test.skip(!existsSync(site), 'run scripts/test.sh to prepare target/dist-200k');
  test.setTimeout(timeout);
  const server = await startServer(site, 4188, '127.0.0.1');
  try {
    return await body(site);
  } finally {
    server.close();
  }
}

/** The CLI's JSON answer for a point: the same core, run natively. */
export function cliCheck(point) {
  const bin = join(ROOT, 'target/release/baft');
  const out = execFileSync(bin, ['check', '--data', join(ROOT, 'data'), '--point', point, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out);
}

/**
 * Opens the app with every non-localhost request blocked and recorded, page errors recorded,
 * and waits until the data has loaded.
 */
export async function openApp(page, path = '/', { replace = {} } = {}) {
  const offOrigin = [];
  const errors = [];
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.protocol === 'data:' || u.protocol === 'blob:') {
      // `replace` serves other contents for some paths, as if the data files had been edited.
      if (u.pathname in replace) return route.fulfill({ status: 200, contentType: 'application/json', body: replace[u.pathname] });
      return route.continue();
    }
    offOrigin.push(u.href);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  // Ready: the manifest is in (the search button is enabled) and every file has arrived.
  await expect(page.locator('button.primary')).toBeEnabled({ timeout: 20_000 });
  await expect(page.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
  return { offOrigin, errors };
}

export async function search(page, text) {
  await page.locator('#q').fill(text);
  await page.locator('#q').press('Enter');
}

export const layer = (page, id) => page.locator(`#result [data-layer="${id}"]`);

/**
 * A surveyed plot as the CLI answers its plate on a data folder: `{ lon, lat }` (a point inside
 * it, the core's `interior_point`) and `plotId`. The range-reading tests tap there.
 */
export function cliPlot(dataDir, plate) {
  const cli = JSON.parse(execFileSync(join(ROOT, 'target/release/baft'), ['check', '--data', dataDir, '--json'],
    { input: plate, stdio: ['pipe', 'pipe', 'ignore'] }).toString());
  const [lon, lat] = cli.result.interior_point;
  return { lon, lat, plotId: cli.parcel.plot_id };
}

/**
 * Waits until the map has stopped moving (Leaflet's pan or zoom animation after an answer
 * moved it): its pane's transform unchanged over two looks 250 ms apart, no zoom animation.
 */
export async function mapSettled(page) {
  let last = null;
  await expect.poll(async () => {
    const now = await page.evaluate(() => {
      const pane = document.querySelector('.leaflet-map-pane');
      const anim = document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim');
      return pane && !anim ? pane.style.transform : `moving ${Math.random()}`;
    });
    const same = now === last;
    last = now;
    await page.waitForTimeout(250);
    return same;
  }, { timeout: 15_000 }).toBe(true);
}

/** Decodes a QR code's SVG in a blank page (no app CSP there) with jsQR: the text it carries. */
export async function decodeQr(context, svg) {
  const blank = await context.newPage();
  await blank.addScriptTag({ path: join(ROOT, 'node_modules/jsqr/dist/jsQR.js') });
  const text = await blank.evaluate(async (markup) => {
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(markup);
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 400;
    const g = c.getContext('2d');
    g.imageSmoothingEnabled = false;
    g.drawImage(img, 0, 0, 400, 400);
    const d = g.getImageData(0, 0, 400, 400);
    const r = window.jsQR(d.data, 400, 400);
    return r && r.data;
  }, svg);
  await blank.close();
  return text;
}
