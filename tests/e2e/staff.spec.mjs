// The staff page (issue 13): the facilitation office opens its survey file in the browser and
// gets the designation (the CLI's own figures), the dossier, the profiles and the outreach, with
// progress; bad files get a clear message; keyboard-only and axe-clean; offline after a visit;
// and owners never load any of it.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, decodeQr, layer, openApp } from './helpers.mjs';

const SURVEY = join(ROOT, 'data/parcels/parcels.geojson');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const fa = (n) => Number(n).toLocaleString('fa-IR');

/** `baft designate data --json`: the same core, run natively. */
function cliDesignation() {
  const out = execFileSync(join(ROOT, 'target/release/baft'), ['designate', join(ROOT, 'data'), '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

async function openStaff(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('/staff/');
  await expect(page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/)).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByRole('status')).toContainText('داده‌های وبگاه آماده است');
  return errors;
}

async function violations(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`));
}

async function download(page, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
  return readFileSync(await d.path(), 'utf8');
}

test('a survey opened in the page: the CLI\'s figures, the dossier, the profiles and the files', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const errors = await openStaff(page);
  expect(await violations(page), 'before a survey').toEqual([]);
  await page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/).setInputFiles(SURVEY);
  await expect(page.getByRole('heading', { name: /پیشنهاد محدوده/ })).toBeVisible({ timeout: 60_000 });
  // The picker speaks Persian and names the file chosen (not the browser's "Choose File").
  await expect(page.locator('.upload')).toContainText('انتخاب فایل');
  await expect(page.locator('#chosen')).toHaveText('parcels.geojson');
  // The same figures as `baft designate data --json`: the counts, the changes, and block rows.
  const cli = cliDesignation();
  const count = (s) => cli.blocks.filter((b) => b.status === s).length;
  const summary = page.locator('#summary');
  await expect(summary).toContainText(`${fa(cli.blocks.length)} بلوک: ${fa(count('qualifies'))} واجد شرایط، ${fa(count('does_not_qualify'))} فاقد شرایط، ${fa(count('insufficient_data'))} با دادهٔ ناکافی`);
  const added = cli.proposal.blocks.filter((b) => b.change === 'add');
  await expect(summary).toContainText(`${fa(added.length)} بلوک افزوده`);
  // Word for word what `baft designate` prints first (the core's summary), in both languages.
  for (const lang of ['fa', 'en']) {
    const text = execFileSync(join(ROOT, 'target/release/baft'), ['designate', join(ROOT, 'data'), '--lang', lang], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const [counts, against] = text.split('\n');
    expect(against).toContain(lang === 'fa' ? 'در مقایسه با' : 'Against the');
    await expect(summary).toContainText(`${counts} ${against}`);
  }
  const pct = (x) => fa((x * 100).toFixed(1)).replace('.', '٫');
  for (const b of added) {
    const row = page.locator('#dossier tr', { has: page.getByText(b.block_id, { exact: true }) }).last();
    const figures = cli.blocks.find((x) => x.block_id === b.block_id);
    await expect(row).toContainText(pct(figures.no_structure_share));
  }
  await expect(page.locator('#dossier svg')).toHaveCount(7); // maps and charts, drawn by plotters
  // Profiles: pick a neighbourhood; its page, with charts, comes in.
  const nb = JSON.parse(readFileSync(join(ROOT, 'data/layers/target-neighbourhoods.geojson'), 'utf8')).features[2].properties;
  await page.getByLabel(/^محله Neighbourhood/).selectOption(nb.zone_id);
  await expect(page.locator('#profile h3').first()).toContainText(`شناسنامهٔ محلهٔ ${nb.name}`);
  await expect(page.locator('#profile')).toContainText('سرانهٔ خدمات و اولویت‌ها');
  expect(await page.locator('#profile svg').count()).toBeGreaterThanOrEqual(10);
  expect(await violations(page), 'with the proposal and a profile').toEqual([]);
  // The files, made for the address typed.
  await page.getByLabel(/نشانی بافت برای کدهای QR/).fill(`${baseURL}/`);
  await page.getByRole('button', { name: /ساختن فایل‌ها/ }).click();
  await expect(page.getByRole('status')).toContainText('فایل آماده است', { timeout: 60_000 });
  for (const name of ['designation-blocks.csv', 'designation-blocks.geojson', 'designation-proposal.geojson', 'dossier-a3.html', `profile-${nb.zone_id}.html`, `banner-${nb.zone_id}.svg`]) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // The dossier names the survey's SHA-256: the file opened, byte for byte.
  const sha = createHash('sha256').update(readFileSync(SURVEY)).digest('hex');
  expect(await download(page, 'dossier-a4.html')).toContain(sha);
  // The CSV has the CLI's row for each block.
  const csv = await download(page, 'designation-blocks.csv');
  expect(csv.trim().split(/\r?\n/).length - 1).toBe(cli.blocks.length);
  // The brochure made in the page scans back to Baft in its neighbourhood.
  const brochure = await download(page, `brochure-${nb.zone_id}.html`);
  const view = await context.newPage();
  await view.setContent(brochure);
  const link = await decodeQr(context, await view.locator('.qr').innerHTML());
  expect(link.startsWith(`${baseURL}/#p=`)).toBe(true);
  await openApp(view, link.slice(baseURL.length));
  await expect(layer(view, 'target-neighbourhoods')).toContainText(nb.name);
  // Owner letters for a neighbourhood: a page per plot in the fabric, each QR to the plot.
  await page.getByLabel(/محلهٔ نامه‌ها/).selectOption('TN-10');
  await page.getByRole('button', { name: /ساختن نامه‌ها/ }).click();
  const letters = await download(page, 'letters-TN-10.html');
  expect(letters.match(/<section class=letter>/g).length).toBe(72);
  expect(letters).toContain(`${baseURL}/#id=QB-`);
  expect(errors).toEqual([]);
});

test('without the per-capita targets the workbench still designates, and says what is missing', async ({ page }) => {
  await page.route('**/data/reference/per-capita.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await openStaff(page);
  await expect(page.getByRole('list', { name: /هشدارهای داده/ })).toContainText('per-capita.json: HTTP 404');
  await page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/).setInputFiles(SURVEY);
  await expect(page.locator('#summary')).toContainText('بلوک', { timeout: 60_000 });
  await expect(page.locator('#profiles')).toBeHidden();
  await expect(page.getByLabel(/محلهٔ نامه‌ها/).locator('option')).toHaveCount(10);
});

test('a file that is not a survey gets a clear message, and the next one works', async ({ page }) => {
  await openStaff(page);
  const input = page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/);
  await input.setInputFiles({ name: 'plots.geojson', mimeType: 'application/json', buffer: Buffer.from('{"type": "FeatureCollection", "features": [') });
  await expect(page.getByRole('alert')).toContainText('JSON');
  await expect(page.getByRole('alert')).toContainText('choose another');
  await input.setInputFiles(SURVEY);
  await expect(page.locator('#summary')).toContainText('بلوک', { timeout: 60_000 });
  await expect(page.getByRole('alert')).toBeHidden();
});

test('a file name with digits in a Persian message is kept whole, left to right', async ({ page }) => {
  await openStaff(page);
  await page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/).setInputFiles({ name: 'survey-1403.geojson', mimeType: 'application/json', buffer: Buffer.from('{"type": "FeatureCollection", "features": [') });
  const id = page.getByRole('alert').locator('span.id[dir=ltr]', { hasText: 'survey-1403.geojson' });
  await expect(id).toHaveText('survey-1403.geojson');
});

test('keyboard only: every control in order, and the files made from the keyboard', async ({ page }) => {
  await openStaff(page);
  await page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/).setInputFiles(SURVEY);
  await expect(page.locator('#summary')).toContainText('بلوک', { timeout: 60_000 });
  await page.getByRole('link', { name: /پرش به محتوا/ }).focus();
  const reached = [];
  for (let k = 0; k < 12 && !reached.includes('make'); k++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement.id || document.activeElement.className));
  }
  for (const id of ['survey', 'neighbourhood', 'base-url', 'make']) expect(reached).toContain(id);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'dossier-a4.html', exact: true })).toBeVisible({ timeout: 60_000 });
});

test('owners never load the staff page\'s code', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => asked.push(r.url()));
  await openApp(page);
  await page.waitForLoadState('networkidle');
  expect(asked.filter((u) => u.includes('/staff/'))).toEqual([]);
  // Nor does the owners' service worker keep it (its shell list is in sw.js; nor do its parts).
  for (const f of ['sw.js', 'sw-ranges.js', 'sw-snapshots.js']) {
    expect(readFileSync(join(ROOT, 'dist', f), 'utf8')).not.toContain('staff/');
  }
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('after one visit the workbench opens and works offline', async ({ page, context }) => {
    test.setTimeout(120_000);
    await openStaff(page);
    // One visit: the worker installs (keeping the page and its module), the page kept the data.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('status')).toContainText('داده‌های وبگاه آماده است', { timeout: 30_000 });
    await page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/).setInputFiles(SURVEY);
    await expect(page.locator('#summary')).toContainText('بلوک', { timeout: 60_000 });
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  test('on a phone the page fits and the proposal comes in', async ({ page }) => {
    await openStaff(page);
    await page.getByLabel(/فایل برداشت پلاک‌به‌پلاک/).setInputFiles(SURVEY);
    await expect(page.locator('#summary')).toContainText('بلوک', { timeout: 60_000 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(362);
  });
});
