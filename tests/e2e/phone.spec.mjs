// The owner's answer on a phone (issue 12): 360 × 740, touch, Persian. After every way in
// (typed text in each form, GPS, a map tap, an uploaded outline) the verdict is on screen and
// holds the focus; the map is one tap away; plates in owners' orders, postal codes, the plot id
// and a slash as the decimal mark find the right plot; Persian text on the answer card has no
// Latin digit (ids, isolated in their own elements, keep theirs); inside reads as good news.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT, cliCheck, layer, openApp, search } from './helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PARCELS = JSON.parse(readFileSync(join(ROOT, 'data/parcels/parcels.geojson'), 'utf8')).features;
const PLOT = PARCELS.find((f) => f.properties.plot_id === 'QB-0232-001').properties;

/** Persian digits, as an owner's phone keyboard types them. */
const fa = (x) => String(x).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** The verdict is in view and focused: the card's heading and its first layer on screen. */
async function verdictInView(page) {
  await expect(page.locator('#result-title')).toBeFocused();
  await expect(page.locator('#result-title')).toBeInViewport();
  await expect(page.locator('#result .layer-result').first()).toBeInViewport();
}

/** Street labels shown inside the map's box (Persian names only, in a Persian page). */
async function labelsOnMap(page) {
  return page.evaluate(() => {
    const m = document.querySelector('.map').getBoundingClientRect();
    return [...document.querySelectorAll('.leaflet-tooltip.street-label')].filter((el) => {
      const r = el.getBoundingClientRect();
      const shown = getComputedStyle(el).display !== 'none' && r.width > 0;
      return shown && r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom
        && /[\u0600-\u06FF]/.test(el.textContent) && !/[A-Za-z]/.test(el.textContent);
    }).length;
  });
}

/** Persian text on the answer card, ids (in their `.id` elements) left out. */
async function persianCardText(page) {
  return page.locator('section.result').evaluate((el) => {
    const c = el.cloneNode(true);
    c.querySelectorAll('span.id').forEach((b) => b.remove());
    return c.textContent;
  });
}

test('every typed form finds the right plot, and its verdict comes into view with the focus', async ({ page }) => {
  await openApp(page);
  const forms = [
    `${PLOT.plate_main}/${PLOT.plate_sub} بخش ${PLOT.plate_section}`,
    `بخش ۱۱ پلاک ۱۲۱/۴۰۶`,
    `۴۰۶ فرعی از ۱۲۱ اصلی`,
    PLOT.postal_code.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]).replace(/^(.{5})/, '$1-'),
    PLOT.plot_id,
    `کد نوسازی ${PLOT.renovation_code}`,
    // The street address, as on an envelope, and the short form an owner types.
    `${PLOT.street}، پلاک ${fa(PLOT.house_number)}`,
    `${PLOT.street.replace(/^(خیابان|بلوار|کوچهٔ?) /, '')} ${fa(PLOT.house_number)}`,
  ];
  expect(PLOT.plate_sub).toBe(406); // the forms above are written for this plot
  for (const text of forms) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await search(page, text);
    await expect(page.locator('.survey'), text).toContainText(PLOT.plot_id);
    await verdictInView(page);
  }
  // The postal code and the address are among the plot's survey facts, in Persian digits.
  await expect(page.locator('.survey')).toContainText('کد پستی');
  await expect(page.locator('.survey')).toContainText(`${PLOT.street}، پلاک ${fa(PLOT.house_number)}`);
  // A number the street doesn't have says so, naming the street and the number.
  await page.evaluate(() => window.scrollTo(0, 0));
  await search(page, `${PLOT.street} پلاک ۹۹۹۹`);
  await expect(page.locator('#result [role=alert]')).toContainText(`پلاک ۹۹۹۹ در «${PLOT.street}»`);
  // A postal code no plot has says so, naming the postal code.
  await page.evaluate(() => window.scrollTo(0, 0));
  await search(page, '3751199999');
  await expect(page.locator('#result [role=alert]')).toContainText('کد پستی «۳۷۵۱۱۹۹۹۹۹»');
  await expect(page.locator('#result [role=alert]')).toBeInViewport();
});

test('coordinates with a slash as the decimal mark answer as the CLI does, in view', async ({ page }) => {
  await openApp(page);
  const p = FX.worn_block.point;
  const slash = (x) => x.toFixed(6).replace('.', '/').replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);
  await search(page, `${slash(p.lat)}، ${slash(p.lon)}`);
  await verdictInView(page);
  const cli = cliCheck(`${p.lat.toFixed(6)}, ${p.lon.toFixed(6)}`);
  for (const l of cli.result.layers) {
    await expect(layer(page, l.layer.id)).toHaveAttribute('data-status', l.status.replace('_', ''));
  }
  await page.waitForTimeout(300); // fonts and layout settled, for the screenshot in the docs
  await page.screenshot({ path: join(ROOT, 'docs/phone-answer.png') });
  // Inside is good news: a tick, its word, green.
  const badge = layer(page, 'worn-out-fabric').locator('.status');
  await expect(badge).toContainText('✓');
  await expect(badge).toContainText('داخل');
  expect(await badge.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(29, 107, 56)');
  // No Latin digit in the card's Persian text; the block id stays whole in its <bdi>.
  expect(await persianCardText(page)).not.toMatch(/[0-9]/);
  await expect(layer(page, 'worn-out-fabric').locator('span.id', { hasText: 'QB-0232' }).first()).toBeVisible();
  // The data's version and publication date are in the answer.
  await expect(page.locator('.data-line')).toContainText('qods-sample-1');
  await expect(page.locator('.data-line')).toContainText('۱۴۰۵/۰۹/۰۵');
  // A package shows what it gives; its reasons and small print open on a tap.
  const details = page.locator('.packages.applies .package-details').first();
  await expect(details.locator('.why')).toBeHidden();
  await details.locator('summary').tap();
  await expect(details.locator('.why')).toBeVisible();
  await expect(details.locator('.why')).toContainText('چرا:');
  // The next step is named, and the map is one tap away, centred on the answer.
  await expect(page.locator('.next-step')).toContainText('دفتر تسهیلات شما');
  await page.getByRole('button', { name: 'نمایش روی نقشه' }).tap();
  await expect(page.locator('.map')).toBeInViewport({ ratio: 0.8 });
  await expect(page.locator('.map')).toBeFocused();
  await page.waitForTimeout(800); // the map's pan settled, for the screenshot in the docs
  // The streets, from the municipality's own file, are labelled in Persian on the map.
  await expect.poll(() => labelsOnMap(page)).toBeGreaterThan(0);
  // The ten target neighbourhoods are named on the map too, in Persian.
  const places = page.locator('.leaflet-tooltip.place-label');
  await expect(places).toHaveCount(10);
  await expect(places.first()).toHaveText(/^[\u0600-\u06FF\u200c ()]+$/);
  await page.screenshot({ path: join(ROOT, 'docs/phone-map.png') });
  // The office card's address and phone are in Persian digits; the phone link stays dialable.
  const call = page.locator('.office a[href^="tel:"]');
  await expect(call).not.toContainText(/[0-9]/);
  expect(await call.getAttribute('href')).toMatch(/^tel:\+?[0-9]+$/);
  expect(await page.locator('.office').evaluate((o) => o.textContent)).not.toMatch(/[0-9]/);
});

test('a map tap, a GPS fix and an uploaded outline each bring the verdict into view', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await context.grantPermissions(['geolocation'], { origin: baseURL });
  const page = await context.newPage();
  await openApp(page);
  // A tap on the map (the page scrolled down to it first, as a thumb would).
  await page.waitForFunction(() => typeof window.baftMapPixel === 'function');
  await page.locator('.map').scrollIntoViewIfNeeded();
  const o = FX.worn_block.point;
  const [x, y] = await page.evaluate(([la, lo]) => window.baftMapPixel(la, lo), [o.lat, o.lon]);
  const box = await page.locator('.map').boundingBox();
  await page.touchscreen.tap(box.x + x, box.y + y);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await verdictInView(page);
  // What was tapped (here a surveyed plot: its plate) goes into the search box in Persian digits.
  await expect(page.locator('#q')).toHaveValue(/^[۰-۹]+-[۰-۹]+\/[۰-۹]+$/);
  // GPS 3 m inside a block's edge, ±25 m: the answer says the plot may lie on either side,
  // draws the accuracy circle and offers the map.
  const edge = FX.worn_block.south_edge_midpoint;
  await context.setGeolocation({ latitude: edge.lat + 3 / 111000, longitude: edge.lon, accuracy: 25 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'موقعیت من' }).tap();
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await verdictInView(page);
  await expect(page.locator('.gps-fix')).toContainText('±۲۵ متر');
  await expect(page.locator('.gps-unsure')).toContainText('ممکن است در هر دو سوی این مرز باشد');
  await expect.poll(() => page.evaluate(() => window.baftMapAccuracy())).toBe(25);
  await page.getByRole('button', { name: 'انتخاب ملک روی نقشه' }).tap();
  await expect(page.locator('.map')).toBeInViewport({ ratio: 0.8 });
  // A fix far from every boundary, ±5 m: no doubt to report.
  const p = FX.outside_all.point;
  await context.setGeolocation({ latitude: p.lat, longitude: p.lon, accuracy: 5 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'موقعیت من' }).tap();
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'outside');
  await verdictInView(page);
  await expect(page.locator('.gps-fix')).toContainText('±۵ متر');
  await expect(page.locator('.gps-unsure')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.baftMapAccuracy())).toBe(5);
  // An outline file: the picker speaks Persian and names the file it read.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.upload .pick')).toHaveText('انتخاب فایل…');
  await page.locator('input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/plot-inside.geojson'));
  await expect(page.locator('.upload .chosen')).toContainText('plot-inside.geojson');
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await verdictInView(page);
  await context.close();
});

test('a refused clipboard offers the link in a field; offline is shown quietly; axe finds nothing', async ({ page, context }) => {
  await openApp(page);
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await verdictInView(page);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await page.getByRole('button', { name: 'رونوشت پیوند' }).tap();
  const field = page.getByRole('textbox', { name: 'پیوند این پاسخ' });
  await expect(field).toBeVisible();
  expect(await field.inputValue()).toContain('#');
  await context.setOffline(true);
  await expect(page.locator('.offline-badge')).toBeVisible();
  await expect(page.locator('.offline-badge')).toContainText('آفلاین');
  await context.setOffline(false);
  await expect(page.locator('.offline-badge')).toBeHidden();
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  const v = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((x) => `${x.impact} ${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(' | ')}`));
  expect(v).toEqual([]);
});

test('a street typed by name, with or without its kind word, is shown on the map to tap the plot on', async ({ page }) => {
  await openApp(page);
  const streets = JSON.parse(readFileSync(join(ROOT, 'data/reference/streets.geojson'), 'utf8')).features;
  expect(streets.some((f) => f.properties.name === 'خیابان گلستان')).toBe(true);
  for (const text of ['خیابان گلستان', 'كوچه گلستان']) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await search(page, text);
    await expect(page.locator('.choices-intro'), text).toContainText('خیابان روی نقشه نشان داده شد');
    await expect(page.locator('#result-title')).toBeFocused();
    await expect(page.locator('.choices-intro')).toBeInViewport();
  }
  await page.getByRole('button', { name: 'نمایش «خیابان گلستان» روی نقشه' }).tap();
  await expect(page.locator('.map')).toBeInViewport({ ratio: 0.8 });
  // Zoomed in with the map's own + button, the street labels appear (from zoom 16: three taps
  // from the street's fit; a tap during a zoom's animation is dropped, so each waits for the
  // last to settle, and a fourth is allowed for that).
  for (let i = 0; i < 4 && (await labelsOnMap(page)) === 0; i++) {
    await page.locator('.leaflet-control-zoom-in').tap();
    await page.waitForTimeout(800);
  }
  await expect.poll(() => labelsOnMap(page)).toBeGreaterThan(0);
  // The ten target neighbourhoods are named on the map too, in Persian.
  const places = page.locator('.leaflet-tooltip.place-label');
  await expect(places).toHaveCount(10);
  await expect(places.first()).toHaveText(/^[\u0600-\u06FF\u200c ()]+$/);
});
