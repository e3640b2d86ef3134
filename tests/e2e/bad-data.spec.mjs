// Bad data files are reported in the page, in the user's language, and the rest keeps working.
import { test, expect } from '@playwright/test';
import { FX, layer, openApp, search } from './helpers.mjs';

test('a broken layer file and a null geometry are shown as data warnings; other layers still answer', async ({ page }) => {
  const brokenJson = '{"type":"FeatureCollection",\n"features":[{"type":"Feature",,}]}';
  const nullGeometry = JSON.stringify({ type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { zone_id: 'X-1' }, geometry: null },
    { type: 'Feature', properties: { zone_id: 'HF-01', name: 'هسته' }, geometry: { type: 'Polygon', coordinates: [[[51.10, 35.71], [51.11, 35.71], [51.11, 35.72], [51.10, 35.72], [51.10, 35.71]]] } },
  ] });
  const { errors } = await openApp(page, '/', { replace: {
    '/data/layers/target-neighbourhoods.geojson': brokenJson,
    '/data/layers/historic-fabric.geojson': nullGeometry,
  } });
  const problems = page.locator('.problems');
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('layers/target-neighbourhoods.geojson');
  await expect(problems).toContainText('سطر ۲');
  await expect(problems).toContainText('هندسه ندارد');
  await expect(problems).toContainText('X-1');
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await expect(layer(page, 'target-neighbourhoods')).toHaveCount(0);
  await expect(layer(page, 'historic-fabric')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a manifest that cannot be read gives a clear error in the page', async ({ page }) => {
  await page.route('**/data/manifest.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"format_version": 1, "layerz": []}' }));
  await page.goto('/');
  await expect(page.locator('.data-status [role=alert]')).toContainText('manifest.json');
});

test('a manifest the server does not have is reported with its HTTP status, read early or not', async ({ page }) => {
  // The page reads the manifest before the app starts (www/early.js); the app reports what
  // that read got as it reports its own requests.
  await page.route('**/data/manifest.json', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
  await page.goto('/');
  const alert = page.locator('.data-status [role=alert]');
  await expect(alert).toContainText('manifest.json');
  await expect(alert).toContainText('HTTP ۴۰۴');
  expect(await page.evaluate(() => Object.keys(window.baftEarly.reads)), 'the early read was taken by the app').toEqual([]);
});
