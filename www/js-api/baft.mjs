// Baft's engine for integrators: load the data, then check a point or a plot.
//
//   import { loadBaft } from './baft.mjs';
//   const baft = await loadBaft('data/', { lang: 'en' });
//   const answer = baft.check('35.6951, 51.0946', 'area=150,street=8');
//
// Every data file crosses into WebAssembly as text (or bytes, for a FlatGeobuf .fgb) and is parsed in
// Rust: no large JS objects are built. Types: baft.d.ts. Docs: docs/js-api.md.
import init, { Baft } from './baft_js.js';

export { init, Baft };

let ready = null;

/** Initialises the WebAssembly module once (later calls share the first). */
function initOnce(wasm) {
  if (!ready) {
    ready = init(wasm === undefined ? undefined : { module_or_path: wasm }).catch((e) => {
      ready = null;
      throw e;
    });
  }
  return ready;
}

/**
 * Fetches `manifest.json` from `baseUrl`, then every file it lists (in parallel, each added as
 * soon as it arrives), and returns the loaded `Baft`. A file that can't be fetched is recorded
 * as a problem (see `baft.problems()`) and the rest goes on loading, as in the app; a manifest
 * that can't be fetched or read throws.
 */
export async function loadBaft(baseUrl = 'data/', { lang, fetch: customFetch, wasm, onProgress } = {}) {
  await initOnce(wasm);
  const get = customFetch ?? ((url, init) => globalThis.fetch(url, init));
  const base = baseUrl === '' || baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const fetchOk = async (path) => {
    const url = base + path;
    const r = await get(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r;
  };
  const manifest = await (await fetchOk('manifest.json')).text();
  const baft = new Baft(manifest, lang);
  const files = baft.files();
  let done = 0;
  await Promise.all(files.map(async (file) => {
    try {
      const r = await fetchOk(file.path);
      if (file.binary) baft.addFileBytes(file.path, new Uint8Array(await r.arrayBuffer()));
      else baft.addFileText(file.path, await r.text());
    } catch (e) {
      baft.addFileError(file.path, e instanceof Error ? e.message : String(e));
    }
    done += 1;
    if (onProgress) onProgress({ done, total: files.length, file });
  }));
  return baft;
}
