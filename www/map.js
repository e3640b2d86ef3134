// Thin wrapper around the self-hosted Leaflet (global `L`). Rust calls these through
// wasm-bindgen (src/map.rs); nothing here decides anything. The map container is kept
// left-to-right inside the right-to-left page.
//
// Leaflet is preloaded by the page but run only once the app has put its first answer on screen
// (the `baft-settled` event, src/settled.rs; scripts/postbuild.mjs turns its script into a
// preload), or after SETTLE_WAIT_MS, whichever comes first: its evaluation took about 180 ms of a
// phone-speed main thread before the answer. `mapCreate` makes the map once it has run and then
// tells the app (which draws its layers only from then on: src/components/map_view.rs); any other
// call made until then is queued and replayed in order (or dropped if Leaflet never loads).

let map = null;
let layers = {};
let marker = null;
let plot = null;
let circle = null;
let streets = null;
let base = null;
let queued = [];
let failed = false;

const leafletIn = () => typeof L !== 'undefined';

/** How long Leaflet waits for the app's first answer before it is run anyway. */
const SETTLE_WAIT_MS = 10000;

/** Resolves once Leaflet has run (true), or failed to load (false). */
const leafletReady = new Promise((resolve) => {
  let started = false;
  const run = () => {
    if (started) return;
    started = true;
    if (leafletIn()) return resolve(true);
    const preload = document.querySelector('link[data-leaflet]');
    if (!preload) return resolve(false);
    const script = document.createElement('script');
    script.src = preload.getAttribute('href');
    const integrity = preload.getAttribute('integrity');
    if (integrity) script.integrity = integrity;
    const cors = preload.getAttribute('crossorigin');
    if (cors !== null) script.crossOrigin = cors;
    script.addEventListener('load', () => resolve(leafletIn()), { once: true });
    script.addEventListener('error', () => resolve(false), { once: true });
    document.head.appendChild(script);
  };
  if (document.documentElement.hasAttribute('data-app-settled')) run();
  else {
    window.addEventListener('baft-settled', run, { once: true });
    setTimeout(run, SETTLE_WAIT_MS);
  }
});

/** Runs `fn` now if the map exists, else once it does (in call order). */
function whenMap(fn) {
  if (map) return fn();
  if (!failed) queued.push(fn);
  return undefined;
}

function create(el, lat, lon, zoom, onClick, ariaLabel) {
  map = L.map(el, { preferCanvas: true, zoomControl: true, attributionControl: true, keyboard: true });
  map.setView([lat, lon], zoom);
  map.attributionControl.setPrefix(false);
  el.setAttribute('aria-label', ariaLabel);
  map.on('click', (e) => onClick(e.latlng.lat, e.latlng.lng));
  window.baftMapPixel = mapPixel;
  // The GPS accuracy circle's radius in metres (0 when none is drawn), for tests: the map draws
  // on a canvas, so there is no element to look at.
  window.baftMapAccuracy = () => (circle ? circle.getRadius() : 0);
  const q = queued;
  queued = [];
  for (const fn of q) fn();
}

/** Makes the map once Leaflet has run; `onReady` is called then (never if Leaflet fails). */
export function mapCreate(el, lat, lon, zoom, onClick, ariaLabel, onReady) {
  el.setAttribute('aria-label', ariaLabel);
  leafletReady.then((ok) => {
    if (!ok) { failed = true; queued = []; return; }
    create(el, lat, lon, zoom, onClick, ariaLabel);
    onReady();
  });
  return true;
}

export function mapSetLabel(el, ariaLabel) {
  el.setAttribute('aria-label', ariaLabel);
}

export function mapSetLayer(id, geojsonText, colour, visible) {
  if (!map) return whenMap(() => mapSetLayer(id, geojsonText, colour, visible));
  if (layers[id]) {
    map.removeLayer(layers[id]);
  }
  const data = JSON.parse(geojsonText);
  const layer = L.geoJSON(data, {
    style: () => ({ color: colour, weight: 1.5, fillColor: colour, fillOpacity: 0.18 }),
    interactive: false,
  });
  layers[id] = layer;
  if (visible) layer.addTo(map);
}

export function mapShowLayer(id, visible) {
  if (!map) return whenMap(() => mapShowLayer(id, visible));
  if (!layers[id]) return;
  if (visible && !map.hasLayer(layers[id])) layers[id].addTo(map);
  if (!visible && map.hasLayer(layers[id])) map.removeLayer(layers[id]);
}

/** The point, and a GPS fix's accuracy circle of `accuracy` metres around it (0: none). */
export function mapShowPoint(lat, lon, pan, accuracy) {
  if (!map) return whenMap(() => mapShowPoint(lat, lon, pan, accuracy));
  if (plot) { map.removeLayer(plot); plot = null; }
  if (marker) map.removeLayer(marker);
  if (circle) { map.removeLayer(circle); circle = null; }
  if (accuracy > 0) {
    circle = L.circle([lat, lon], { radius: accuracy, color: '#0b3d91', weight: 2, dashArray: '6 4', fillOpacity: 0.08, interactive: false }).addTo(map);
  }
  marker = L.circleMarker([lat, lon], { radius: 8, color: '#0b3d91', weight: 3, fillColor: '#ffffff', fillOpacity: 1, interactive: false }).addTo(map);
  if (pan && circle) map.fitBounds(circle.getBounds(), { maxZoom: 19, padding: [30, 30] });
  else if (pan) map.setView([lat, lon], Math.max(map.getZoom(), 16));
}

export function mapShowPlot(geojsonText) {
  if (!map) return whenMap(() => mapShowPlot(geojsonText));
  if (marker) { map.removeLayer(marker); marker = null; }
  if (circle) { map.removeLayer(circle); circle = null; }
  if (plot) map.removeLayer(plot);
  plot = L.geoJSON(JSON.parse(geojsonText), { style: () => ({ color: '#0b3d91', weight: 3, fillOpacity: 0.1 }), interactive: false }).addTo(map);
  map.fitBounds(plot.getBounds(), { maxZoom: 19, padding: [40, 40] });
}

export function mapSetBasemap(url, attribution, maxZoom, on) {
  if (!map) return whenMap(() => mapSetBasemap(url, attribution, maxZoom, on));
  if (base) { map.removeLayer(base); base = null; }
  if (on) {
    base = L.tileLayer(url, { attribution, maxZoom, crossOrigin: true }).addTo(map);
    base.bringToBack();
  }
}

/** The city's first view, without animation: when the map is made after an answer (it waits
 *  for the first one), the answer's own move follows at once and must not meet a running zoom. */
export function mapFit(minLon, minLat, maxLon, maxLat) {
  if (!map) return whenMap(() => mapFit(minLon, minLat, maxLon, maxLat));
  map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { animate: false });
}

export function mapCenter() {
  if (!map) return [0, 0];
  const c = map.getCenter();
  return [c.lat, c.lng];
}

export function mapInvalidate() {
  whenMap(() => map.invalidateSize());
}

// Parcels: the app sends only those in view (see mapOnView).
let parcels = null;

export function mapSetParcels(geojsonText) {
  if (!map) return whenMap(() => mapSetParcels(geojsonText));
  if (parcels) map.removeLayer(parcels);
  parcels = L.geoJSON(JSON.parse(geojsonText), {
    style: () => ({ color: '#555', weight: 0.6, fill: false }),
    interactive: false,
  });
  parcels.addTo(map);
}

// Changes between boundary versions: added (green) and removed (red, dashed).
let changes = null;
export function mapShowChanges(geojsonText) {
  if (!map) return whenMap(() => mapShowChanges(geojsonText));
  if (changes) { map.removeLayer(changes); changes = null; }
  if (!geojsonText) return;
  changes = L.geoJSON(JSON.parse(geojsonText), {
    style: (f) => (f.properties.change === 'removed'
      ? { color: '#b00020', weight: 2.5, dashArray: '6 4', fillOpacity: 0.05 }
      : { color: '#0a7d32', weight: 2.5, fillColor: '#0a7d32', fillOpacity: 0.25 }),
    interactive: false,
  }).addTo(map);
}

// For tests and embedding: the pixel of a lat/lon in the map container.
export function mapPixel(lat, lon) {
  if (!map) return [];
  const p = map.latLngToContainerPoint([lat, lon]);
  return [p.x, p.y];
}

// Visible-parcels mode: the app sends only the plots in view (after each move), so a layer of
// 200,000 plots never becomes 200,000 map objects.
let onView = null;
export function mapOnView(callback) {
  if (!map) return whenMap(() => mapOnView(callback));
  onView = callback;
  const emit = () => {
    if (!map || !onView) return;
    const b = map.getBounds();
    onView(map.getZoom(), b.getWest(), b.getSouth(), b.getEast(), b.getNorth());
  };
  map.on('moveend', emit);
  emit();
}

// The zoom buttons' names in the page's language (Leaflet's own are English).
export function mapSetZoomLabels(zoomIn, zoomOut) {
  if (!map) return whenMap(() => mapSetZoomLabels(zoomIn, zoomOut));
  if (!map.zoomControl) return;
  for (const [button, label] of [[map.zoomControl._zoomInButton, zoomIn], [map.zoomControl._zoomOutButton, zoomOut]]) {
    if (!button) continue;
    button.setAttribute('title', label);
    button.setAttribute('aria-label', label);
  }
}

/** A label element: text only (never HTML: names come from data files), direction from its text. */
function labelEl(text) {
  const span = document.createElement('span');
  span.textContent = text;
  span.dir = 'auto';
  return span;
}

let streetData = null;
let streetLabels = null;

/** The middle of each segment (of each line) of a street feature, or its point, as [lat, lon]. */
function labelSpots(f) {
  const g = f.geometry;
  if (g.type === 'Point') return [[g.coordinates[1], g.coordinates[0]]];
  const out = [];
  for (const line of g.coordinates) {
    for (let k = 1; k < line.length; k++) {
      out.push([(line[k - 1][1] + line[k][1]) / 2, (line[k - 1][0] + line[k][0]) / 2]);
    }
  }
  return out;
}

/**
 * One label per street in view, at the middle of its segment nearest the view's centre (so
 * labels follow the owner around, and two streets never share a crossing), from zoom 16 on,
 * where they don't crowd each other.
 */
function placeStreetLabels() {
  streetLabels.clearLayers();
  if (!streetData) return;
  // Neighbourhood names first, from zoom 13: larger, and never crowded out by a street.
  const places = streetData.features.filter((f) => f.properties.kind === 'neighbourhood');
  if (map.getZoom() >= 13) {
    for (const f of places) {
      const [lon, lat] = f.geometry.coordinates;
      streetLabels.addLayer(L.tooltip({ permanent: true, direction: 'center', className: 'place-label', interactive: false })
        .setLatLng([lat, lon]).setContent(labelEl(f.properties.label)));
    }
  }
  if (map.getZoom() < 16) return;
  const view = map.getBounds().pad(-0.05);
  const c = map.latLngToContainerPoint(map.getCenter());
  // Labels keep clear of each other and of the answered point at the centre (pixels).
  const placed = [c];
  const clear = (q) => placed.every((o) => Math.abs(o.x - q.x) > 70 || Math.abs(o.y - q.y) > 22);
  for (const f of streetData.features.filter((g) => g.properties.kind !== 'neighbourhood')) {
    const spots = labelSpots(f).filter((p) => view.contains(p))
      .map((p) => ({ p, q: map.latLngToContainerPoint(p) }))
      .sort((a, b) => a.q.distanceTo(c) - b.q.distanceTo(c));
    const pick = spots.find((s) => clear(s.q));
    const best = pick && pick.p;
    if (pick) placed.push(pick.q);
    if (best) {
      streetLabels.addLayer(L.tooltip({ permanent: true, direction: 'center', className: 'street-label', interactive: false })
        .setLatLng(best).setContent(labelEl(f.properties.label)));
    }
  }
}

/**
 * The streets reference layer, under the zones: each street a grey line (boulevards wider),
 * squares small discs, labelled with their names, and the neighbourhoods' names (placeStreetLabels). Drawn again on a language
 * change.
 */
export function mapSetStreets(geojsonText) {
  if (!map) return whenMap(() => mapSetStreets(geojsonText));
  if (!map.getPane('streets')) {
    map.createPane('streets').style.zIndex = 350; // under the zones' overlay pane (400)
    streetLabels = L.layerGroup().addTo(map);
    map.on('moveend', placeStreetLabels);
  }
  if (streets) map.removeLayer(streets);
  const renderer = L.canvas({ pane: 'streets' });
  const width = (k) => (k === 'boulevard' ? 6 : k === 'street' ? 4 : 3);
  streetData = JSON.parse(geojsonText);
  streets = L.geoJSON(streetData, {
    filter: (f) => f.properties.kind !== 'neighbourhood',
    pane: 'streets',
    renderer,
    interactive: false,
    style: (f) => ({ color: '#8a8f94', weight: width(f.properties.kind), opacity: 0.9 }),
    pointToLayer: (f, ll) => L.circleMarker(ll, { pane: 'streets', renderer, radius: 6, color: '#8a8f94', weight: 2, fillColor: '#ffffff', fillOpacity: 1, interactive: false }),
  }).addTo(map);
  placeStreetLabels();
}

/** One street found by name, highlighted, with the map fitted to it. */
export function mapShowStreet(geojsonText) {
  if (!map) return whenMap(() => mapShowStreet(geojsonText));
  if (marker) { map.removeLayer(marker); marker = null; }
  if (circle) { map.removeLayer(circle); circle = null; }
  if (plot) map.removeLayer(plot);
  plot = L.geoJSON(JSON.parse(geojsonText), {
    style: () => ({ color: '#0b3d91', weight: 8, opacity: 0.8 }),
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 10, color: '#0b3d91', weight: 4, fillOpacity: 0.2 }),
    interactive: false,
  }).addTo(map);
  map.fitBounds(plot.getBounds(), { maxZoom: 18, padding: [30, 30] });
}
