// Large-data measurements: the built app (dist/) with a generated parcel layer of N plots, as
// GeoJSON and as FlatGeobuf (baft pack): file size (served uncompressed on localhost, so also the bytes
// transferred) and time to the first plate answer in Chromium.
// Run by scripts/bench.sh after `baft-sample bench-parcels` and `baft pack`.
import { chromium } from '@playwright/test';
import { cpSync, rmSync, statSync } from 'node:fs';
import { startServer } from '../scripts/serve-dist.mjs';

// The plate of the plot at the centre of baft-sample's bench-parcels grid of n plots.
function centrePlate(n) {
  const side = Math.ceil(Math.sqrt(Math.ceil(n / 10)));
  const b = Math.floor(side / 2) * side + Math.floor(side / 2);
  return `${1000 + Math.floor(b / 500)}/${(b % 500) * 10 + 1}`;
}
const sizes = (process.env.BAFT_PARCEL_SIZES || '50000,200000').split(',').map(Number);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
console.log('| parcels | format | parcel file | first answer (centre plot) | all loaded |');
console.log('|---:|---|---:|---:|---:|');
let port = 4301;
for (const n of sizes) {
  for (const format of ['geojson', 'pack']) {
    const site = `target/bench-dist-${n}-${format}`;
    rmSync(site, { recursive: true, force: true });
    cpSync('dist', site, { recursive: true });
    rmSync(`${site}/data`, { recursive: true, force: true });
    cpSync(format === 'pack' ? `target/data-${n}-packed` : `target/data-${n}`, `${site}/data`, { recursive: true });
    const file = format === 'pack' ? `${site}/data/parcels/parcels.fgb` : `${site}/data/parcels/parcels.geojson`;
    const server = await startServer(site, port, '127.0.0.1');
    const page = await browser.newPage();
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('button.primary').waitFor({ state: 'visible' });
    let first = null;
    while (first === null && Date.now() - t0 < 300_000) {
      await page.locator('#q').fill(centrePlate(n)); // a plot near the centre
      await page.locator('#q').press('Enter');
      const found = await page.locator('.survey').waitFor({ timeout: 300 }).then(() => true, () => false);
      if (found) first = Date.now() - t0;
    }
    await page.locator('.loading').waitFor({ state: 'detached', timeout: 300_000 });
    const all = Date.now() - t0;
    const mb = (b) => (b / 1e6).toFixed(1) + ' MB';
    console.log(`| ${n.toLocaleString('en')} | ${format} | ${mb(statSync(file).size)} | ${(first / 1000).toFixed(1)} s | ${(all / 1000).toFixed(1)} s |`);
    await page.close();
    server.close();
    port++;
  }
}
await browser.close();
