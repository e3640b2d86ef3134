// Baft inside another site: the iframe in compact mode, the postMessage API in both directions
// with its origin checks, and the builder page (embed.html) for the municipality's web team.
// The parent pages are served at two other origins: http://localhost:8081 is in the manifest's
// embed.allowed_origins, http://localhost:8082 is not. They are served by small servers started
// here rather than by page.route: a response fulfilled by page.route has no IP address, so
// Chromium's Local Network Access checks count the parent as public and refuse to let it frame
// Baft on 127.0.0.1 (net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS).
import { test, expect } from '@playwright/test';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT, layer, openApp, persianDigits } from './helpers.mjs';

const APP = 'http://127.0.0.1:4173'; // the config's webServer (dist/)
const PARENT = 'http://localhost:8081'; // allowed
const EVIL = 'http://localhost:8082'; // not allowed
const BAFT_URL = /^http:\/\/127\.0\.0\.1:4173\/index\.html/;
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'data/manifest.json'), 'utf8'));
const LAYER_IDS = MANIFEST.layers.map((l) => l.id);
const STATUSES = ['inside', 'on_boundary', 'outside', 'partly_inside'];
const VERDICTS = ['applies', 'may_apply', 'does_not_apply', 'not_in_force'];
const latinDigits = (s) => String(s).replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));
// The version that answers checks: the layer's `current`, or else the latest approval.
function currentVersion(id) {
  const l = MANIFEST.layers.find((x) => x.id === id);
  return l.versions.find((v) => v.id === l.current)
    ?? [...l.versions].sort((a, b) => a.approved.iso.localeCompare(b.approved.iso)).at(-1);
}

/** A municipal page: Baft in an iframe, every message event recorded in window.received. */
function parentHtml({ width = 800, height = 720, evil = false } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A municipal page</title></head>
<body>
<h1>Municipal page</h1>
<script>
  window.received = [];
  window.addEventListener('message', (event) => {
    const baft = document.getElementById('baft');
    window.received.push({ origin: event.origin, fromBaft: !!baft && event.source === baft.contentWindow, data: event.data });
  });
</script>
<iframe id="baft" title="Baft" src="${APP}/index.html?embed=1&amp;lang=en" width="${width}" height="${height}"></iframe>
${evil ? `<iframe id="evil" title="Another site" src="${EVIL}/evil.html" width="300" height="80"></iframe>` : ''}
</body></html>`;
}

/** Another site's frame on the same page, trying to drive Baft with targetOrigin '*'. */
function evilHtml(commands) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not allowed</title></head>
<body><p>another origin</p>
<script>
  window.received = [];
  window.addEventListener('message', (event) => window.received.push(event.data));
  const commands = ${JSON.stringify(commands)};
  window.attack = () => { for (const c of commands) parent.frames[0].postMessage(c, '*'); return commands.length; };
  setInterval(window.attack, 250); // while Baft loads too: an early command must not be kept for later
</script>
</body></html>`;
}

/** Blocks and records requests to anything but the app and the two test origins. */
async function guard(page) {
  const errors = [];
  const offOrigin = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if ([APP, PARENT, EVIL].includes(u.origin) || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
    offOrigin.push(u.href);
    return route.abort();
  });
  return { errors, offOrigin };
}

/** The same readiness as helpers.mjs openApp, inside a frame (or a page). */
async function waitReady(root) {
  await expect(root.locator('button.primary').first()).toBeEnabled({ timeout: 20_000 });
  await expect(root.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
  await expect(root.locator('html')).toHaveAttribute('data-data-version', MANIFEST.data_version);
}

const received = (page, type = null) =>
  page.evaluate((t) => window.received.filter((m) => t === null || (m.data && m.data.type === t)), type);

const post = (page, message, targetOrigin = APP) =>
  page.evaluate(([m, o]) => document.getElementById('baft').contentWindow.postMessage(m, o), [message, targetOrigin]);

/** Waits for message number `index` (0-based) of a type and returns it. */
async function nth(page, type, index) {
  await expect.poll(async () => (await received(page, type)).length, { timeout: 15_000 }).toBeGreaterThan(index);
  return (await received(page, type))[index];
}

// The other site's commands: a fixture point by text and by coordinates, and a language switch.
const EVIL_COMMANDS = [
  { target: 'baft', type: 'check', text: `${FX.worn_block.point.lat}, ${FX.worn_block.point.lon}` },
  { target: 'baft', type: 'checkPoint', lat: FX.historic_inside.point.lat, lon: FX.historic_inside.point.lon },
  { target: 'baft', type: 'setLanguage', lang: 'fa' },
];

let servers = [];
test.beforeAll(async () => {
  const html = (res, body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  const serve = (origin, handler) => new Promise((ok, fail) => {
    const server = createServer((req, res) => handler(new URL(req.url, origin), res));
    server.once('error', fail);
    server.listen(Number(new URL(origin).port), '127.0.0.1', () => ok(server));
  });
  servers = await Promise.all([
    serve(PARENT, (u, res) => (u.pathname === '/parent.html'
      ? html(res, parentHtml({
        width: Number(u.searchParams.get('width')) || undefined,
        height: Number(u.searchParams.get('height')) || undefined,
        evil: u.searchParams.has('evil'),
      }))
      : res.writeHead(404).end())),
    serve(EVIL, (u, res) => (u.pathname === '/evil.html' ? html(res, evilHtml(EVIL_COMMANDS)) : res.writeHead(404).end())),
  ]);
});
test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((ok) => { s.closeAllConnections(); s.close(() => ok()); })));
});

async function openParent(page, opts = {}) {
  expect(MANIFEST.embed?.allowed_origins, 'data/manifest.json: embed.allowed_origins lists the test parent').toContain(PARENT);
  expect(MANIFEST.embed.allowed_origins).not.toContain(EVIL);
  const { errors, offOrigin } = await guard(page);
  const q = new URLSearchParams();
  if (opts.width) q.set('width', String(opts.width));
  if (opts.height) q.set('height', String(opts.height));
  if (opts.evil) q.set('evil', '1');
  await page.goto(`${PARENT}/parent.html${q.size ? `?${q}` : ''}`);
  const baft = page.frameLocator('#baft');
  await waitReady(baft);
  await expect.poll(async () => (await received(page, 'ready')).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const frame = page.frame({ url: BAFT_URL });
  expect(frame).not.toBeNull();
  return { baft, frame, errors, offOrigin };
}

/** The summary is well formed, agrees with the fixture and with what the frame shows. */
async function expectSummary(summary, root, { lat, lon, layers }) {
  expect(summary.kind).toBe('point');
  expect(summary.lat).toBeCloseTo(lat, 5);
  expect(summary.lon).toBeCloseTo(lon, 5);
  expect(summary.dataVersion).toBe(MANIFEST.data_version);
  expect(summary.sampleData).toBe(MANIFEST.sample_data === true);
  expect(summary.layers.map((l) => l.id).sort()).toEqual([...LAYER_IDS].sort());
  for (const l of summary.layers) {
    expect(STATUSES).toContain(l.status);
    expect(typeof l.name === 'string' && l.name.length > 0).toBe(true);
    expect(l.version).toBe(currentVersion(l.id).id);
    expect(latinDigits(l.approved)).toBe(currentVersion(l.id).approved.jalali);
    expect(Array.isArray(l.zones)).toBe(true);
    await expect(root.locator(`#result [data-layer="${l.id}"]`)).toHaveAttribute('data-status', l.status);
  }
  const byId = Object.fromEntries(summary.layers.map((l) => [l.id, l]));
  for (const [id, want] of Object.entries(layers)) {
    expect(byId[id].status, id).toBe(want.status);
    if (want.zone) expect(byId[id].zones).toContain(want.zone);
  }
  expect(Array.isArray(summary.packages)).toBe(true);
  for (const p of summary.packages) {
    expect(typeof p.id).toBe('string');
    expect(VERDICTS).toContain(p.verdict);
  }
}

/** The result's share link, opened in a new page, gives the same answer. */
async function expectLinkShows(context, link, summary) {
  expect(typeof link).toBe('string');
  const url = new URL(link, `${APP}/index.html`);
  expect(url.origin).toBe(APP);
  const other = await context.newPage();
  const { errors, offOrigin } = await openApp(other, url.href);
  for (const l of summary.layers) {
    await expect(layer(other, l.id)).toHaveAttribute('data-status', l.status);
  }
  expect(errors).toEqual([]);
  expect(offOrigin).toEqual([]);
  await other.close();
}

test('a: the parent gets ready, then a result for a check command; the result link shows the same answer', async ({ page, context }) => {
  const { baft, errors, offOrigin } = await openParent(page);
  const [ready] = await received(page, 'ready');
  expect(ready).toMatchObject({
    origin: APP, fromBaft: true,
    data: { source: 'baft', version: 1, type: 'ready', dataVersion: MANIFEST.data_version, lang: 'en' },
  });
  const p = FX.worn_block.point;
  await post(page, { target: 'baft', type: 'check', text: persianDigits(`${p.lat}، ${p.lon}`) });
  const result = await nth(page, 'result', 0);
  expect(result).toMatchObject({ origin: APP, fromBaft: true, data: { source: 'baft', version: 1, type: 'result' } });
  await expectSummary(result.data.result, baft, {
    lat: p.lat, lon: p.lon,
    layers: { 'worn-out-fabric': { status: 'inside', zone: FX.worn_block.block_id } },
  });
  // The content height is reported for the parent to fit the frame.
  await expect.poll(async () => (await received(page, 'resize')).length).toBeGreaterThan(0);
  const all = await received(page);
  const types = all.map((m) => m.data && m.data.type);
  expect(types.filter((t) => t === 'ready')).toHaveLength(1);
  expect(types.indexOf('ready')).toBeLessThan(types.indexOf('result'));
  for (const m of all) expect(m).toMatchObject({ origin: APP, fromBaft: true, data: { source: 'baft', version: 1 } });
  for (const m of all.filter((x) => x.data.type === 'resize')) expect(m.data.height).toBeGreaterThan(0);
  await expectLinkShows(context, result.data.link, result.data.result);
  expect(errors).toEqual([]);
  expect(offOrigin).toEqual([]);
});

test('b: checkPoint commands are answered the same way', async ({ page, context }) => {
  const { baft, errors, offOrigin } = await openParent(page);
  const h = FX.historic_inside.point;
  await post(page, { target: 'baft', type: 'checkPoint', lat: h.lat, lon: h.lon });
  const first = await nth(page, 'result', 0);
  await expectSummary(first.data.result, baft, {
    lat: h.lat, lon: h.lon,
    layers: { 'historic-fabric': { status: 'inside', zone: FX.historic_inside.zone_id } },
  });
  await expectLinkShows(context, first.data.link, first.data.result);
  // A point in the hole of an informal settlement is outside it.
  const hole = FX.informal_hole.point;
  await post(page, { target: 'baft', type: 'checkPoint', lat: hole.lat, lon: hole.lon });
  const second = await nth(page, 'result', 1);
  await expectSummary(second.data.result, baft, {
    lat: hole.lat, lon: hole.lon,
    layers: { 'informal-settlement': { status: 'outside' } },
  });
  expect(errors).toEqual([]);
  expect(offOrigin).toEqual([]);
});

test('unreadable input posts a localised error; setLanguage switches the frame to Persian', async ({ page }) => {
  const { baft, errors } = await openParent(page);
  await post(page, { target: 'baft', type: 'check', text: '95, 200' });
  const en = await nth(page, 'error', 0);
  expect(en.data).toMatchObject({ source: 'baft', version: 1, type: 'error' });
  expect(en.data.message).toMatch(/[A-Za-z]/);
  await post(page, { target: 'baft', type: 'setLanguage', lang: 'fa' });
  await expect(baft.locator('html')).toHaveAttribute('lang', 'fa');
  await expect(baft.locator('html')).toHaveAttribute('dir', 'rtl');
  await post(page, { target: 'baft', type: 'check', text: '95, 200' });
  const fa = await nth(page, 'error', 1);
  expect(fa.data.message).toMatch(/[\u0600-\u06FF]/);
  expect(await received(page, 'result')).toEqual([]);
  expect(errors).toEqual([]);
});

test('c: commands from a frame of a disallowed origin are ignored', async ({ page }) => {
  const { baft, errors, offOrigin } = await openParent(page, { evil: true });
  const evil = page.frame({ url: `${EVIL}/evil.html` });
  expect(evil).not.toBeNull();
  expect(await evil.evaluate(() => window.attack())).toBe(EVIL_COMMANDS.length);
  await page.waitForTimeout(2_000); // the interval keeps posting meanwhile
  await expect(baft.locator('#result [data-layer]')).toHaveCount(0);
  await expect(baft.locator('html')).toHaveAttribute('lang', 'en');
  const types = (await received(page)).map((m) => m.data && m.data.type);
  expect(types).not.toContain('result');
  expect(types).not.toContain('error');
  // Baft posts only to allowed origins: the other frame never hears from it.
  expect(await evil.evaluate(() => window.received.filter((d) => d && d.source === 'baft').length)).toBe(0);
  // The frame itself works: the allowed parent's command is answered (and only that one).
  const o = FX.outside_all.point;
  await post(page, { target: 'baft', type: 'checkPoint', lat: o.lat, lon: o.lon });
  const result = await nth(page, 'result', 0);
  expect(result.data.result.lat).toBeCloseTo(o.lat, 5);
  expect(result.data.result.lon).toBeCloseTo(o.lon, 5);
  await expect(baft.locator('#result [data-layer="worn-out-fabric"]')).toHaveAttribute('data-status', 'outside');
  await page.waitForTimeout(1_000);
  expect(await received(page, 'result')).toHaveLength(1);
  expect(errors).toEqual([]);
  expect(offOrigin).toEqual([]);
});

test('d: compact mode fits a 360 px frame, without the page header and footer', async ({ page }) => {
  const { baft, frame, errors, offOrigin } = await openParent(page, { width: 360, height: 640 });
  await expect(baft.locator('header.top')).toBeHidden();
  await expect(baft.locator('footer.foot')).toBeHidden();
  await expect(baft.locator('#q')).toBeVisible();
  const widths = () => frame.evaluate(() => {
    const s = document.scrollingElement;
    return { scroll: s.scrollWidth, client: s.clientWidth };
  });
  let w = await widths();
  expect(w.client).toBeLessThanOrEqual(360);
  expect(w.scroll).toBeLessThanOrEqual(w.client);
  // With an answer showing, too.
  const p = FX.worn_block.point;
  await post(page, { target: 'baft', type: 'check', text: `${p.lat}, ${p.lon}` });
  await expect(baft.locator('#result [data-layer="worn-out-fabric"]')).toHaveAttribute('data-status', 'inside');
  await nth(page, 'result', 0);
  w = await widths();
  expect(w.scroll).toBeLessThanOrEqual(w.client);
  expect(errors).toEqual([]);
  expect(offOrigin).toEqual([]);
});

test('e: the builder page makes the snippet, previews it live and logs the answer to a command', async ({ page }) => {
  const { errors, offOrigin } = await guard(page);
  await page.goto('/embed.html');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  // No inline scripts or style attributes (the page runs under the same strict CSP as the app).
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  await expect(page.locator('[style]')).toHaveCount(0);
  // Layers come from the manifest at run time.
  await expect(page.locator('#layer option')).toHaveCount(LAYER_IDS.length + 1);

  const snippet = () => page.evaluate(() => {
    const f = new DOMParser().parseFromString(document.getElementById('snippet').value, 'text/html').querySelector('iframe');
    return f && { src: f.getAttribute('src'), width: f.getAttribute('width'), height: f.getAttribute('height'), title: f.getAttribute('title') };
  });
  const param = async (name) => new URL((await snippet()).src).searchParams.get(name);
  const hash = async () => new URL((await snippet()).src).hash;

  let s = await snippet();
  const u = new URL(s.src);
  expect(u.origin + u.pathname).toBe(`${APP}/index.html`);
  expect(u.searchParams.get('embed')).toBe('1');
  expect(u.searchParams.get('lang')).toBe('fa');
  expect(u.searchParams.get('theme')).toBeNull();
  expect(u.hash).toBe('');
  expect(s.width).toBe('100%');
  expect(s.title).toBeTruthy();

  await page.locator('#lang').selectOption('en');
  await expect.poll(() => param('lang')).toBe('en');
  await page.locator('#width-fixed').check();
  await page.locator('#width').fill('480');
  await page.locator('#height').fill('500');
  await expect.poll(async () => (await snippet()).width).toBe('480');
  await expect.poll(async () => (await snippet()).height).toBe('500');
  await page.locator('#theme').fill('#aa3300');
  await expect.poll(() => param('theme')).toBe('aa3300');
  await page.locator('#layer').selectOption('historic-fabric');
  await expect.poll(() => param('layer')).toBe('historic-fabric');
  const o = FX.outside_all.point;
  await page.locator('#lat').fill(persianDigits(String(o.lat)));
  await page.locator('#lon').fill(String(o.lon));
  await expect.poll(hash).toBe(`#p=${o.lat},${o.lon}`);
  await page.locator('#lat').fill('abc');
  await expect(page.locator('#lat')).toHaveAttribute('aria-invalid', 'true');
  await expect.poll(hash).toBe('');
  await page.locator('#clear-point').click();
  await expect(page.locator('#lat')).toHaveAttribute('aria-invalid', 'false');

  // The live preview shows exactly the snippet's URL, at its size.
  s = await snippet();
  const preview = page.locator('#preview');
  await expect.poll(() => preview.getAttribute('src')).toBe(s.src);
  await expect(preview).toHaveAttribute('width', '480');
  await expect(preview).toHaveAttribute('height', '500');
  const inside = page.frameLocator('#preview');
  await waitReady(inside);
  await expect(inside.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#preview-status')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#log li[data-dir="in"][data-type="ready"]').first()).toBeVisible();

  // The example listener is made for this origin; the copy button answers either way.
  await expect(page.locator('#listener-code')).toContainText(`const BAFT_ORIGIN = '${APP}';`);
  await page.locator('#copy').click();
  await expect(page.locator('#copy-status')).not.toBeEmpty();

  // A command from the builder's box: the preview's answer is logged, as JSON text.
  await page.locator('#log-clear').click();
  await page.locator('#cmd-text').fill(`${o.lat}, ${o.lon}`);
  await page.locator('#cmd-send').click();
  await expect(page.locator('#log li[data-dir="out"][data-type="check"]')).toHaveCount(1);
  const logged = page.locator('#log li[data-dir="in"][data-type="result"]');
  await expect(logged.first()).toBeVisible({ timeout: 15_000 });
  const message = JSON.parse(await logged.first().locator('pre').textContent());
  expect(message).toMatchObject({ source: 'baft', version: 1, type: 'result' });
  await expectSummary(message.result, inside, {
    lat: o.lat, lon: o.lon,
    layers: Object.fromEntries(LAYER_IDS.map((id) => [id, { status: 'outside' }])),
  });

  // The builder itself works from 320 px wide without horizontal scrolling.
  await page.setViewportSize({ width: 320, height: 800 });
  const w = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, client: document.scrollingElement.clientWidth }));
  expect(w.scroll).toBeLessThanOrEqual(w.client);
  expect(errors).toEqual([]);
  expect(offOrigin).toEqual([]);
});

test('the builder page has no accessibility violations, filled in and with a logged answer', async ({ page }) => {
  const { errors } = await guard(page);
  await page.goto('/embed.html');
  await expect(page.locator('#preview-status')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const p = FX.worn_block.point;
  await page.locator('#cmd-text').fill(`${p.lat}, ${p.lon}`);
  await page.locator('#cmd-send').click();
  await expect(page.locator('#log li[data-dir="in"][data-type="result"]').first()).toBeVisible({ timeout: 15_000 });
  await page.locator('#lat').fill('abc'); // an invalid field, with its message
  await expect(page.locator('#point-msg')).not.toBeEmpty();
  // Evaluated rather than added as a script tag: the page's CSP allows no inline script.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`));
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
});
