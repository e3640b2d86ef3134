// Large data: the 200,000-plot parcel layer, as FlatGeobuf, loads in the browser and answers.
// Prepared by scripts/test.sh (target/dist-200k: the built app with the 200k layer from baft pack).
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { startServer } from '../../scripts/serve-dist.mjs';

const SITE = join(ROOT, 'target/dist-200k');

test('the 200,000-plot FlatGeobuf layer loads progressively, stays responsive and answers plate searches', async ({ page }) => {
  test.skip(!existsSync(SITE), 'run scripts/test.sh to prepare target/dist-200k');
  test.setTimeout(180_000);
  const server = await startServer(SITE, 4188, '127.0.0.1');
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto('http://127.0.0.1:4188/');
    // A plot near the centre answers while the rest still loads (read first by the file's index).
    await expect(page.locator('button.primary')).toBeEnabled({ timeout: 30_000 });
    // The plot at the grid's centre (block 71 × 142 + 71 of the generator): among the nearest.
    await page.locator('#q').fill('1020/1531');
    await expect(async () => {
      await page.locator('#q').press('Enter');
      await expect(page.locator('.survey')).toContainText('BP-', { timeout: 300 });
    }).toPass({ timeout: 120_000 });
    const firstAnswer = Date.now() - t0;
    await expect(page.locator('.loading')).toHaveCount(0, { timeout: 120_000 });
    const loaded = Date.now() - t0;
    // The farthest plots are there too.
    await page.locator('#q').fill('1000/1'); // a plot at the edge: there once all is loaded
    await page.locator('#q').press('Enter');
    await expect(page.locator('.survey')).toContainText('BP-', { timeout: 10_000 });
    // The page stays responsive: zooming in draws only the plots in view.
    const t1 = Date.now();
    await page.locator('.leaflet-control-zoom-in').click();
    await page.locator('.leaflet-control-zoom-in').click();
    await page.waitForTimeout(500);
    const ms = await page.evaluate(() => new Promise((ok) => { const s = performance.now(); requestAnimationFrame(() => ok(performance.now() - s)); }));
    expect(ms).toBeLessThan(1000);
    expect(Date.now() - t1).toBeLessThan(10_000);
    expect(errors).toEqual([]);
    console.log(`200k fgb: first plate answer (centre) ${firstAnswer} ms, fully loaded ${loaded} ms`);
    expect(firstAnswer).toBeLessThan(loaded); // progressive: the centre answers before the edges load
  } finally {
    server.close();
  }
});
