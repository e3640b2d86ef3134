// The bad-input corpus (tests/bad-inputs/) in the page, in Persian and English: every search,
// plate, share link and uploaded plot shows exactly the core's message; every bad layer,
// manifest and packages file is listed exactly in the data warnings (or the load failure); and
// afterwards the page still answers a good point, with no panic shown (#fatal hidden) and no page
// error. Inputs the tests generate (1,000,000 corners, 100 MB) are the core's and the CLI's job.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FX, ROOT, layer, openApp, search } from './helpers.mjs';

const DIR = join(ROOT, 'tests/bad-inputs');
const CORPUS = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()
  .flatMap((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')).entries);
const ofKind = (kind) => CORPUS.filter((e) => e.kind === kind && !e.generate);
const bytes = (e) => (e.input !== undefined ? Buffer.from(e.input, 'utf8') : readFileSync(join(DIR, 'files', e.file)));
const body = (e) => bytes(e).toString('utf8');
const LANGS = ['fa', 'en'];
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'data/manifest.json'), 'utf8'));
// A point between checks: its answer differs from every entry's, so each answer is a fresh one.
const RESET = '35.70, 51.10';

/** The language a share link's own `lang=` asks for (the page then answers in it), as the core's `SharedState::lang_of`. */
function linkLang(fragment) {
  const v = fragment.split('&').find((p) => p.startsWith('lang='))?.slice(5).trim().toLowerCase();
  if (['fa', 'fa-ir', 'persian', 'farsi'].includes(v)) return 'fa';
  if (['en', 'en-us', 'en-gb', 'english'].includes(v)) return 'en';
  return null;
}

/** The sample manifest without the 5 MB parcel layer (fast loads), plus `layers`. */
function manifestWith(layers = []) {
  const m = structuredClone(SAMPLE);
  delete m.parcels;
  m.layers.push(...layers);
  return JSON.stringify(m);
}

/** The manifest entry of a `layer` entry (as tests/bad-inputs/corpus.rs `layer_spec_json`). */
function layerSpec(e) {
  const t = (fa, en) => ({ fa, en });
  return {
    id: `bad-${e.id}`, kind: 'worn_out_fabric', name: t('لایهٔ آزمون', 'test layer'),
    versions: [{ id: '1', title: t('آزمون', 'test'), file: `bad/${e.id}.geojson`,
      approved: { jalali: '1402/05/14', iso: '2023-08-05' }, approved_by: t('آزمون', 'test') }],
    source: { name: t('آزمون', 'test') },
  };
}

/**
 * Feeds items to the page, in the page (no round trip per item): before each, the reset point
 * (typed, or as a link that also restores the page's language) so that every answer is a fresh
 * one; then the item — typed in the search box and Enter, a file given to the upload input, or
 * a link opened in place (hashchange). Returns, per item, the input error shown (null when the
 * input was accepted).
 */
function feed(page, lang, items) {
  return page.evaluate(async ({ lang, items, reset }) => {
    const q = document.querySelector('#q');
    const result = document.querySelector('#result');
    const upload = document.querySelector('input[type=file]');
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const settled = async (before) => {
      for (let i = 0; i < 400 && result.textContent === before; i++) await sleep(5);
    };
    const type = (text) => {
      q.value = text;
      q.dispatchEvent(new Event('input', { bubbles: true }));
      q.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    };
    const out = [];
    for (const it of items) {
      let before = result.textContent;
      if (it.how === 'link') location.hash = `p=${reset.replace(' ', '')}&lang=${lang}`;
      else type(reset);
      await settled(before);
      before = result.textContent;
      if (it.how === 'type') type(it.text);
      if (it.how === 'link') location.hash = it.text;
      if (it.how === 'upload') {
        const bin = atob(it.base64);
        const data = Uint8Array.from(bin, (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([data], it.name));
        upload.files = dt.files;
        upload.dispatchEvent(new Event('change', { bubbles: true }));
      }
      await settled(before);
      out.push(result.querySelector('.input-error')?.textContent ?? null);
    }
    return out;
  }, { lang, items, reset: RESET });
}

async function stillAnswers(page, errors) {
  const p = FX.worn_block.point;
  await search(page, `${p.lat}, ${p.lon}`);
  await expect(layer(page, 'worn-out-fabric')).toHaveAttribute('data-status', 'inside');
  await expect(page.locator('#fatal')).toBeHidden();
  expect(errors).toEqual([]);
}

for (const lang of LANGS) {
  test(`searches, plates, share links and uploaded plots give their exact messages (${lang})`, async ({ page }) => {
    const { errors } = await openApp(page, `/?lang=${lang}`);
    const typed = [...ofKind('search'), ...ofKind('plate')];
    const plots = ofKind('plot');
    // A link's own lang= is obeyed: the page answers in that language.
    const links = ofKind('link').filter((e) => e.input !== '');
    const items = [
      ...typed.map((e) => ({ how: 'type', text: e.input })),
      ...plots.map((e) => ({ how: 'upload', name: e.file ?? `${e.id}.geojson`, base64: bytes(e).toString('base64') })),
      ...links.map((e) => ({ how: 'link', text: e.input })),
    ];
    const shown = await feed(page, lang, items);
    const wants = [
      ...[...typed, ...plots].map((e) => (e.expect ? e.expect[lang] : null)),
      ...links.map((e) => (e.expect ? e.expect[linkLang(e.input) ?? lang] : null)),
    ];
    const all = [...typed, ...plots, ...links];
    const wrong = all.map((e, i) => ({ id: e.id, want: wants[i], shown: shown[i] })).filter((x) => x.want !== x.shown);
    expect(wrong).toEqual([]);
    // 240 of the corpus's 371 entries are typed, uploaded or opened as links (the rest are
    // layer, manifest and packages files, below, and inputs the core and CLI tests generate).
    expect(all.length).toBeGreaterThanOrEqual(240);
    await page.evaluate((l) => { location.hash = `lang=${l}`; }, lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await stillAnswers(page, errors);
  });

  test(`bad layer files are listed exactly in the data warnings (${lang})`, async ({ page }) => {
    const entries = ofKind('layer');
    const replace = { '/data/manifest.json': manifestWith(entries.map(layerSpec)) };
    for (const e of entries) replace[`/data/bad/${e.id}.geojson`] = body(e);
    const { errors } = await openApp(page, `/?lang=${lang}`, { replace });
    const listed = new Set(await page.locator('.problems li').allTextContents());
    const missing = entries.filter((e) => e.expect)
      .flatMap((e) => e.expect[lang].split('\n').filter((line) => !listed.has(line)).map((line) => ({ id: e.id, line })));
    expect(missing).toEqual([]);
    await stillAnswers(page, errors);
  });

  test(`bad manifests and packages files give their exact messages (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const wrong = [];
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    // A manifest that can't be used: the page says why instead of loading.
    let manifest = '';
    await page.route('**/data/manifest.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: manifest }));
    for (const e of ofKind('manifest').filter((x) => x.expect)) {
      manifest = body(e);
      await page.goto(`/?lang=${lang}`);
      const alert = page.locator('.data-status [role=alert]');
      await expect(alert).toBeVisible({ timeout: 20_000 });
      const shown = await alert.innerText();
      if (!shown.endsWith(e.expect[lang])) wrong.push({ id: e.id, want: e.expect[lang], shown });
    }
    await page.unroute('**/data/manifest.json');
    // A packages file that can't be used: listed in the data warnings, the rest works.
    let packages = '';
    await page.route('**/data/packages.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: packages }));
    await page.route('**/data/manifest.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: manifestWith() }));
    for (const e of ofKind('packages')) {
      packages = body(e);
      await page.goto(`/?lang=${lang}`);
      // The manifest first (the button is enabled), then every file: before the app has
      // mounted there is no progress bar either, so the other order could read too soon.
      await expect(page.locator('button.primary')).toBeEnabled({ timeout: 20_000 });
      await expect(page.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
      const listed = await page.locator('.problems li').allTextContents();
      const w = e.expect ? e.expect[lang].split('\n') : [];
      if (JSON.stringify(listed) !== JSON.stringify(w)) wrong.push({ id: e.id, want: w, shown: listed });
    }
    expect(wrong).toEqual([]);
    await stillAnswers(page, errors);
  });
}
