// The app on a province-sized parcel layer (baft-sample's 1,000,000 plots, a 315 MB FlatGeobuf
// file from baft pack) read by HTTP range requests on localhost: the first answer to a shared
// point link, the reading of the map's view that follows, and a tap on the plot at the point,
// each with the parcel-file requests and bytes it took (counted in the browser).
// Run by scripts/bench.sh after target/data-1000000-packed is made.
import { chromium } from '@playwright/test';
import { cpSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startServer } from '../scripts/serve-dist.mjs';

const n = 1_000_000;
// The plate of the plot at the centre of baft-sample's bench-parcels grid of n plots.
const side = Math.ceil(Math.sqrt(Math.ceil(n / 10)));
const b = Math.floor(side / 2) * side + Math.floor(side / 2);
const plate = `${1000 + Math.floor(b / 500)}/${(b % 500) * 10 + 1}`;

const site = 'target/bench-dist-1m';
rmSync(site, { recursive: true, force: true });
cpSync('dist', site, { recursive: true });
rmSync(`${site}/data`, { recursive: true, force: true });
cpSync('target/data-1000000-packed', `${site}/data`, { recursive: true });
// The plot's inner point, as the CLI answers the plate on the same file.
const cli = JSON.parse(execFileSync('target/release/baft', ['check', '--data', `${site}/data`, '--json'],
  { input: plate, stdio: ['pipe', 'pipe', 'ignore'], maxBuffer: 1 << 26 }).toString());
const [lon, lat] = cli.result.interior_point;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const server = await startServer(site, 4310, '127.0.0.1');
const page = await browser.newPage();
const parts = [];
let whole = 0;
page.on('request', (r) => { if (r.url().endsWith('parcels.fgb') && !r.headers().range) whole += 1; });
page.on('response', async (r) => {
  if (r.url().endsWith('parcels.fgb') && r.request().headers().range) {
    parts.push((await r.body().catch(() => Buffer.alloc(0))).length);
  }
});
const sum = (a) => a.reduce((s, x) => s + x, 0);
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const settle = async () => {
  let seen = -1;
  while (seen !== parts.length) { seen = parts.length; await page.waitForTimeout(1000); }
};
const t0 = Date.now();
await page.goto(`http://127.0.0.1:4310/#p=${lat.toFixed(6)},${lon.toFixed(6)}`);
await page.locator('#result [data-layer]').first().waitFor({ timeout: 60_000 });
const linkMs = Date.now() - t0;
const atLink = [...parts];
await settle();
const afterView = [...parts];
const box = await page.locator('.map').boundingBox();
await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
await page.locator('.survey', { hasText: cli.parcel.plot_id }).waitFor({ timeout: 60_000 });
await settle();
const tap = parts.slice(afterView.length);
// A first visit that taps the map at the city's first view (zoomed out: no view is read yet):
// what the tap's own answer took.
const page2 = await browser.newPage();
const parts2 = [];
page2.on('response', async (r) => {
  if (r.url().endsWith('parcels.fgb') && r.request().headers().range) {
    parts2.push((await r.body().catch(() => Buffer.alloc(0))).length);
  }
});
await page2.goto('http://127.0.0.1:4310/');
await page2.locator('button.primary').and(page2.locator(':enabled')).waitFor({ timeout: 60_000 });
await page2.waitForTimeout(1000);
const before2 = parts2.length;
const box2 = await page2.locator('.map').boundingBox();
await page2.mouse.click(box2.x + box2.width / 2 + 3, box2.y + box2.height / 2 + 3);
await page2.locator('#result [data-layer]').first().waitFor({ timeout: 60_000 });
const tap2 = parts2.slice(before2, parts2.length);
const tapKind = await page2.locator('.survey').count() ? 'a plot' : 'a street (no plot)';
console.log(`| ${n.toLocaleString('en')} plots, ${(statSync(`${site}/data/parcels/parcels.fgb`).size / 1e6).toFixed(1)} MB .fgb | requests | parcel-file bytes |`);
console.log('|---|---:|---:|');
console.log(`| first answer to a point link (${linkMs} ms) | ${atLink.length} | ${kb(sum(atLink))} |`);
console.log(`| the map's view read after it | ${afterView.length - atLink.length} | ${kb(sum(afterView) - sum(atLink))} |`);
console.log(`| a tap on the plot at the point (${cli.parcel.plot_id}) | ${tap.length} | ${kb(sum(tap))} |`);
console.log(`| first visit, a tap at the first view (${tapKind}), with the 16 KB opening | ${before2 + tap2.length} | ${kb(sum(parts2.slice(0, before2 + tap2.length)))} |`);
console.log(`whole-file requests: ${whole} (a file over 128 MB is read by area only)`);
await browser.close();
server.close();
rmSync(site, { recursive: true, force: true });
