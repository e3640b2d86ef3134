// Two builds of the app against each other: the first answer to a `#p=` link (the sample's
// worn-out block) with the zone layers alone (the manifest's parcel layer removed), CPU 4×, each
// run in a fresh context of one headless Chromium, A and B alternating. Prints the medians.
//   node bench/ab-first-answer.mjs DIST_A DIST_B [runs=9] [phone]
// With `phone`, over the emulated phone network of bench/first-answer.mjs (150 ms round trips,
// 6.4 Mbit/s down) instead of localhost.
// For example, a build before a change copied to target/dist-a, and dist/ after it.
import { chromium } from '@playwright/test';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../scripts/serve-dist.mjs';
import { PHONE_NETWORK, firstAnswer } from './first-answer.mjs';

const [distA, distB, runsArg, how] = process.argv.slice(2);
if (!distA || !distB) {
  console.error('usage: node bench/ab-first-answer.mjs DIST_A DIST_B [runs] [phone]');
  process.exit(2);
}
const runs = Number(runsArg || 9);
const network = how === 'phone' ? PHONE_NETWORK : null;

/** A copy of `dist` whose data has no parcel layer. */
function zonesOnly(dist, dir) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(dist, dir, { recursive: true });
  const path = join(dir, 'data/manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  delete manifest.parcels;
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return dir;
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const fx = JSON.parse(readFileSync('tests/fixtures/sample-points.json', 'utf8')).worn_block.point;
const sites = [zonesOnly(distA, 'target/ab-a'), zonesOnly(distB, 'target/ab-b')];
const servers = await Promise.all(sites.map((s, i) => startServer(s, 4501 + i, '127.0.0.1')));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const t = [[], []];
for (let r = 0; r < runs; r++) {
  for (let i = 0; i < 2; i++) t[i].push(await firstAnswer(browser, `http://127.0.0.1:${4501 + i}/#p=${fx.lat},${fx.lon}`, network));
}
await browser.close();
servers.forEach((s) => s.close());
for (const [i, name] of [[0, `A ${distA}`], [1, `B ${distB}`]]) {
  const ms = median(t[i].map((x) => x.ms));
  const visible = median(t[i].map((x) => x.visible));
  console.log(`${name}: first answer ${ms?.toFixed(0)} ms, its text painted ${visible?.toFixed(0)} ms (medians of ${runs}${network ? ', phone network' : ''})`);
}
console.log(`B ÷ A: ${(median(t[1].map((x) => x.ms)) / median(t[0].map((x) => x.ms))).toFixed(2)} (in the DOM), `
  + `${(median(t[1].map((x) => x.visible)) / median(t[0].map((x) => x.visible))).toFixed(2)} (painted)`);
