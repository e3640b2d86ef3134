// Baft embedding kit: what it writes for the web team from the form's settings (the app's URL,
// the iframe snippet and the example listener for the parent page). Text only, no DOM: used by
// embed-builder.js.

/** The app the snippet embeds (index.html beside embed.html). */
export const APP_URL = new URL('index.html', document.baseURI);
/** The app's own theme colour: left out of the URL. */
export const DEFAULT_THEME = '#0b3d91';
const TITLES = {
  fa: 'بافت — استعلام بافت فرسوده و محدوده‌های بازآفرینی',
  en: 'Baft — is my plot in an urban-regeneration area?',
};

/** The app's URL: configuration in the query, the initial point in the fragment. */
export function buildUrl(s) {
  const u = new URL(APP_URL.href);
  const q = new URLSearchParams();
  q.set('embed', '1');
  q.set('lang', s.lang);
  if (s.layer) q.set('layer', s.layer);
  if (s.theme !== DEFAULT_THEME) q.set('theme', s.theme.slice(1));
  u.search = q.toString();
  u.hash = s.point ? `p=${s.point[0]},${s.point[1]}` : '';
  return u.href;
}

const escapeAttr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function buildSnippet(url, s) {
  const attrs = [
    ['id', 'baft'],
    ['src', url],
    ['title', TITLES[s.lang]],
    ['width', s.width],
    ['height', s.height],
    ['allow', 'geolocation'],
    ['style', 'border:0;max-width:100%'],
  ];
  return `<iframe ${attrs.map(([k, v]) => `${k}="${escapeAttr(v)}"`).join('\n  ')}></iframe>`;
}

/** Example code for the parent page, with this Baft's origin filled in. */
export function buildListener(origin) {
  return `// Baft ⇄ your page (postMessage, version 1). Load this from a .js file, after the <iframe id="baft">.
// بافت ⇄ صفحهٔ شما — این کد را در یک فایل .js و پس از <iframe id="baft"> بگذارید.
const BAFT_ORIGIN = '${origin}';
const baft = document.getElementById('baft');
const MAX_HEIGHT = 2400; // px: a ceiling, so the frame can never grow without end
let baftReady = false;

// Baft → your page. Accept messages only from Baft's origin and from this frame.
window.addEventListener('message', (event) => {
  if (event.origin !== BAFT_ORIGIN || event.source !== baft.contentWindow) return;
  const msg = event.data;
  if (!msg || msg.source !== 'baft' || msg.version !== 1) return;
  switch (msg.type) {
    case 'ready': // the data has loaded: msg.dataVersion, msg.lang
      baftReady = true;
      break;
    case 'result': // after every check: msg.link (share link), msg.result (summary)
      for (const layer of msg.result.layers) {
        console.log(layer.name, layer.status, layer.percent ?? '', layer.zones.join(' '));
      }
      break;
    case 'error': // the input could not be read: msg.message is in the frame's language
      console.warn(msg.message);
      break;
    case 'resize': // the content's height in CSS px: let the frame fit it
      baft.style.height = Math.min(Math.ceil(msg.height), MAX_HEIGHT) + 'px';
      break;
  }
});

// Your page → Baft (send after 'ready'; Baft accepts them only from allowed origins).
function baftCheck(text) { // coordinates, UTM from the deed, a map link, a plate, a renovation code
  baft.contentWindow.postMessage({ target: 'baft', type: 'check', text }, BAFT_ORIGIN);
}
function baftCheckPoint(lat, lon) {
  baft.contentWindow.postMessage({ target: 'baft', type: 'checkPoint', lat, lon }, BAFT_ORIGIN);
}
function baftSetLanguage(lang) { // 'fa' or 'en'
  baft.contentWindow.postMessage({ target: 'baft', type: 'setLanguage', lang }, BAFT_ORIGIN);
}
`;
}
