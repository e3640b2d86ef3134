// The parts after the first answer (share bar, certificate, office, packages, comparison) are a
// second wasm module (src/components/later.rs): asked for only once the first answer is painted,
// and a failed download is said in words, with a retry, while the answer stays.
import { test, expect } from '@playwright/test';
import { FX, layer } from './helpers.mjs';

const LATER = /\/split_later-[0-9a-f]+\.wasm$/;

/** Opens `path` with off-origin requests refused and the later module refused while `block.on`. */
async function open(page, path, block = { on: false }) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname !== '127.0.0.1') return route.abort();
    if (block.on && LATER.test(u.pathname)) return route.abort('failed');
    return route.continue();
  });
  // When the app says its first answer is painted (src/settled.rs), in the page's clock.
  await page.addInitScript(() => {
    addEventListener('baft-settled', () => { window.__settledAt = performance.now(); }, { once: true });
  });
  await page.goto(path);
  return errors;
}

test("a shared link's answer is painted before the later module is asked for; the packages follow", async ({ page }) => {
  const p = FX.worn_block.point;
  const errors = await open(page, `/#p=${p.lat},${p.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await expect(page.locator('#incentives-title')).toHaveText('بسته‌های تشویقی شما');
  await expect(page.getByRole('button', { name: 'چاپ گواهی' })).toBeVisible();
  // The next step's lines link to the cards now that they are on the page.
  await expect(page.locator('.next-step a[href="#incentives-title"]')).toBeVisible();
  const t = await page.evaluate(() => ({
    settled: window.__settledAt,
    later: performance.getEntriesByType('resource').filter((e) => /\/split_later-[0-9a-f]+\.wasm$/.test(new URL(e.name).pathname)),
    main: performance.getEntriesByType('resource').filter((e) => /\/baft-app-[0-9a-f]+_bg\.wasm$/.test(e.name)),
  }));
  expect(t.main.length).toBeGreaterThan(0);
  expect(t.later).toHaveLength(1); // one module for every later part
  expect(t.settled).toBeGreaterThan(0);
  expect(t.later[0].startTime).toBeGreaterThanOrEqual(t.settled);
  expect(errors).toEqual([]);
});

test('when the later module cannot be downloaded, the answer stays and "try again" brings the packages', async ({ page }) => {
  const block = { on: true };
  const refused = page.waitForEvent('requestfailed', (r) => LATER.test(new URL(r.url()).pathname));
  const errors = await open(page, '/', block);
  await expect(page.locator('button.primary')).toBeEnabled({ timeout: 20_000 });
  // Asked for once the page settled, and refused: with no answer yet, nothing is said.
  await refused;
  await expect(page.locator('.later-failed')).toHaveCount(0);
  const p = FX.worn_block.point;
  await page.locator('#q').fill(`${p.lat}, ${p.lon}`);
  await page.locator('#q').press('Enter');
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  const alert = page.locator('.later-failed');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('بخشی از صفحه');
  await expect(alert).toContainText('پاسخ بالا معتبر است');
  await expect(page.locator('#incentives-title')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'چاپ گواهی' })).toHaveCount(0);
  // The next step still names the office and the packages, as text: their cards are not there.
  await expect(page.locator('.next-step li').first()).toContainText('دفتر تسهیلات شما');
  await expect(page.locator('.next-step a[href]')).toHaveCount(0);
  // A try that fails too says so again, and the keyboard is back on its button.
  const again = page.getByRole('button', { name: 'دوباره تلاش کنید' });
  const first = await again.elementHandle();
  await again.click();
  await expect.poll(() => first.evaluate((e) => e.isConnected)).toBe(false); // a new alert
  await expect(again).toBeFocused();
  await expect(alert).toBeVisible();
  // The app still answers.
  await page.locator('#q').fill(`${FX.outside_all.point.lat}, ${FX.outside_all.point.lon}`);
  await page.locator('#q').press('Enter');
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'outside');
  block.on = false;
  await page.getByRole('button', { name: 'دوباره تلاش کنید' }).click();
  await expect(page.locator('#incentives-title')).toHaveText('بسته‌های تشویقی شما');
  await expect(page.getByRole('button', { name: 'چاپ گواهی' })).toBeVisible(); // every part came
  await expect(page.locator('.cert-head')).toHaveCount(1);
  await expect(alert).toHaveCount(0);
  await page.locator('#q').fill(`${p.lat}, ${p.lon}`);
  await page.locator('#q').press('Enter');
  await expect(page.locator('.next-step a[href="#office-title"]')).toBeVisible();
  expect(errors).toEqual([]);
});
