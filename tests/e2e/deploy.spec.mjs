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
