// An owner finds a plot and reads the answer, as a person would.
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT, cliCheck, latinDigits, layer, openApp, persianDigits, search } from './helpers.mjs';

const SHOTS = join(ROOT, 'tests/e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });

test('a Persian-digit coordinate inside a worn-out block gives the inside answer in Persian', async ({ page }) => {
  const { offOrigin, errors } = await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.sample-banner')).toContainText('دادهٔ نمونه');
  const p = FX.worn_block.point;
  await search(page, persianDigits(`${p.lat}، ${p.lon}`));
  const worn = layer(page, 'worn-out-fabric');
  await expect(worn).toHaveAttribute('data-status', 'inside');
  await expect(worn).toContainText('داخل بافت فرسوده است');
  await expect(worn).toContainText(FX.worn_block.block_id);
  await expect(worn).toContainText('اصلاحیهٔ ۱۴۰۲');
  await expect(page.locator('#result')).toHaveAttribute('aria-live', 'polite');
  await page.waitForTimeout(800); // let the map's zoom animation settle for the screenshots
  await page.screenshot({ path: join(SHOTS, 'inside-fa.png'), fullPage: true });
  await page.screenshot({ path: join(ROOT, 'docs/screenshot.png') });
  expect(offOrigin).toEqual([]);
  expect(errors).toEqual([]);
});

test('UTM figures from a deed and degrees-minutes-seconds find the same block', async ({ page }) => {
  await openApp(page);
  const [e, n] = FX.worn_block.point.utm39n;
  await search(page, `E ${e} N ${n}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await expect(page.locator('#result')).toContainText('UTM');
  const { lat, lon } = FX.historic_inside.point;
  const dms = (x) => { const d = Math.floor(x); const m = Math.floor((x - d) * 60); const s = ((x - d) * 60 - m) * 60; return `${d}°${m}′${s.toFixed(2)}″`; };
  await search(page, `${dms(lat)}N ${dms(lon)}E`);
  await expect(layer(page, 'historic-fabric')).toHaveAttribute('data-status', 'inside');
});

test('tapping the map checks that point, and the answer matches the native CLI', async ({ page }) => {
  const { offOrigin } = await openApp(page);
  const o = FX.outside_all.point;
  // The map exists once Leaflet (loaded asynchronously) is in.
  await page.waitForFunction(() => typeof window.baftMapPixel === 'function');
  const [x, y] = await page.evaluate(([la, lo]) => window.baftMapPixel(la, lo), [o.lat, o.lon]);
  const box = await page.locator('.map').boundingBox();
  await page.mouse.click(box.x + x, box.y + y);
  await expect(page.locator('#result .layer-result')).toHaveCount(4);
  // The point goes back into the search box in the page's digits (Persian here).
  const shown = await page.locator('#q').inputValue();
  expect(shown).toMatch(/^[۰-۹]+٫[۰-۹]+، [۰-۹]+٫[۰-۹]+$/);
  const typed = latinDigits(shown);
  const [lat, lon] = typed.split(', ').map(Number);
  expect(Math.abs(lat - o.lat)).toBeLessThan(0.0005); // within a pixel or two at this zoom
  expect(Math.abs(lon - o.lon)).toBeLessThan(0.0005);
  const cli = cliCheck(typed);
  for (const l of cli.result.layers) {
    await expect(layer(page, l.layer.id)).toHaveAttribute('data-status', l.status);
  }
  expect(offOrigin).toEqual([]);
});

test('a pasted map link is read for its coordinates', async ({ page }) => {
  await openApp(page);
  const { lat, lon } = FX.historic_inside.point;
  await search(page, `https://www.google.com/maps/place/x/@35.70,51.10,15z/data=!3m1!4b1!8m2!3d${lat}!4d${lon}`);
  await expect(layer(page, 'historic-fabric')).toHaveAttribute('data-status', 'inside');
  await expect(page.locator('#result')).toContainText('پیوند نقشه');
  await search(page, `https://www.openstreetmap.org/?mlat=${FX.informal_hole.point.lat}&mlon=${FX.informal_hole.point.lon}#map=18/35.7/51.1`);
  await expect(layer(page, 'informal-settlement')).toHaveAttribute('data-status', 'outside');
  await search(page, 'https://maps.app.goo.gl/AbCdEf');
  await expect(page.locator('#result [role=alert]')).toContainText('maps.app.goo.gl');
});

test('switching to English is remembered after a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toContainText('Inside the worn-out fabric');
  await expect(layer(page, 'worn-out-fabric')).toContainText('approved 1402/05/14 (2023-08-05)');
  await page.screenshot({ path: join(SHOTS, 'inside-en.png'), fullPage: true });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'تغییر زبان به فارسی' })).toBeVisible();
});

test('bad input gets a clear message and the app keeps working', async ({ page }) => {
  const { errors } = await openApp(page);
  await search(page, 'سلام');
  await expect(page.locator('#result [role=alert]')).toContainText('«سلام» پیدا نشد');
  await search(page, '95, 200');
  await expect(page.locator('#result [role=alert]')).toContainText('بازهٔ مجاز');
  await search(page, 'A: 35.70, 51.10\nB: nonsense\nC: 35.71, 51.11');
  await expect(page.locator('#result [role=alert]')).toContainText('سطر ۲');
  const p = FX.outside_all.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'outside');
  await expect(layer(page, 'worn-out-fabric')).toContainText('فاصله دارد');
  expect(errors).toEqual([]);
});

test('uploading a plot outline gives the share inside', async ({ page }) => {
  await openApp(page);
  await page.locator('input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures', FX.straddling_plot.file));
  const worn = layer(page, 'worn-out-fabric');
  await expect(worn).toHaveAttribute('data-status', 'partly_inside');
  await expect(worn).toContainText('۶۰٫۰٪');
  await expect(worn).toContainText('با دفتر تسهیلات تأیید کنید');
  await expect(page.locator('#result .where')).toContainText('متر مربع');
  await page.screenshot({ path: join(SHOTS, 'plot-partly-fa.png'), fullPage: true });
  // Corners pasted as a deed lists them (UTM, one per line) give a plot check too.
  const plot = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures', FX.inside_plot.file), 'utf8'));
  const corners = plot.geometry.coordinates[0].slice(0, -1).map(([lon, lat], i) => `${'ABCD'[i]}: ${lat}, ${lon}`).join('\n');
  await search(page, corners);
  await expect(worn).toHaveAttribute('data-status', 'inside');
  await expect(worn).toContainText('۱۰۰٫۰٪');
});

test('the whole flow works by keyboard', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('#q')).toBeFocused();
  const p = FX.informal_inside.point;
  await page.keyboard.type(`${p.lat}, ${p.lon}`);
  await page.keyboard.press('Enter');
  await expect(layer(page, 'informal-settlement')).toHaveAttribute('data-status', 'inside');
  // The answer takes the focus (a screen reader reads on from the verdict); Tab goes on to
  // its next step, and back to the search box.
  await expect(page.locator('#result-title')).toBeFocused();
  // A layer's boundary history, where it has one, comes first, closed; Enter opens it.
  const history = page.locator('#result .history-more > summary');
  const histories = await history.count();
  expect(histories, 'the worn-out layer has two versions, so a history').toBeGreaterThan(0);
  for (let i = 0; i < histories; i++) {
    await page.keyboard.press('Tab');
    await expect(history.nth(i)).toBeFocused();
  }
  await expect(page.locator('#result .history').last()).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.locator('#result .history').last()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('.next-step a').first()).toBeFocused();
  // Shift+Tab goes back through the history to the search box.
  await page.keyboard.press('Shift+Tab');
  await expect(history.nth(histories - 1)).toBeFocused();
  for (let i = 0; i < histories; i++) await page.keyboard.press('Shift+Tab');
  await expect(page.locator('form.search :focus')).toHaveCount(1);
});

test('the answer does not wait for the map library; the map appears when it arrives', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/leaflet-[0-9a-f]+\.js$/, async (route) => { await held; await route.continue(); });
  const p = FX.worn_block.point;
  // Not `load`: that event waits for async scripts too.
  await page.goto(`/#p=${p.lat},${p.lon}&lang=en`, { waitUntil: 'domcontentloaded' });
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await expect(page.locator('.leaflet-container')).toHaveCount(0);
  // Typed coordinates are answered too while the map is missing.
  await search(page, `${FX.outside_all.point.lat}, ${FX.outside_all.point.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'outside');
  release();
  // The map is created with everything asked of it meanwhile: the zone layers drawn.
  await expect(page.locator('.leaflet-container')).toHaveCount(1);
  await expect(page.locator('.map canvas')).not.toHaveCount(0);
  await page.waitForFunction(() => typeof window.baftMapPixel === 'function');
  expect(errors).toEqual([]);
});

/** Whether the text of `el` (one text node) is laid out left to right: its first character
 * stands left of its last. */
function readsLeftToRight(el) {
  return el.evaluate((e) => {
    const node = [...e.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
    const at = (i) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getBoundingClientRect().left;
    };
    return at(0) < at(node.length - 1);
  });
}

test('codes of digits and dashes keep their written order inside Persian sentences', async ({ page }) => {
  // Unisolated, the bidi algorithm shows ۳۷۵۱۴-۰۰۴۰۶ as ۰۰۴۰۶-۳۷۵۱۴ in a Persian sentence.
  const { errors } = await openApp(page);
  const help = page.locator('#q-help');
  for (const code of ['۳۷۵۱۴-۰۰۴۰۶', '۰۲۳۲-۰۰۱']) {
    const shown = help.locator('span.id[dir=ltr]', { hasText: code });
    await expect(shown).toHaveText(code);
    expect(await readsLeftToRight(shown)).toBe(true);
  }
  // A renovation code no plot has is said back whole, in the owner's digits.
  await search(page, 'کد نوسازی ۰۹۹۹-۹۹۹');
  const said = page.locator('.input-error span.id[dir=ltr]', { hasText: '۰۹۹۹-۹۹۹' });
  await expect(said).toHaveText('۰۹۹۹-۹۹۹');
  expect(await readsLeftToRight(said)).toBe(true);
  await expect(page.locator('.input-error')).toContainText('ملکی با پلاک یا کد «۰۹۹۹-۹۹۹» در لایهٔ پلاک‌ها نیست');
  expect(errors).toEqual([]);
});
