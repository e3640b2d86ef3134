// "My location" (Geolocation API) and the privacy rule for the optional basemap.
import { test, expect } from '@playwright/test';
import { FX, layer, openApp } from './helpers.mjs';

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
