// The staff page's workbench (baft_staff.wasm) behind a message interface: `connect(post)`
// gives `receive(message)`; progress is posted step by step, and the page is let paint between
// steps. It runs on the page's thread, not in a worker: the core draws its charts with plotters,
// whose text measuring in the browser needs the page's canvas. Every file is read in this
// browser: the survey is never sent anywhere.
import init, { Workbench, pieces, siteCity } from './baft_staff.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

let ready = false;

/** A sentence's pieces, `[{kind: 'text' | 'id', text}]`: its ids and codes apart, by the core's
 * rule (the owners' app's); the whole sentence as text until the module has loaded. */
export function words(text) {
  return ready ? pieces(text) : [{ kind: 'text', text }];
}

export function connect(post) {
  let wb;
  const progress = async (step, done, total, file = '') => {
    post({ type: 'progress', step, done, total, file });
    await frame();
  };

  async function load({ dataUrl, lang, city }) {
    await init();
    ready = true;
    let base = new URL(dataUrl);
    // Every file read is also kept for the staff page's service worker (sw.js), so that the
    // workbench opens offline after this first visit.
    const kept = 'caches' in self ? await caches.open('baft-staff').catch(() => null) : null;
    const get = async (url) => {
      const r = await fetch(url);
      if (r.ok && kept) await kept.put(url, r.clone()).catch(() => {});
      return r;
    };
    const manifest = async () => {
      const res = await get(new URL('manifest.json', base));
      if (!res.ok) throw new Error(`${new URL('manifest.json', base).pathname}: HTTP ${res.status}`);
      return res.text();
    };
    // A national deployment's data/manifest.json is a catalogue of cities: the core picks the
    // city the page's `?c=` names (or the only one), else the staff member chooses.
    let text = await manifest();
    const site = siteCity(text, city || undefined, lang);
    if (site.kind === 'choose') {
      post({ type: 'choose', cities: site.cities, why: site.why });
      return;
    }
    if (site.kind === 'city') {
      base = new URL(site.folder, base);
      text = await manifest();
      post({ type: 'city', id: site.id, name: site.name });
    }
    wb = new Workbench(text, lang, site.kind === 'city' ? site.id : undefined);
    const files = wb.siteFiles();
    const problems = [];
    for (const [k, f] of files.entries()) {
      await progress('site', k, files.length, f.path);
      const r = await get(new URL(f.path, base));
      if (!r.ok && f.optional) {
        problems.push(`${f.path}: HTTP ${r.status}`);
        continue;
      }
      if (!r.ok) throw new Error(`${f.path}: HTTP ${r.status}`);
      problems.push(...wb.addSiteFile(f.path, new Uint8Array(await r.arrayBuffer())));
    }
    post({ type: 'loaded', files: files.length, problems });
  }

  async function open({ name, bytes }) {
    await progress('read', 0, 4);
    const opened = wb.openSurvey(name, new Uint8Array(bytes));
    await progress('designate', 1, 4);
    wb.designate();
    const summary = wb.summary();
    await progress('profile', 2, 4);
    const profiles = wb.profile();
    await progress('dossier', 3, 4);
    const dossier = wb.dossier('a4');
    post({ type: 'opened', opened, summary, profiles, dossier, neighbourhoods: wb.neighbourhoods() });
  }

  return async function receive(data) {
    try {
      if (data.type === 'load') await load(data);
      else if (data.type === 'open') await open(data);
      else if (data.type === 'profile') post({ type: 'profile', id: data.id, html: wb.profileHtml(data.id) });
      else if (data.type === 'letters') {
        await progress('letters', 0, 1);
        post({ type: 'letters', file: wb.letters(data.id, data.baseUrl) });
      } else if (data.type === 'downloads') {
        await progress('files', 0, 1);
        post({ type: 'downloads', files: wb.downloads(data.baseUrl) });
      }
    } catch (e) {
      post({ type: 'error', during: data.type, message: (e && e.message) || String(e) });
    }
  };
}
