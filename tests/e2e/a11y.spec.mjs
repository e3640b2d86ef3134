// Accessibility: axe-core on every view, in Persian and in English — no violations at all
// (serious, critical, moderate or minor).
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { FX, openApp, search } from './helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`));
}

for (const lang of ['fa', 'en']) {
  test(`axe finds nothing on any view (${lang})`, async ({ page }) => {
    await openApp(page);
    if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await violations(page), 'start').toEqual([]);
    const p = FX.worn_block.point;
    await search(page, `${p.lat}, ${p.lon}`);
    await page.locator('.incentives').waitFor();
    expect(await violations(page), 'result, office and incentives').toEqual([]);
    await page.locator('.compare summary').click();
    await page.locator('.compare-table').first().waitFor();
    await page.locator('.not-for-plot summary').click();
    expect(await violations(page), 'comparison and details open').toEqual([]);
    await search(page, 'کاووسیه');
    await page.locator('.choices').waitFor();
    expect(await violations(page), 'chooser').toEqual([]);
    await search(page, 'not a place');
    expect(await violations(page), 'error').toEqual([]);
  });
}
