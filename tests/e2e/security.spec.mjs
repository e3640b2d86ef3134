// Security: a strict Content-Security-Policy with no violations, integrity on every script, text
// from data files and URLs shown as text (never run as HTML), and no request off the origin.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT, layer, openApp, search } from './helpers.mjs';

const EVIL = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

/** Records CSP violations (the DOM event) and the console's CSP refusals, before any script runs. */
async function watchCsp(page) {
  const console_ = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) console_.push(m.text()); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console_, ...(await page.evaluate(() => window.__csp || []))];
}

test('the site is served with a strict CSP and runs through every view without a violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const resp = await page.goto('/');
  const csp = resp.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  expect(csp).toContain("frame-ancestors 'self' https://qods.ir");
  const { offOrigin, errors } = await openApp(page);
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await page.locator('#fact-area').fill('120');
  await page.locator('details.compare > summary').click();
  await page.locator('button.lang').click();
  await page.locator('input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/plot-straddling.geojson'));
  await expect(page.locator('#result [data-status="partly_inside"]').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.cert-qr svg')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  // Every layer's colour swatch is set through CSSOM (allowed), not a style attribute.
  await expect(page.locator('.swatch').first()).toHaveCSS('background-color', /rgb/);
  for (const path of ['/embed.html', '/js-api/example.html', '/?embed=1&theme=aa3300']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(await violations()).toEqual([]);
  expect(offOrigin).toEqual([]);
  expect(errors).toEqual([]);
});

test('every script and stylesheet of the page carries Subresource Integrity', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const tags = html.match(/<(script|link)\b[^>]*>/g).filter((t) => /<script|rel="(stylesheet|modulepreload)"/.test(t));
  expect(tags.length).toBeGreaterThan(4);
  for (const t of tags) expect(t).toMatch(/integrity="sha384-/);
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script
});

test('names from data files are shown as text, never run', async ({ page }) => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/data/manifest.json'), 'utf8'));
  manifest.title = { fa: EVIL, en: EVIL };
  manifest.city.name = { fa: EVIL, en: EVIL };
  manifest.data_version = `v1${EVIL}`;
  const worn = manifest.layers.find((l) => l.id === 'worn-out-fabric');
  worn.name = { fa: `بافت ${EVIL}`, en: `fabric ${EVIL}` };
  const file = worn.versions.find((v) => v.id === '1402').file;
  const layerJson = JSON.parse(readFileSync(join(ROOT, 'dist/data', file), 'utf8'));
  for (const f of layerJson.features) {
    if (f.properties.block_id === FX.worn_block.block_id) f.properties.name = EVIL;
  }
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const { errors } = await openApp(page, '/', { replace: { '/data/manifest.json': JSON.stringify(manifest), [`/data/${file}`]: JSON.stringify(layerJson) } });
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  const w = layer(page, 'worn-out-fabric');
  await expect(w).toHaveAttribute('data-status', 'inside');
  await expect(w).toContainText('<img src=x onerror=');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.cert-foot')).toContainText('<script>');
  expect(await page.locator('img[src="x"], #result script, .cert-foot script').count()).toBe(0);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('URL parameters and the fragment are read as data, never as markup or style', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const q = new URLSearchParams({ embed: '1', lang: '<script>alert(1)</script>', layer: EVIL, theme: 'red;background:url(https://evil.example/x)' });
  const frag = `id=${encodeURIComponent(EVIL)}&v=${encodeURIComponent(EVIL)}&f=area:${encodeURIComponent('<b>1</b>')}`;
  const { offOrigin, errors } = await openApp(page, `/?${q}#${frag}`);
  // The plot id is reported, as text, as not found; nothing ran.
  await expect(page.locator('#result')).toContainText('<img src=x onerror=');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  // The bad colour never reached a style; the page keeps the default accent.
  expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--accent'))).toBe('');
  expect(dialogs).toEqual([]);
  expect(offOrigin).toEqual([]);
  expect(errors).toEqual([]);
  // And the app still answers.
  await search(page, `${FX.outside_all.point.lat}, ${FX.outside_all.point.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'outside');
});
