// Baft's engine for integrators: load the data, then check a point or a plot.
//
//   import { loadBaft } from './baft.mjs';
//   const baft = await loadBaft('data/', { lang: 'en' });
//   const answer = baft.check('35.6951, 51.0946', 'area=150,street=8');
//
// Every data file crosses into WebAssembly as text (or bytes, for a FlatGeobuf .fgb) and is parsed in
// Rust: no large JS objects are built. Types: baft.d.ts. Docs: docs/js-api.md.
import init, { Baft, cityFolder, isCatalogue } from './baft_js.js';

export { init, Baft, cityFolder, isCatalogue };

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
 * that can't be fetched or read throws. A national catalogue instead of a manifest: the city
 * `city` names, else the one whose envelope holds `point` ([lon, lat]), is loaded; throws
 * (listing the cities) when none or several do.
 */
export async function loadBaft(baseUrl = 'data/', options = {}) {
  const { lang, fetch: customFetch, wasm, onProgress, city, point } = options;
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
  if (isCatalogue(manifest)) {
    const folder = cityFolder(manifest, city, point?.[0], point?.[1], lang);
    return loadBaft(base + folder, { ...options, city: undefined, point: undefined });
  }
  const baft = new Baft(manifest, lang);
  const files = baft.files();
  let done = 0;
  await Promise.all(files.map(async (file) => {
    try {
      // A FlatGeobuf parcel layer may be read by area; a server that ignores `Range` has sent
      // the whole file already (used as it is, not asked for twice).
      const opened = file.kind === 'parcels' && file.binary && options.ranges !== false
        ? await openByArea(baft, get, base + file.path, options.ranges === true)
        : null;
      if (opened !== true) {
        const r = opened ?? await fetchOk(file.path);
        if (file.binary) baft.addFileBytes(file.path, new Uint8Array(await r.arrayBuffer()));
        else baft.addFileText(file.path, await r.text());
      }
    } catch (e) {
      baft.addFileError(file.path, e instanceof Error ? e.message : String(e));
    }
    done += 1;
    if (onProgress) onProgress({ done, total: files.length, file });
  }));
  return baft;
}

// ---------------------------------------------------------------------------------------------
// A FlatGeobuf parcel layer read by area (HTTP range requests), as the app reads it.

/** A parcel file longer than this is read by area (the core's `FgbRanges::WHOLE_FILE_MAX`, which a test pins this to); a shorter one whole. */
export const WHOLE_FILE_MAX = 128 * 1024 * 1024;
const FIRST = 16 * 1024;
const byArea = new WeakMap(); // Baft → { get, url, queue }

/**
 * Asks for the parcel file's first 16 KB (and then its whole header, when longer). When the
 * server sends them (206, with the file's length) and the file is longer than WHOLE_FILE_MAX
 * (or `always`), the layer is read by area
 * from now on (`readParcels`): true. A server that ignores `Range` sends the whole file (200):
 * that response, to be read as it is. Otherwise null: fetch the file whole.
 */
async function openByArea(baft, get, url, always) {
  const r = await get(url, { headers: { Range: `bytes=0-${FIRST - 1}` } });
  if (r.status === 200) return r;
  const total = /\/(\d+)$/.exec(r.headers.get('content-range') || '');
  if (r.status !== 206 || !total || !(always || Number(total[1]) > WHOLE_FILE_MAX)) return null;
  const len = Number(total[1]);
  try {
    let head = new Uint8Array(await r.arrayBuffer());
    // A header longer than the first request (many columns, long metadata): asked for whole,
    // as the app does.
    const need = Baft.parcelHeaderLength(head);
    if (need > len) return null; // damage: read whole, which reports it
    if (need > head.length) {
      const rest = await get(url, { headers: { Range: `bytes=0-${need - 1}` } });
      if (rest.status === 200) return rest; // the whole file after all: used as it is
      if (rest.status !== 206) return null;
      head = new Uint8Array(await rest.arrayBuffer());
    }
    if (!baft.openParcelRanges(head, len)) return null;
  } catch (e) {
    return null; // damage: read whole, which reports it
  }
  byArea.set(baft, { get, url, queue: Promise.resolve() });
  return true;
}

/**
 * Reads the plots whose boxes meet [west, south, east, north] (lon/lat) into `baft`, by range
 * requests, when its parcel layer is read by area (`baft.parcelsByRanges`); then `parcelAt`,
 * `check` and the others know them. Resolves to the number of requests made (0 when the layer
 * is not read by area, or the plots were read before). Calls on one `baft` run one at a time.
 */
export function readParcels(baft, bbox) {
  const area = byArea.get(baft);
  if (!area) return Promise.resolve(0);
  const run = area.queue.then(async () => {
    let n = 0;
    for (let round = 0; round < 16; round += 1) {
      const ranges = baft.parcelRanges(bbox[0], bbox[1], bbox[2], bbox[3]);
      if (ranges.length === 0) break;
      for (let i = 0; i < ranges.length; i += 2) {
        const [a, b] = [ranges[i], ranges[i + 1]];
        const r = await area.get(area.url, { headers: { Range: `bytes=${a}-${b - 1}` } });
        if (r.status !== 206) throw new Error(`${area.url}: bytes ${a}-${b - 1} not sent (HTTP ${r.status})`);
        baft.addParcelBytes(a, new Uint8Array(await r.arrayBuffer()));
        n += 1;
      }
    }
    return n;
  });
  area.queue = run.catch(() => {});
  return run;
}

/** `readParcels` for the plots whose boxes hold one point. */
export function readParcelsAt(baft, lon, lat) {
  return readParcels(baft, [lon, lat, lon, lat]);
}
