// "My location" (Geolocation API) and the privacy rule for the optional basemap.
import { test, expect } from '@playwright/test';
import { FX, layer, openApp, search } from './helpers.mjs';

test('my location: denied permission, a fix outside the data area, then a fix inside', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page);
  await page.getByRole('button', { name: 'موقعیت من' }).click();
  await expect(page.locator('#result [role=alert]')).toContainText('اجازهٔ دسترسی به موقعیت داده نشد');
  await context.grantPermissions(['geolocation'], { origin: baseURL });
  await context.setGeolocation({ latitude: 35.6997, longitude: 51.3380 }); // central Tehran, outside Qods's data
  await page.getByRole('button', { name: 'موقعیت من' }).click();
  await expect(page.locator('#result .warning')).toContainText('بیرون از محدوده‌ای است');
  await expect(page.locator('#result')).toContainText('GPS');
  const p = FX.worn_block.point;
  await context.setGeolocation({ latitude: p.lat, longitude: p.lon });
  await page.getByRole('button', { name: 'موقعیت من' }).click();
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await context.close();
});

test('no request leaves the origin until the user turns the basemap on', async ({ page }) => {
  const { offOrigin } = await openApp(page);
  const p = FX.worn_block.point;
  await page.locator('#q').fill(`${p.lat}, ${p.lon}`);
  await page.locator('#q').press('Enter');
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  expect(offOrigin).toEqual([]);
  await page.getByRole('checkbox', { name: /نقشهٔ پایه/ }).check();
  await expect.poll(() => offOrigin.length).toBeGreaterThan(0);
  expect(offOrigin.every((u) => new URL(u).hostname === 'tile.openstreetmap.org')).toBe(true);
});

test('a Neshan place link: its view is answered with its circle; a full address finds the alley off the street it names', async ({ page }) => {
  await openApp(page);
  // Neshan's place links end with the map's view: its centre, rounded to three decimals (72 m),
  // beside the place by up to a tile's width at its zoom (497 m at 16z).
  const edge = FX.worn_block.south_edge_midpoint;
  const link = `https://neshan.org/maps/places/81818536fc73c4bcd3a339134c6c6bdf#c${edge.lat.toFixed(3)}-${edge.lon.toFixed(3)}-16z-0p`;
  await search(page, link);
  await expect(page.locator('#result')).toContainText('پیوند نقشه (neshan). این پیوند فقط مرکز نمای نقشه را دارد، نه خود مکان را: مکان تا حدود ±۵۶۹ متر از آن است');
  await expect(page.locator('.gps-unsure')).toContainText('نقطهٔ این پیوند فقط مرکز نمای نقشه است');
  await expect(page.locator('.gps-unsure')).toContainText('ممکن است در هر دو سوی این مرز باشد');
  await expect.poll(() => page.evaluate(() => window.baftMapAccuracy())).toBe(569);
  // Its embed code's exact point: no circle, no doubt.
  const p = FX.worn_block.point;
  await search(page, `https://neshan.org/maps/iframe/places/QbrSKvPB4K9_/${p.lat.toFixed(7)}/${p.lon.toFixed(7)}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await expect(page.locator('.gps-unsure')).toHaveCount(0);
  await expect(page.locator('#result')).not.toContainText('مرکز نمای نقشه');
  // A full address: alley 22 off Sarv Street is the plot; off Kaj Street (far from it) is no such address.
  await search(page, 'خیابان سرو، کوچهٔ ۲۲، پلاک ۸۰');
  await expect(page.locator('#result')).toContainText('QB-0185-001');
  await search(page, 'خیابان کاج، کوچهٔ ۲۲، پلاک ۸۰');
  await expect(page.locator('#result [role=alert]')).toContainText('خیابان کاج، کوچه ۲۲');
  await expect(page.locator('#result')).not.toContainText('QB-0185-001');
});
