// Runs bench/bench.html in headless Chromium (Playwright, Debian's Chromium) and prints the
// figures. Expects target/bench-site/ prepared by scripts/bench.sh.
import { chromium } from '@playwright/test';
import { startServer } from '../scripts/serve-dist.mjs';
import { resolve } from 'node:path';

const server = await startServer(resolve('target/bench-site'), 4199, '127.0.0.1', { secure: false });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4199/bench.html');
await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
const { results, userAgent } = await page.evaluate(() => window.runBench());
console.log(`browser: ${userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? userAgent}`);
for (const r of results) {
  console.log(`wasm | ${r.name} | load+index ${r.load_ms.toFixed(1)} ms | point check ${r.point_engine_us.toFixed(2)} µs (engine, all layers) | ${r.point_call_us.toFixed(2)} µs (checkPoint call with JS result) | wasm memory ${r.wasm_memory_mb.toFixed(1)} MB`);
}
await browser.close();
server.close();
