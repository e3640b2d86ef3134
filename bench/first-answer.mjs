// Time to the first answer of a page opened at a `#p=lat,lon` link, in a fresh context with the
// CPU throttled (4× by default, a phone's speed): used by bench/vs-turf.mjs (the app against
// bench/peer.html) and bench/ab-first-answer.mjs (two builds of the app against each other).

import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Makes `site` a copy of dist/ (the real app) with the peer page (bench/peer.html, Turf and
 * Flatbush) beside it, its `data/` a link to the folder `data`. */
export function appSiteWithPeer(site, data) {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  for (const e of readdirSync('dist')) if (e !== 'data') cpSync(join('dist', e), join(site, e), { recursive: true });
  for (const f of ['peer.html', 'peer.mjs', 'vs-common.mjs']) cpSync(join('bench', f), join(site, f));
  cpSync('node_modules/@turf/turf/turf.min.js', join(site, 'turf.min.js'));
  cpSync('node_modules/flatbush/flatbush.js', join(site, 'flatbush.js'));
  symlinkSync(data, join(site, 'data'));
}

/** A phone's mobile network for the first-answer row that asks for one: 150 ms round trips,
 * 6.4 Mbit/s down, 0.75 up (CDP network emulation; localhost is otherwise instant). */
export const PHONE_NETWORK = { offline: false, latency: 150, downloadThroughput: 6.4e6 / 8, uploadThroughput: 0.75e6 / 8 };

export async function firstAnswer(browser, url, network = null, throttle = 4) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await page.addInitScript(() => {
    // `ms`: the answer's first row in the DOM. `visible`: its text painted (Element Timing on the
    // rows and everything in them, set as they enter the DOM, before any frame draws them), which
    // counts the layout, the fonts and the paint the answer still needed.
    window.__painted = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.identifier === 'answer') window.__painted.push(e.renderTime || e.loadTime);
    }).observe({ type: 'element', buffered: true });
    const mark = () => {
      const rows = document.querySelectorAll('#result [data-layer], #result [data-layer] *');
      if (window.__firstAnswer === undefined && rows.length) window.__firstAnswer = performance.now();
      if (window.__firstAnswer !== undefined) rows.forEach((e) => e.setAttribute('elementtiming', 'answer'));
    };
    new MutationObserver(mark).observe(document, { subtree: true, childList: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__firstAnswer !== undefined, null, { timeout: 600_000, polling: 50 });
  // Text that is never painted (rows off screen) leaves `visible` null rather than hanging.
  await page.waitForFunction(() => window.__painted.length > 0, null, { timeout: 30_000, polling: 50 }).catch(() => {});
  const { ms, visible } = await page.evaluate(() => ({ ms: window.__firstAnswer, visible: window.__painted.length ? Math.min(...window.__painted) : null }));
  const layers = await page.locator('#result [data-layer]').count();
  await context.close();
  return { ms, visible, layers };
}
