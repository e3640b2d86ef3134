// Share links and the printable certificate, as an owner and an office would use them.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT, decodeQr, layer, openApp, persianDigits, search } from './helpers.mjs';

const OUT = join(ROOT, 'test-results/certificates');
mkdirSync(OUT, { recursive: true });

/** Every layer's status in the result card, by layer id. */
async function statuses(page) {
  return page.locator('#result [data-layer]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.layer, e.dataset.status])));
}

const fragment = (page) => page.evaluate(() => location.hash);

test('a point link reopens the same answer, language and facts in a new tab', async ({ page, context }) => {
  const { offOrigin, errors } = await openApp(page);
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await page.locator('button.lang').click();
  await page.locator('#fact-area').fill('150');
  await expect.poll(() => fragment(page)).toContain('f=area:150');
  const hash = await fragment(page);
  expect(hash).toMatch(/^#p=35\.\d+,51\.\d+&lang=en&v=qods-sample-1&b=1402(,[^&,]+){3}&f=area:150$/);
  const before = await statuses(page);
  const url = page.url();

  const other = await context.newPage();
  await openApp(other, url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.locator('html')).toHaveAttribute('lang', 'en');
  await expect(layer(other, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  expect(await statuses(other)).toEqual(before);
  await expect(other.locator('#fact-area')).toHaveValue('150');
  await expect(other.locator('#result')).toContainText(FX.worn_block.block_id);
  // The state stays in the fragment: the server never saw the location.
  expect(offOrigin).toEqual([]);
  expect(errors).toEqual([]);
});

test('a plot outline link reopens the same shares; it is short enough for a text message', async ({ page, context }) => {
  await openApp(page);
  await page.locator('input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/plot-straddling.geojson'));
  await expect(page.locator('#result [data-status="partly_inside"]').first()).toBeVisible();
  const hash = await fragment(page);
  const g = hash.match(/g=([^&]+)/)[1];
  // Measured for docs/embedding.md: a 4-corner surveyed plot.
  writeFileSync(join(OUT, 'plot-link-length.txt'), `outline ${g.length} chars, fragment ${hash.length} chars\n`);
  expect(g.length).toBeLessThanOrEqual(40);
  expect(page.url().length).toBeLessThanOrEqual(160);
  const before = await page.locator('#result').innerText();
  const other = await context.newPage();
  await openApp(other, page.url().replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.locator('#result [data-status="partly_inside"]').first()).toBeVisible();
  expect(await statuses(other)).toEqual(await statuses(page));
  // The same percentages, to the digit shown.
  const pct = (t) => t.match(/[\d۰-۹]+([.٫][\d۰-۹]+)?\s?[%٪]/g);
  expect(pct(await other.locator('#result').innerText())).toEqual(pct(before));
});

test('a surveyed plot found by plate is shared by its id', async ({ page, context }) => {
  await openApp(page);
  const parcels = JSON.parse(readFileSync(join(ROOT, 'data/parcels/parcels.geojson'), 'utf8')).features;
  const p = parcels[1234].properties;
  await search(page, `${p.plate_main}/${p.plate_sub}`);
  await expect(page.locator('.survey')).toContainText(p.plot_id);
  await expect(page.locator('#result .layer-result').first()).toBeVisible();
  await expect.poll(() => fragment(page)).toMatch(/^#id=[A-Za-z0-9-]+&/);
  expect(await fragment(page)).toContain(`#id=${p.plot_id}&`);
  const other = await context.newPage();
  await openApp(other, page.url().replace(/^https?:\/\/[^/]+/, ''));
  expect(await statuses(other)).toEqual(await statuses(page));
  await expect(other.locator('#q')).toHaveValue(await page.locator('#q').inputValue());
});

/** Holds the parcel layer's response until `release()` (a slow phone network on a big file). */
async function holdParcels(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/data/parcels/parcels.geojson', async (route) => { await held; await route.continue(); });
  return release;
}

/** Opens a surveyed plot's link with the parcel layer held back, once the page can be asked. */
async function openPlotLinkHeld(page) {
  const parcels = JSON.parse(readFileSync(join(ROOT, 'data/parcels/parcels.geojson'), 'utf8')).features;
  const id = parcels[1234].properties.plot_id;
  const release = await holdParcels(page);
  await page.goto(`/#id=${id}&lang=en`);
  await expect(page.locator('button.primary')).toBeEnabled({ timeout: 20_000 });
  return { id, release };
}

test('a plate typed before the parcel layer is in waits for it, and is then answered; never read as a point', async ({ page }) => {
  const parcels = JSON.parse(readFileSync(join(ROOT, 'data/parcels/parcels.geojson'), 'utf8')).features;
  const p = parcels.find((f) => f.properties.plate_main === 121 && f.properties.plate_sub === 1).properties;
  const release = await holdParcels(page);
  await page.goto('/');
  await expect(page.locator('button.primary')).toBeEnabled({ timeout: 20_000 });
  // `121/1` read as coordinates would be a point at 1°N 121°E, outside the data.
  await search(page, '۱۲۱/۱');
  await expect(page.getByRole('alert')).toContainText('لایهٔ پلاک‌ها هنوز در حال بارگیری است');
  await expect(page.locator('#result .layer-result')).toHaveCount(0);
  release();
  await expect(page.locator('#result')).toContainText(p.plot_id, { timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a point link is answered once the zone layers are in, before the parcel layer arrives', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const release = await holdParcels(page);
  const p = FX.worn_block.point;
  await page.goto(`/#p=${p.lat},${p.lon}&lang=en`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await expect(page.locator('#result')).toContainText(FX.worn_block.block_id);
  // Still loading: the parcel layer is held back.
  await expect(page.locator('.loading')).toHaveCount(1);
  release();
  await expect(page.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
  // The answer stays, and the link keeps the point.
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  expect(await fragment(page)).toMatch(/^#p=35\.\d+,51\.\d+&lang=en&/);
  expect(errors).toEqual([]);
});

test('a surveyed plot\'s link waits for the parcel layer instead of saying "not found"', async ({ page }) => {
  const { id, release } = await openPlotLinkHeld(page);
  await page.waitForTimeout(500);
  await expect(page.locator('#result .input-error')).toHaveCount(0);
  await expect(page.locator('#result [data-layer]')).toHaveCount(0);
  release();
  await expect(page.locator('.survey')).toContainText(id, { timeout: 30_000 });
  await expect(page.locator('#result [data-layer]').first()).toBeVisible();
});

test('a question asked while a plot\'s link waits for the parcel layer is not replaced by the link', async ({ page }) => {
  const { id, release } = await openPlotLinkHeld(page);
  // The person asks a point of their own before the link's plot can be found.
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(page.locator('#result')).toContainText(FX.worn_block.block_id);
  release();
  await expect(page.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
  await page.waitForTimeout(500);
  // Their answer stays: nothing of the link's plot is shown, and the link now holds their point.
  await expect(page.getByText(id)).toHaveCount(0);
  await expect(page.locator('#result')).toContainText(FX.worn_block.block_id);
  await expect.poll(() => fragment(page)).toMatch(/^#p=35\.\d+,51\.\d+&lang=en/);
});

test('copy link puts the current link on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const p = FX.historic_inside.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await page.locator('#copy-link').click();
  await expect(page.locator('.share-bar [role=status]').last()).toContainText('رونوشت شد');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
});

test('on a phone, Share… hands the link to the system share sheet', async ({ page }) => {
  // Desktop Chromium has no Web Share API; give the page one as a phone's browser would.
  await page.addInitScript(() => {
    navigator.share = async (data) => { window.__shared = data; };
  });
  await openApp(page);
  const p = FX.informal_inside.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await page.locator('#share-link').click();
  const shared = await page.evaluate(() => window.__shared);
  expect(shared.url).toBe(page.url());
  expect(shared.title).toBe('بافت');
});

test('without the Web Share API there is no Share button', async ({ page }) => {
  await openApp(page);
  const p = FX.informal_inside.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(page.locator('#copy-link')).toBeVisible();
  await expect(page.locator('#share-link')).toHaveCount(0);
});

test('a broken or outdated link says so and the app keeps working', async ({ page }) => {
  await openApp(page, '/#p=95,51&lang=en');
  await expect(page.locator('#result')).toContainText('The “p” part of the shared link can\'t be read');
  const old = FX.worn_block.point;
  await page.goto(`/#p=${old.lat},${old.lon}&lang=en&v=qods-sample-0&b=1398`);
  await expect(page.locator('.link-note')).toContainText('qods-sample-0');
  await expect(page.locator('.link-note')).toContainText('worn-out fabric: boundary «1398» → «1402»');
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  // Said with the answer (in the app's first module), under it, as it says.
  await expect(page.locator('.link-note')).toContainText('the answer above uses the current data');
  expect(await page.locator('#result').evaluate((r) => !!(r.compareDocumentPosition(document.querySelector('.link-note')) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
  // In Persian: the layer by its name, the versions in Persian digits, the data version whole.
  await page.getByRole('button', { name: 'تغییر زبان به فارسی' }).click();
  await expect(page.locator('.link-note')).toContainText('بافت فرسوده: مرز «۱۳۹۸» ← «۱۴۰۲»');
  await expect(page.locator('.link-note span.id[dir=ltr]', { hasText: 'qods-sample-0' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await search(page, `${FX.outside_all.point.lat}, ${FX.outside_all.point.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'outside');
});

for (const lang of ['fa', 'en']) {
  test(`the printed certificate (${lang}): map, result, packages, dates, data hashes, QR of the link, disclaimer`, async ({ page, context }) => {
    const { errors } = await openApp(page, `/#lang=${lang}`);
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/plot-inside.geojson'));
    await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
    await expect(page.locator('.cert-head')).toBeHidden(); // on screen: not shown
    await page.emulateMedia({ media: 'print' });
    const head = page.locator('.cert-head');
    await expect(head).toBeVisible();
    await expect(page.locator('.map-wrap')).toBeHidden();
    await expect(page.locator('form.search')).toBeHidden();
    await expect(page.locator('#result')).toBeVisible();
    await expect(page.locator('.incentives .package').first()).toBeVisible();
    // The map is vector: an SVG with the plot and the worn-out layer's colour.
    const map = page.locator('.cert-map svg');
    await expect(map).toBeVisible();
    expect(await map.locator('path').count()).toBeGreaterThan(1);
    // Dates: Jalali and Gregorian, both in Persian digits in Persian (the dashed date kept whole).
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await expect(head).toContainText(lang === 'fa' ? persianDigits(iso) : iso);
    if (lang === 'fa') await expect(head.locator('span.id[dir=ltr]', { hasText: persianDigits(iso) })).toHaveCount(1);
    await expect(head).toContainText(lang === 'fa' ? /۱۴۰[۰-۹]/ : /140\d/);
    // Data version and each file's short SHA-256, as sha256sum gives it.
    const foot = page.locator('.cert-foot');
    await expect(foot).toContainText('qods-sample-1');
    const sha = (f) => createHash('sha256').update(readFileSync(join(ROOT, 'dist/data', f))).digest('hex').slice(0, 12);
    for (const f of ['manifest.json', 'layers/worn-out-fabric-1402.geojson', 'packages.json']) {
      await expect(foot.locator('tr', { hasText: f })).toContainText(sha(f));
    }
    await expect(foot).toContainText(lang === 'fa' ? 'تصمیم نهایی با شهرداری' : 'make the final decision');
    // The QR code holds the share link, which reopens this answer.
    const qr = await page.locator('.cert-qr svg').evaluate((e) => e.outerHTML);
    expect(await decodeQr(context, qr)).toBe(page.url());
    await page.screenshot({ path: join(OUT, `certificate-${lang}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(OUT, `certificate-${lang}.pdf`), pdf);
    // One A4 page for an answer with up to three applicable packages (issue 12), with nothing
    // printed that is only for the screen: no next-step links, no form questions, no "give the
    // area" instruction.
    expect(await page.locator('.packages.applies .package').count()).toBeLessThanOrEqual(3);
    for (const sel of ['.next-step', '.questions', '.need-area', '.not-for-plot']) {
      for (const el of await page.locator(sel).all()) await expect(el, sel).toBeHidden();
    }
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    expect(pages).toBe(1);
    expect(errors).toEqual([]);
  });
}
