// Deployment: the built site works from a sub-folder of the municipality's site (relative asset
// paths, service-worker scope and data paths), with no request failing.
import { test, expect } from '@playwright/test';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT } from './helpers.mjs';
import { startServer } from '../../scripts/serve-dist.mjs';

test('the site answers when served from /baft/ instead of the root', async ({ page }) => {
  const site = join(ROOT, 'target/subfolder-site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  symlinkSync(join(ROOT, 'dist'), join(site, 'baft'));
  const server = await startServer(site, 4186, '127.0.0.1');
  try {
    const failed = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const p = FX.worn_block.point;
    await page.goto(`http://127.0.0.1:4186/baft/#p=${p.lat},${p.lon}&lang=en`);
    await expect(page.locator('#result [data-layer="worn-out-fabric"]')).toHaveAttribute('data-status', 'inside', { timeout: 30_000 });
    await expect(page.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
    // The share link keeps the folder.
    expect(page.url()).toContain('/baft/#p=');
    await page.goto('http://127.0.0.1:4186/baft/embed.html');
    await expect(page.locator('iframe').first()).toBeVisible({ timeout: 20_000 });
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    server.close();
  }
});

// Range requests, as a static host or CDN serves them (what FlatGeobuf range reading will need):
// one range is 206 with its Content-Range, past the end is 416, several ranges get the whole file.
test('the server answers single byte ranges as a static host does', async ({ request }) => {
  const whole = await request.get('/data/manifest.json');
  expect(whole.status()).toBe(200);
  expect(whole.headers()['accept-ranges']).toBe('bytes');
  const body = await whole.body();
  const n = body.length;
  const part = await request.get('/data/manifest.json', { headers: { Range: 'bytes=0-7' } });
  expect(part.status()).toBe(206);
  expect(part.headers()['content-range']).toBe(`bytes 0-7/${n}`);
  expect(Buffer.compare(await part.body(), body.subarray(0, 8))).toBe(0);
  const tail = await request.get('/data/manifest.json', { headers: { Range: 'bytes=-5' } });
  expect(tail.status()).toBe(206);
  expect(Buffer.compare(await tail.body(), body.subarray(n - 5))).toBe(0);
  const open = await request.get('/data/manifest.json', { headers: { Range: `bytes=${n - 3}-` } });
  expect(Buffer.compare(await open.body(), body.subarray(n - 3))).toBe(0);
  const past = await request.get('/data/manifest.json', { headers: { Range: `bytes=${n}-` } });
  expect(past.status()).toBe(416);
  expect(past.headers()['content-range']).toBe(`bytes */${n}`);
  const several = await request.get('/data/manifest.json', { headers: { Range: 'bytes=0-1,4-5' } });
  expect(several.status()).toBe(200);
  expect((await several.body()).length).toBe(n);
});
