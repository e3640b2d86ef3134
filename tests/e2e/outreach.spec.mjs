// Outreach (issue 13): `baft outreach` makes each target neighbourhood's brochure and banner from
// the data files; the brochure prints on two A4 sides, and its QR code scans back to Baft on the
// right neighbourhood.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, decodeQr, layer, openApp } from './helpers.mjs';

const NEIGHBOURHOODS = JSON.parse(readFileSync(join(ROOT, 'data/layers/target-neighbourhoods.geojson'), 'utf8')).features;

test('a brochure per neighbourhood: two A4 sides, the packages and the office, and a QR code that opens Baft there', async ({ page, context, baseURL }) => {
  const out = mkdtempSync(join(tmpdir(), 'baft-outreach-'));
  execFileSync(join(ROOT, 'target/release/baft'), ['outreach', join(ROOT, 'data'), '--url', `${baseURL}/`, '--out', out, '--date', '1405/09/05'], { stdio: 'ignore' });
  const nb = NEIGHBOURHOODS[1].properties; // محلهٔ سرخ‌حصار
  const html = readFileSync(join(out, `brochure-${nb.zone_id}.html`), 'utf8');
  await page.setContent(html);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`نوسازی در ${nb.name}`);
  // The packages that apply there, from the packages file, and the office from the offices file.
  await expect(page.locator('.package')).not.toHaveCount(0);
  await expect(page.locator('.package').first()).toContainText('بستهٔ ملی ۱۴۰۱');
  await expect(page.getByRole('heading', { name: 'کجا بروید' })).toBeVisible();
  await expect(page.locator('body')).toContainText('دفتر تسهیلات نوسازی');
  // Persian digits in the Persian text (the printed link, ids such as the data version, kept as
  // written and isolated, and the English lines aside).
  const persian = await page.evaluate(() => {
    const c = document.body.cloneNode(true);
    c.querySelectorAll('.link, .en, svg, bdi.id').forEach((e) => e.remove());
    return c.textContent;
  });
  expect(persian).not.toMatch(/[0-9]/);
  await expect(page.locator('bdi.id')).toHaveText('qods-sample-1');
  // Printed: exactly two A4 pages (the two sides), for every neighbourhood's brochure.
  const pages = async (markup) => {
    await page.setContent(markup);
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    return pdf.match(/\/Type\s*\/Page[^s]/g).length;
  };
  for (const f of NEIGHBOURHOODS) {
    const id = f.properties.zone_id;
    expect(await pages(readFileSync(join(out, `brochure-${id}.html`), 'utf8')), id).toBe(2);
  }
  await page.setContent(html);
  // The QR code carries the printed link, and that link opens Baft inside this neighbourhood.
  const svg = await page.locator('.qr').innerHTML();
  const link = await decodeQr(context, svg);
  expect(link).toBe(await page.locator('.link').textContent());
  expect(link.startsWith(`${baseURL}/#p=`)).toBe(true);
  await openApp(page, link.slice(baseURL.length));
  await expect(layer(page, 'target-neighbourhoods')).toHaveAttribute('data-status', 'inside');
  await expect(layer(page, 'target-neighbourhoods')).toContainText(nb.name);
  // The banner: a 300 × 100 cm vector with the same QR code and the neighbourhood's name.
  const banner = readFileSync(join(out, `banner-${nb.zone_id}.svg`), 'utf8');
  expect(banner).toContain('width="3000mm" height="1000mm"');
  const inner = banner.slice(banner.indexOf('<svg', 5), banner.lastIndexOf('</svg>')).replace(/ x="[0-9]+" y="[0-9]+" width="[0-9]+" height="[0-9]+"/, '');
  expect(await decodeQr(context, inner)).toBe(link);
});

test('an owner letter per plot in the fabric: its QR code opens Baft on that plot', async ({ page, context, baseURL }) => {
  const out = mkdtempSync(join(tmpdir(), 'baft-letters-'));
  execFileSync(join(ROOT, 'target/release/baft'), ['outreach', join(ROOT, 'data'), '--url', `${baseURL}/`, '--out', out, '--date', '1405/09/05', '--letters', '--neighbourhood', 'TN-10'], { stdio: 'ignore' });
  const html = readFileSync(join(out, 'letters-TN-10.html'), 'utf8');
  await page.setContent(html);
  const letters = page.locator('section.letter');
  expect(await letters.count()).toBeGreaterThan(10);
  // One printed A4 page per letter.
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g).length).toBe(await letters.count());
  await page.emulateMedia({ media: 'screen' });
  const first = letters.nth(3);
  const plotId = await first.locator('.id').first().textContent();
  await expect(first.getByRole('heading', { level: 1 })).toContainText('به مالک محترم ملک');
  await expect(first).toContainText('دفتر تسهیلات نوسازی');
  const link = await decodeQr(context, await first.locator('.qr').innerHTML());
  expect(link).toBe(await first.locator('.link').textContent());
  await openApp(page, link.slice(baseURL.length));
  await expect(page.locator('.survey')).toContainText(plotId);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', /inside/);
});
