// The built app on a site with a 200,000-plot FlatGeobuf parcel layer, served with `Range`
// (scripts/serve-dist.mjs): the plots a first answer needs are read by ranges, then the whole
// file after the first answer. Reports, per run (a fresh browser context each), the app's wasm
// linear memory once nothing is loading any more, and the time from navigation to then.
// Run by `scripts/bench.sh app-memory`; SITE names the built site (default target/dist-200k).
import { chromium } from '@playwright/test';
import { startServer } from '../scripts/serve-dist.mjs';

const site = process.env.SITE ?? 'target/dist-200k';
const server = await startServer(site, 4189, '127.0.0.1');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const runs = [];
try {
  for (let run = 0; run < 5; run++) {
    const page = await browser.newPage();
    // Trunk's loader hands the instance's exports (the memory among them) to this event.
    await page.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
    const t0 = Date.now();
    await page.goto('http://127.0.0.1:4189/');
    await page.waitForFunction(
      () => window.__wasm && document.querySelector('#q') && !document.querySelector('.loading'),
      null, { timeout: 180_000 });
    const loadedMs = Date.now() - t0;
    await page.waitForTimeout(500);
    const mb = await page.evaluate(() => window.__wasm.memory.buffer.byteLength / 1048576);
    runs.push({ mb, loadedMs });
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[2];
console.log(`${site}: wasm memory ${med('mb').toFixed(1)} MB, all loaded ${med('loadedMs')} ms (medians of 5)`);
