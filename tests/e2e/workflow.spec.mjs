// The municipality's data in the owner's hands: plates, codes, names, versions, offices.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT, layer, openApp, persianDigits, search } from './helpers.mjs';

const PARCELS = JSON.parse(readFileSync(join(ROOT, 'data/parcels/parcels.geojson'), 'utf8')).features;

async function tapAt(page, lat, lon) {
  // The map exists once Leaflet (loaded asynchronously) is in.
  await page.waitForFunction(() => typeof window.baftMapPixel === 'function');
  const [x, y] = await page.evaluate(([la, lo]) => window.baftMapPixel(la, lo), [lat, lon]);
  const box = await page.locator('.map').boundingBox();
  await page.mouse.click(box.x + x, box.y + y);
}

test('search by plate in Persian digits: the plot is outlined, its survey shown and its facts pre-filled', async ({ page }) => {
  const { errors } = await openApp(page);
  await expect(page.locator('.loading')).toHaveCount(0);
  const p = PARCELS[1234].properties;
  await search(page, persianDigits(`${p.plate_main}/${p.plate_sub}`));
  const survey = page.locator('.survey');
  await expect(survey).toContainText(p.plot_id);
  await expect(survey).toContainText(persianDigits(`11-${p.plate_main}/${p.plate_sub}`));
  await expect(survey).toContainText(p.renovation_code);
  await expect(page.locator('#result .where')).toContainText('متر مربع');
  // The survey's facts are used without asking: "from the parcel layer".
  await expect(page.locator('.incentives')).toContainText('از لایهٔ پلاک‌ها');
  await expect(page.locator('.incentives [data-status="may_apply"][data-package^="national-1401-inside"]')).toHaveCount(0);
  // By renovation code too (as printed on the fee receipt).
  const q = PARCELS[2000].properties;
  await search(page, `کد نوسازی ${persianDigits(q.renovation_code)}`);
  await expect(survey).toContainText(q.plot_id);
  // An unknown plate says so, in Persian.
  await search(page, '۹۹۹/۹۹۹۹۹');
  await expect(page.locator('#result [role=alert]')).toContainText('ملکی با پلاک یا کد');
  expect(errors).toEqual([]);
});

test('names: several matches are listed to choose from', async ({ page }) => {
  await openApp(page);
  await search(page, 'کاووسیه'); // the neighbourhood and its blocks
  const choices = page.locator('.choices button');
  expect(await choices.count()).toBeGreaterThan(2);
  await choices.filter({ hasText: 'محلهٔ کاووسیه (TN-03)' }).click();
  await expect(layer(page, 'target-neighbourhoods')).toHaveAttribute('data-status', 'inside');
  await expect(layer(page, 'target-neighbourhoods')).toContainText('کاووسیه');
});

test('a tap inside a surveyed plot selects that plot', async ({ page }) => {
  await openApp(page);
  const p = FX.worn_block.point;
  await tapAt(page, p.lat, p.lon);
  await expect(page.locator('.survey')).toContainText(FX.worn_block.block_id);
});

test('boundary versions: the history is told, the map switches version and highlights changes', async ({ page }) => {
  const { errors } = await openApp(page);
  const a = FX.added_1402.point;
  await search(page, `${a.lat}, ${a.lon}`);
  await expect(layer(page, 'worn-out-fabric').locator('.history')).toContainText('از اصلاحیهٔ ۱۴۰۲ داخل است (افزوده شد');
  const r = FX.removed_1402.point;
  await search(page, `${r.lat}, ${r.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'outside');
  await expect(layer(page, 'worn-out-fabric').locator('.history')).toContainText('در مصوبهٔ ۱۳۹۸ داخل بود؛ در اصلاحیهٔ ۱۴۰۲ حذف شد');
  const select = page.getByLabel(/نسخهٔ مرز روی نقشه/);
  await select.selectOption('1398');
  await expect(select).toHaveValue('1398');
  await page.getByRole('checkbox', { name: /نمایش تغییرات/ }).check();
  await page.waitForTimeout(300);
  await page.locator('.map-wrap').screenshot({ path: join(ROOT, 'tests/e2e/screenshots/version-changes.png') });
  expect(errors).toEqual([]);
});

test('your office: the serving office with working map and phone links, and the documents to bring', async ({ page }) => {
  await openApp(page);
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  const office = page.locator('.office');
  await expect(office).toContainText('این دفتر محلهٔ شما را پوشش می‌دهد');
  await expect(office.locator('a[href^="geo:35."]')).toHaveCount(1);
  await expect(office.locator('a[href^="tel:+98"]')).toHaveCount(1);
  await expect(office.locator('.documents li')).toHaveCount(5);
  const o = FX.outside_all.point;
  await search(page, `${o.lat}, ${o.lon}`);
  await expect(office).toContainText('این نزدیک‌ترین دفتر است');
});
