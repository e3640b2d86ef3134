// Baft embedding kit (embed.html): builds the iframe snippet from the form, shows a live preview
// of the same URL, logs every message the preview posts, and sends commands to it.
// Text only: nothing is ever written with innerHTML. No third-party requests.
// What it writes for the web team (the URL, the iframe, the listener) is in embed-builder-snippet.js.

import { APP_URL, DEFAULT_THEME, buildListener, buildSnippet, buildUrl } from './embed-builder-snippet.js';

const $ = (id) => document.getElementById(id);

const DEFAULT_WIDTH = 800;
const DEFAULT_HEIGHT = 640;
const APP_ORIGIN = APP_URL.origin;
const LOG_LIMIT = 200;
const RELOAD_DELAY_MS = 400;

let manifest = null;
let currentUrl = '';
let reloadTimer = 0;
let noMessageTimer = 0;

// ---- reading the form -----------------------------------------------------------------------

/** Persian and Arabic-Indic digits to Latin, the Persian decimal separator to a point. */
function latinDigits(s) {
  return s
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[٫]/g, '.')
    .replace(/[−–]/g, '-')
    .trim();
}

/** A whole number of pixels within [min, max], or null with a bilingual message. */
function readPixels(input, min, max) {
  const raw = latinDigits(input.value);
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return { value: n, message: '' };
  return {
    value: null,
    message: `عددی درست بین ${faDigits(min)} و ${faDigits(max)} بنویسید. — Enter a whole number from ${min} to ${max}.`,
  };
}

const faDigits = (n) => String(n).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);

function readDegree(raw, limit) {
  const s = latinDigits(raw);
  if (!/^[-+]?\d{1,3}(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

/** The optional initial point: { point: [lat, lon] | null, message, invalid: [inputs] }. */
function readPoint() {
  const latIn = $('lat');
  const lonIn = $('lon');
  // "35.7, 51.1" pasted into the latitude box fills both boxes.
  const both = latinDigits(latIn.value).split(/\s*[,،؛;]\s*|\s+/).filter(Boolean);
  if (both.length === 2 && !lonIn.value.trim() && both.every((x) => /^[-+]?\d+\.\d+$/.test(x))) {
    latIn.value = both[0];
    lonIn.value = both[1];
  }
  const latRaw = latIn.value.trim();
  const lonRaw = lonIn.value.trim();
  if (!latRaw && !lonRaw) return { point: null, message: '', invalid: [] };
  const lat = readDegree(latRaw, 90);
  const lon = readDegree(lonRaw, 180);
  const invalid = [];
  if (latRaw && lat === null) invalid.push(latIn);
  if (lonRaw && lon === null) invalid.push(lonIn);
  if (!invalid.length && (!latRaw || !lonRaw)) {
    return { point: null, invalid, message: 'عرض و طول هر دو لازم‌اند. — Both latitude and longitude are needed.' };
  }
  if (invalid.length) {
    return {
      point: null,
      invalid,
      message: 'نقطه خوانده نشد: عرض بین ۹۰- و ۹۰ و طول بین ۱۸۰- و ۱۸۰ درجه. در کد گذاشته نشد. — ' +
        'The point could not be read (latitude −90…90, longitude −180…180); it is left out of the code.',
    };
  }
  let message = '';
  const env = manifest && manifest.city && manifest.city.envelope;
  if (Array.isArray(env) && env.length === 4 && !(lon >= env[0] && lon <= env[2] && lat >= env[1] && lat <= env[3])) {
    message = 'این نقطه بیرون از محدودهٔ داده‌های شهر است. — This point is outside the city\'s data area.';
  }
  return { point: [lat, lon], message, invalid: [] };
}

function readForm() {
  const fixed = $('width-fixed').checked;
  const w = fixed ? readPixels($('width'), 320, 2000) : { value: '100%', message: '' };
  const h = readPixels($('height'), 300, 4000);
  const p = readPoint();
  showFieldMessage($('width'), $('width-msg'), w.message);
  showFieldMessage($('height'), $('height-msg'), h.message);
  $('point-msg').textContent = p.message;
  for (const el of [$('lat'), $('lon')]) el.setAttribute('aria-invalid', String(p.invalid.includes(el)));
  const theme = /^#[0-9a-f]{6}$/i.test($('theme').value) ? $('theme').value.toLowerCase() : DEFAULT_THEME;
  $('theme-value').textContent = theme;
  return {
    width: w.value ?? DEFAULT_WIDTH,
    height: h.value ?? DEFAULT_HEIGHT,
    lang: $('lang').value === 'en' ? 'en' : 'fa',
    layer: $('layer').value,
    theme,
    point: p.point,
  };
}

function showFieldMessage(input, out, message) {
  out.textContent = message;
  input.setAttribute('aria-invalid', String(Boolean(message)));
}

// ---- the live preview ------------------------------------------------------------------------

function setPreviewState(state) {
  const el = $('preview-status');
  el.dataset.state = state;
  const words = {
    loading: ['در حال بارگذاری…', 'Loading…'],
    ready: ['آماده است: فرمان بفرستید.', 'Ready: send a command.'],
    silent: ['پیش‌نمایش هنوز پیام «ready» نفرستاده است.', 'The preview has not posted \'ready\' yet.'],
  }[state];
  el.replaceChildren(`${words[0]} `, span('en', words[1]));
}

function span(lang, text) {
  const s = document.createElement('span');
  s.lang = lang;
  if (lang === 'en') s.dir = 'ltr';
  s.textContent = text;
  return s;
}

/** A fresh frame for every new URL: the preview always starts from the snippet's URL. */
function reloadPreview(url) {
  const old = $('preview');
  const frame = old.cloneNode(false);
  frame.removeAttribute('src');
  frame.setAttribute('src', url);
  old.replaceWith(frame);
  setPreviewState('loading');
  clearTimeout(noMessageTimer);
  noMessageTimer = setTimeout(() => {
    if ($('preview-status').dataset.state === 'loading') setPreviewState('silent');
  }, 20_000);
  logNote(`پیش‌نمایش بارگذاری شد — preview loaded: ${url}`);
}

function sizePreview(s) {
  const frame = $('preview');
  frame.setAttribute('width', String(s.width));
  frame.setAttribute('height', String(s.height));
}

// ---- the log ---------------------------------------------------------------------------------

function toJson(data) {
  try {
    const text = JSON.stringify(data, null, 2);
    return text === undefined ? String(data) : text;
  } catch {
    return String(data);
  }
}

function addLogEntry(dir, type, meta, body) {
  const log = $('log');
  const li = document.createElement('li');
  li.dataset.dir = dir;
  li.dataset.type = type;
  const head = document.createElement('p');
  head.className = 'log-meta';
  const time = new Date().toLocaleTimeString('en-GB', { hour12: false });
  const arrow = { in: '←', out: '→', note: '•' }[dir];
  head.textContent = `${arrow} ${type} · ${time}${meta ? ` · ${meta}` : ''}`;
  head.dir = 'ltr';
  li.append(head);
  if (body !== undefined) {
    const pre = document.createElement('pre');
    pre.dir = 'ltr';
    const code = document.createElement('code');
    code.textContent = body;
    pre.append(code);
    li.append(pre);
  }
  log.append(li);
  while (log.children.length > LOG_LIMIT) log.firstElementChild.remove();
  const box = $('log-box');
  box.scrollTop = box.scrollHeight;
}

const logNote = (text) => addLogEntry('note', 'note', text);

window.addEventListener('message', (event) => {
  const frame = $('preview');
  if (!frame || event.source !== frame.contentWindow) return;
  const data = event.data;
  const type = data && typeof data === 'object' && typeof data.type === 'string' ? data.type : typeof data;
  addLogEntry('in', type, `from ${event.origin}`, toJson(data));
  if (data && data.source === 'baft' && type === 'ready') {
    clearTimeout(noMessageTimer);
    setPreviewState('ready');
  }
});

// ---- sending a command -----------------------------------------------------------------------

function sendCommand(event) {
  event.preventDefault();
  const text = $('cmd-text').value.trim();
  const out = $('cmd-msg');
  if (!text) {
    out.textContent = 'چیزی بنویسید، مثلاً مختصات. — Type something, e.g. coordinates.';
    $('cmd-text').focus();
    return;
  }
  const frame = $('preview');
  if (!frame.contentWindow) return;
  const targetOrigin = new URL(frame.src).origin;
  const message = { target: 'baft', type: 'check', text };
  frame.contentWindow.postMessage(message, targetOrigin);
  addLogEntry('out', 'check', `to ${targetOrigin}`, toJson(message));
  out.textContent = $('preview-status').dataset.state === 'ready'
    ? 'فرستاده شد. — Sent.'
    : 'فرستاده شد، ولی پیش‌نمایش هنوز «ready» نفرستاده و شاید آن را نگیرد. — Sent, but the preview has not posted \'ready\' yet and may miss it.';
}

// ---- copying ---------------------------------------------------------------------------------

async function copy(text, selectIt, status) {
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    status.textContent = 'کپی شد. — Copied.';
  } catch {
    selectIt();
    status.textContent = 'متن انتخاب شد؛ Ctrl+C (یا ⌘+C) را بزنید. — The text is selected: press Ctrl+C (or ⌘+C).';
  }
}

function selectTextarea() {
  const ta = $('snippet');
  ta.focus();
  ta.select();
}

function selectListener() {
  const code = $('listener-code');
  const range = document.createRange();
  range.selectNodeContents(code);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  code.parentElement.focus();
}

// ---- manifest: layers and allowed origins -----------------------------------------------------

async function loadManifest() {
  const status = $('manifest-status');
  try {
    const r = await fetch('data/manifest.json', { cache: 'no-cache' });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    manifest = await r.json();
  } catch (e) {
    status.textContent = `data/manifest.json خوانده نشد — could not read data/manifest.json (${e.message}).`;
    return;
  }
  const select = $('layer');
  const chosen = select.value;
  for (const l of Array.isArray(manifest.layers) ? manifest.layers : []) {
    if (typeof l.id !== 'string') continue;
    const o = document.createElement('option');
    o.value = l.id;
    const fa = l.name && l.name.fa ? l.name.fa : l.id;
    const en = l.name && l.name.en ? l.name.en : l.id;
    o.textContent = `${fa} — ${en}`;
    select.append(o);
  }
  select.value = chosen;

  const list = $('origins');
  list.replaceChildren();
  const own = document.createElement('li');
  own.textContent = `${APP_ORIGIN} (Baft itself / خود بافت)`;
  list.append(own);
  const origins = manifest.embed && Array.isArray(manifest.embed.allowed_origins) ? manifest.embed.allowed_origins : [];
  for (const o of origins) {
    const li = document.createElement('li');
    li.textContent = String(o);
    list.append(li);
  }
  if (!origins.length) {
    status.textContent = 'هیچ نشانی دیگری مجاز نیست: embed.allowed_origins را در manifest.json بیفزایید. — ' +
      'No other origin is allowed yet: add embed.allowed_origins to manifest.json.';
  } else if (origins.some((o) => /^http:\/\/(localhost|127\.0\.0\.1)(:|$)/.test(String(o)))) {
    status.textContent = 'یادآوری: نشانی‌های localhost فقط برای آزمایش‌اند؛ پیش از انتشار بردارید. — ' +
      'Reminder: localhost origins are for trying it out; remove them before publishing.';
  }
  update();
}

// ---- wiring ----------------------------------------------------------------------------------

function update() {
  const s = readForm();
  const url = buildUrl(s);
  $('snippet').value = buildSnippet(url, s);
  $('open-app').href = url;
  sizePreview(s);
  if (url !== currentUrl) {
    currentUrl = url;
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => reloadPreview(url), RELOAD_DELAY_MS);
  }
}

function init() {
  const form = $('settings');
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  // Typing a width means a fixed width.
  $('width').addEventListener('input', () => { $('width-fixed').checked = true; });
  $('theme-reset').addEventListener('click', () => { $('theme').value = DEFAULT_THEME; update(); });
  $('use-centre').addEventListener('click', () => {
    const c = manifest && manifest.city && manifest.city.center; // [lon, lat]
    if (!Array.isArray(c) || c.length !== 2) return;
    $('lat').value = String(c[1]);
    $('lon').value = String(c[0]);
    update();
  });
  $('clear-point').addEventListener('click', () => {
    $('lat').value = '';
    $('lon').value = '';
    update();
  });
  $('copy').addEventListener('click', () => copy($('snippet').value, selectTextarea, $('copy-status')));
  $('copy-listener').addEventListener('click', () => copy($('listener-code').textContent, selectListener, $('copy-listener-status')));
  $('cmd-form').addEventListener('submit', sendCommand);
  $('log-clear').addEventListener('click', () => $('log').replaceChildren());
  $('listener-code').textContent = buildListener(APP_ORIGIN);

  // The first preview loads at once; later changes wait for the typing to pause.
  const s = readForm();
  currentUrl = buildUrl(s);
  $('snippet').value = buildSnippet(currentUrl, s);
  $('open-app').href = currentUrl;
  sizePreview(s);
  reloadPreview(currentUrl);
  loadManifest();
}

init();
