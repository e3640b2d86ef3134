// A national deployment: data/manifest.json is a catalogue of 30 simulated cities (baft-sample
// national); the app loads the city a link's point is in, asks when none is, and loads the city
// the owner picks; the JS API does the same. Prepared by scripts/test.sh (target/dist-national).
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FX, ROOT, decodeQr, layer, search } from './helpers.mjs';
import { startServer } from '../../scripts/serve-dist.mjs';

const SITE = join(ROOT, 'target/dist-national');
const ORIGIN = 'http://127.0.0.1:4190';
const city = (id) => JSON.parse(readFileSync(join(SITE, 'data', id, 'manifest.json'), 'utf8')).city;

/** The sample's worn-out block's point, moved with city `id` (its data is the sample, moved). */
function wornPoint(id) {
  const [lon0, lat0] = city('qods').center;
  const [lon, lat] = city(id).center;
  const p = FX.worn_block.point;
  return { lat: p.lat + lat - lat0, lon: p.lon + lon - lon0 };
}

let server;
test.beforeAll(async () => {
  if (existsSync(SITE)) server = await startServer(SITE, 4190, '127.0.0.1');
});
test.afterAll(() => server?.close());
test.beforeEach(() => test.skip(!existsSync(SITE), 'run scripts/test.sh to prepare target/dist-national'));

test('a point link opens the city that holds the point, and only its data is fetched', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) asked.push(new URL(r.url()).pathname); });
  const p = wornPoint('sample-08');
  await page.goto(`${ORIGIN}/#p=${p.lat.toFixed(6)},${p.lon.toFixed(6)}`);
  await expect(page.locator('.city-now')).toContainText('شهر نمونهٔ ۸');
  const worn = layer(page, 'worn-out-fabric');
  await expect(worn).toHaveAttribute('data-status', 'inside');
  await expect(worn).toContainText(FX.worn_block.block_id);
  // The catalogue, then that city's files: no other city's.
  expect(asked[0]).toBe('/data/manifest.json');
  expect(asked.slice(1).every((a) => a.startsWith('/data/sample-08/'))).toBe(true);
  await expect(page).toHaveURL(/c=sample-08/);
  // The certificate lists the city's files with their hashes, not the catalogue's.
  const foot = page.locator('.cert-foot');
  const sha = (f) => createHash('sha256').update(readFileSync(join(SITE, 'data/sample-08', f))).digest('hex').slice(0, 12);
  for (const f of ['manifest.json', 'layers/worn-out-fabric-1402.geojson']) {
    await expect(foot.locator('tr', { hasText: f })).toHaveCount(1);
    await expect(foot.locator('tr', { hasText: f })).toContainText(sha(f));
  }
});

test('with no city in the link the owner picks one by name, and its answers follow', async ({ page }) => {
  await page.goto(`${ORIGIN}/`);
  await expect(page.getByRole('heading', { name: 'شهر خود را انتخاب کنید' })).toBeVisible();
  await expect(page.locator('.city-list button')).toHaveCount(30);
  await page.getByLabel('جست‌وجوی نام شهر').fill('22'); // Latin digits find «۲۲»
  await expect(page.locator('.city-list button')).toHaveCount(1);
  await page.getByRole('button', { name: 'شهر نمونهٔ ۲۲' }).click();
  await expect(page.locator('.city-now')).toContainText('شهر نمونهٔ ۲۲');
  await expect(page.getByRole('button', { name: 'بررسی', exact: true })).toBeEnabled();
  const p = wornPoint('sample-22');
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await expect(page).toHaveURL(/c=sample-22/);
  // Another city: the chooser again.
  await page.getByRole('button', { name: 'تغییر شهر' }).click();
  await expect(page.getByRole('heading', { name: 'شهر خود را انتخاب کنید' })).toBeVisible();
});

test('a link naming a city this catalogue does not have goes by its point, once', async ({ page }) => {
  let loads = 0;
  page.on('load', () => { loads += 1; });
  const p = wornPoint('sample-08');
  await page.goto(`${ORIGIN}/#p=${p.lat.toFixed(6)},${p.lon.toFixed(6)}&c=no-such-city`);
  await expect(page.locator('.city-now')).toContainText('شهر نمونهٔ ۸');
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await page.waitForTimeout(1500);
  expect(loads).toBe(1); // no reload
});

test('a link naming a city this catalogue does not have, and no point, asks for the city and says why', async ({ page }) => {
  await page.goto(`${ORIGIN}/#c=no-such-city`);
  await expect(page.getByRole('heading', { name: 'شهر خود را انتخاب کنید' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'شهر این پیوند در فهرست شهرهای این سامانه نیست' })).toBeVisible();
});

test('a point in no city asks for the city and says why', async ({ page }) => {
  await page.goto(`${ORIGIN}/#p=30.0,60.0`);
  await expect(page.getByRole('heading', { name: 'شهر خود را انتخاب کنید' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'هیچ‌یک از شهرهای این سامانه' })).toBeVisible();
});

test('the JS API loads the city that holds a point, and says which cities there are otherwise', async ({ page }) => {
  await page.goto(`${ORIGIN}/js-api/example.html`);
  const p = wornPoint('sample-15');
  const r = await page.evaluate(async ({ lat, lon }) => {
    const m = await import('/js-api/baft.mjs');
    const baft = await m.loadBaft('/data/', { lang: 'en', point: [lon, lat] });
    const a = baft.checkPoint(lon, lat);
    let none = '';
    try { await m.loadBaft('/data/', { lang: 'en', point: [60, 30] }); } catch (e) { none = e.message; }
    return { version: baft.dataVersion, status: a.layers[0].status, none };
  }, p);
  expect(r.version).toMatch(/sample-15$/);
  expect(r.status).toBe('inside');
  expect(r.none).toContain('no city holds this point');
  expect(r.none).toContain('qods, sample-02');
});

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const violations = async (page) => {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`));
};

test('axe finds nothing on the city chooser and on a chosen city, in Persian and English', async ({ page }) => {
  await page.goto(`${ORIGIN}/#p=30.0,60.0`);
  await expect(page.getByRole('heading', { name: 'شهر خود را انتخاب کنید' })).toBeVisible();
  expect(await violations(page), 'chooser (fa)').toEqual([]);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your city' })).toBeVisible();
  expect(await violations(page), 'chooser (en)').toEqual([]);
  await page.getByRole('button', { name: 'Sample city 3', exact: true }).click();
  await expect(page.locator('.city-now')).toContainText('Sample city 3');
  expect(await violations(page), 'city chosen (en)').toEqual([]);
});

test('the staff page asks for the office\'s city, works on its data, and its letters open that city', async ({ page, context }) => {
  test.setTimeout(120_000);
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) asked.push(new URL(r.url()).pathname); });
  await page.goto(`${ORIGIN}/staff/`);
  await expect(page.getByRole('heading', { name: /^شهر/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status')).toContainText('شهر دفتر تسهیلات را انتخاب کنید');
  const cities = page.getByRole('combobox', { name: /شهر دفتر تسهیلات را انتخاب کنید/ });
  await expect(cities.locator('option')).toHaveCount(30);
  await expect(page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/)).toBeDisabled();
  expect(await violations(page), 'the staff page\'s city chooser').toEqual([]);
  await cities.selectOption('qods');
  await page.getByRole('button', { name: /باز کردن داده‌های این شهر/ }).click();
  await expect(page).toHaveURL(/\/staff\/\?c=qods$/);
  await expect(page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/)).toBeEnabled({ timeout: 30_000 });
  await expect(page.locator('#city-now')).toContainText('شهر: قدس');
  await expect(page.getByRole('link', { name: /بازگشت به بافت/ })).toHaveAttribute('href', '../#c=qods');
  // The catalogue, then Qods' files only.
  expect(asked.filter((p) => !p.startsWith('/data/qods/') && p !== '/data/manifest.json')).toEqual([]);
  await page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/).setInputFiles(join(ROOT, 'data/parcels/parcels.geojson'));
  await expect(page.getByRole('heading', { name: /پیشنهاد محدوده/ })).toBeVisible({ timeout: 60_000 });
  await page.getByLabel(/نشانی بافت برای کدهای QR/).fill(`${ORIGIN}/`);
  await page.getByLabel(/محلهٔ نامه‌ها/).selectOption('TN-10');
  const [d] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.getByRole('button', { name: /ساختن نامه‌ها/ }).click();
    await page.getByRole('link', { name: 'letters-TN-10.html', exact: true }).click();
  })()]);
  const letters = readFileSync(await d.path(), 'utf8');
  // An owner scanning a letter lands on the plot in Qods, not on the city chooser.
  const view = await context.newPage();
  await view.setContent(letters);
  const link = await decodeQr(context, await view.locator('.qr').first().innerHTML());
  expect(link).toMatch(new RegExp(`^${ORIGIN}/#id=QB-[^&]+&c=qods&`));
  await view.goto(link);
  await expect(view.locator('.city-now')).toContainText('قدس');
  await expect(layer(view, 'worn-out-fabric')).toHaveAttribute('data-status', /inside|partly_inside/);
});

test('the staff page says so when its address names a city the catalogue does not have', async ({ page }) => {
  await page.goto(`${ORIGIN}/staff/?c=tabriz`);
  await expect(page.getByRole('alert').filter({ hasText: 'شهر «tabriz» در فهرست شهرهای این سامانه نیست' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: /شهر دفتر تسهیلات را انتخاب کنید/ }).locator('option')).toHaveCount(30);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('the chooser fits and a city is picked with a tap', async ({ page }) => {
    await page.goto(`${ORIGIN}/`);
    const button = page.getByRole('button', { name: 'شهر نمونهٔ ۲۷' });
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await button.tap();
    await expect(page.locator('.city-now')).toContainText('شهر نمونهٔ ۲۷');
  });
});
