// Accessibility: axe-core on every view, in Persian and in English — no violations at all
// (serious, critical, moderate or minor).
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { FX, openApp, search } from './helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page) {
  // Evaluated through the DevTools protocol: the page's strict CSP forbids inline scripts.
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
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
    await page.locator('.not-for-plot > summary').click();
    // A package's reasons and a boundary's history, opened, are checked too.
    await page.locator('.packages.applies .package-details > summary').first().click();
    const history = page.locator('#result .history-more > summary');
    if (await history.count()) await history.first().click();
    expect(await violations(page), 'comparison and details open').toEqual([]);
    await search(page, 'کاووسیه');
    await page.locator('.choices').waitFor();
    expect(await violations(page), 'chooser').toEqual([]);
    await search(page, 'not a place');
    expect(await violations(page), 'error').toEqual([]);
    await search(page, `${p.lat}, ${p.lon}`);
    await page.locator('.share-bar').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await violations(page), 'printed certificate').toEqual([]);
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`/?embed=1&lang=${lang}#p=${p.lat},${p.lon}`);
    await page.locator('#result [data-layer]').first().waitFor();
    expect(await violations(page), 'embedded').toEqual([]);
  });
}

/** Presses Tab until `selector` has the focus (at most `max` times); fails otherwise. */
async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.locator(selector).evaluate((e) => e === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard only: type coordinates, read the result, incentives, comparison, print', async ({ page }) => {
  await page.addInitScript(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await openApp(page);
  await tabTo(page, '#q');
  const p = FX.worn_block.point;
  await page.keyboard.type(`${p.lat}, ${p.lon}`);
  await page.keyboard.press('Enter');
  // The answer is announced (a polite live region) and says inside.
  await expect(page.locator('#result')).toHaveAttribute('aria-live', 'polite');
  await expect(page.locator('#result [data-layer="worn-out-fabric"]')).toHaveAttribute('data-status', 'inside');
  // Incentives: the plot's area, typed.
  await tabTo(page, '#fact-area');
  await page.keyboard.type('150');
  await expect(page.locator('.incentives .package').first()).toBeVisible();
  // The comparison opens with the keyboard and its table is reachable.
  await tabTo(page, 'details.compare > summary');
  await page.keyboard.press('Enter');
  await expect(page.locator('details.compare')).toHaveAttribute('open', '');
  await expect(page.locator('.compare-table').first()).toBeVisible();
  // Print.
  await tabTo(page, '#print');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  // Copy link is reachable too, and every focused control showed a visible focus ring.
  await tabTo(page, '#copy-link', 200);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe('none');
});

const ARABIC = /[\u0600-\u06FF]/;

for (const lang of ['fa', 'en']) {
  test(`screen-reader names are in the page's language (${lang})`, async ({ page }) => {
    await openApp(page, `/#lang=${lang}`);
    const p = FX.worn_block.point;
    await search(page, `${p.lat}, ${p.lon}`);
    await page.locator('.share-bar').waitFor();
    // Accessible names given by aria-label and by <label>, outside elements marked with another lang.
    const names = await page.evaluate(() => {
      const out = [];
      const own = document.documentElement.lang;
      const other = (el) => { const l = el.closest('[lang]'); return l && l.lang !== own; };
      for (const el of document.querySelectorAll('[aria-label], label, button, summary, legend, caption, th')) {
        if (other(el) || el.offsetParent === null) continue;
        const name = el.getAttribute('aria-label') || el.textContent.trim();
        if (name) out.push(name);
      }
      return out;
    });
    expect(names.length).toBeGreaterThan(15);
    // Names made of words (not only digits, symbols or codes such as "UTM").
    const wordy = names.filter((n) => /[A-Za-z\u0600-\u06FF]{3,}/.test(n));
    const wrong = lang === 'en' ? wordy.filter((n) => ARABIC.test(n)) : wordy.filter((n) => !ARABIC.test(n));
    expect(wrong).toEqual([]);
  });
}

test('every control is at least 44 × 44 px (WCAG 2.5.5), inline text links aside', async ({ page }) => {
  await openApp(page);
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await page.locator('.compare summary').click();
  const small = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('button, a[href], input, select, textarea, summary')) {
      if (el.offsetParent === null) continue;
      if (el.matches('a') && el.closest('p, li') && !el.classList.contains('button')) continue; // inline link
      // A checkbox counts by its whole label (the switch row).
      const box = (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')) || el;
      const r = box.getBoundingClientRect();
      if (r.width < 44 - 0.5 || r.height < 44 - 0.5) out.push(`${el.outerHTML.slice(0, 80)} ${r.width | 0}×${r.height | 0}`);
    }
    return out;
  });
  expect(small).toEqual([]);
});

for (const [name, viewport] of [['320 px wide (a small phone)', { width: 320, height: 640 }], ['200% zoom (1280 px window)', { width: 640, height: 450 }]]) {
  test(`usable at ${name}: no sideways scrolling, the whole flow works`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    const noScroll = () => page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth);
    expect(await noScroll()).toBe(true);
    const p = FX.worn_block.point;
    await search(page, `${p.lat}, ${p.lon}`);
    await expect(page.locator('#result [data-layer="worn-out-fabric"]')).toHaveAttribute('data-status', 'inside');
    await page.locator('.compare summary').click();
    expect(await noScroll()).toBe(true);
    for (const sel of ['#q', 'button.primary', '#copy-link', '#print', '#fact-area', 'button.lang']) {
      await page.locator(sel).scrollIntoViewIfNeeded();
      await expect(page.locator(sel)).toBeInViewport();
    }
    expect(await violations(page)).toEqual([]);
  });
}
