// The staff page (issue 13): the facilitation office's workbench. The page only shows what the
// workbench (baft_staff.wasm, through workbench.mjs) computes with the core: the same figures,
// dossier, profiles and outreach as the `baft` CLI. Owners never load this page or its module.
import { connect, words } from './workbench.mjs';

const $ = (id) => document.getElementById(id);
const fa = (n) => Number(n).toLocaleString('fa-IR', { maximumFractionDigits: 2 });
const en = (n) => Number(n).toLocaleString('en-GB', { maximumFractionDigits: 2 });
let urls = [];

/** A sentence as nodes, each id or code in its own left-to-right element (`.id`), so the
 * right-to-left text around it never reorders it. */
function sentence(text) {
  return words(text).map((p) => (p.kind === 'id'
    ? Object.assign(document.createElement('span'), { className: 'id', dir: 'ltr', textContent: p.text })
    : document.createTextNode(p.text)));
}

/** A Persian sentence and its English, as the page writes every message. */
function say(el, persian, english) {
  el.replaceChildren(...sentence(persian), ' ');
  const e = document.createElement('span');
  e.lang = 'en';
  e.dir = 'ltr';
  e.textContent = english;
  el.append(e);
}

const STEPS = {
  site: (d, t, f) => [`داده‌های وبگاه: فایل ${fa(d + 1)} از ${fa(t)} (${f})`, `The site's data: file ${d + 1} of ${t} (${f})`],
  read: () => ['خواندن فایل برداشت…', 'Reading the survey…'],
  designate: () => ['سنجش سه معیار در هر بلوک…', 'Measuring the three criteria in each block…'],
  profile: () => ['شناسنامهٔ محله‌ها…', 'Profiling the neighbourhoods…'],
  dossier: () => ['تهیهٔ پرونده…', 'Laying out the dossier…'],
  files: () => ['ساختن فایل‌ها…', 'Making the files…'],
  letters: () => ['نوشتن نامه‌ها…', 'Writing the letters…'],
};

function busy(on) {
  $('survey').disabled = on;
  $('make').disabled = on;
  $('make-letters').disabled = on;
}

/** A report's body (the dossier or a profile, made by the core) shown in the page: its own
 * title and headings one level down, its print styles left to the downloaded file. */
function showReport(el, html) {
  const body = html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));
  el.innerHTML = body.replace(/<(\/?)h[12]\b/g, '<$1h3');
}

/** The survey read and the designation in the core's sentences (as `baft designate` says it). */
function summary(s, opened) {
  say($('summary'), `${fa(opened.plots)} پلاک خوانده شد. ${s.fa}`, `${en(opened.plots)} plots read. ${s.en}`);
}

function showProfiles(profiles) {
  const select = $('neighbourhood');
  select.replaceChildren(...profiles.map((p) => new Option(`${p.name.fa} (${p.id})`, p.id)));
  $('profiles').hidden = profiles.length === 0;
  if (profiles.length) send({ type: 'profile', id: profiles[0].id });
}

/** A list item with a link that downloads `f` ({name, mime, bytes}), and its size. */
function fileItem(f) {
  const url = URL.createObjectURL(new Blob([f.bytes], { type: f.mime }));
  urls.push(url);
  const a = document.createElement('a');
  a.href = url;
  a.download = f.name;
  a.textContent = f.name;
  a.dir = 'ltr';
  const li = document.createElement('li');
  li.append(a, ` (${fa(Math.max(1, Math.round(f.bytes.byteLength / 1024)))} کیلوبایت)`);
  return li;
}

function showDownloads(files) {
  for (const u of urls) URL.revokeObjectURL(u);
  urls = [];
  $('downloads').replaceChildren(...files.map(fileItem));
  $('letters').replaceChildren();
  say($('status'), `${fa(files.length)} فایل آماده است.`, `${files.length} files are ready.`);
}

function showLetters(file) {
  busy(false);
  if (!file) {
    $('letters').replaceChildren();
    say($('status'), 'هیچ پلاکِ این محله در بافت فرسوده نیست؛ نامه‌ای ساخته نشد.', 'None of this neighbourhood\'s plots is in the worn-out fabric; no letter was made.');
    return;
  }
  $('letters').replaceChildren(fileItem(file));
  say($('status'), 'نامه‌ها آماده است.', 'The letters are ready.');
}

/** The city the page's address names (`?c=`), in a national deployment. */
const cityAsked = new URLSearchParams(location.search).get('c') || '';

/** A national deployment and no city named: the catalogue's cities to choose from. */
function chooseCity(cities, why) {
  $('city').replaceChildren(...cities.map(([id, name]) => new Option(`${name.fa} — ${name.en}`, id)));
  $('city-why').replaceChildren();
  if (why) $('city-why').append(...sentence(why));
  $('city-why').hidden = !why;
  $('city-choice').hidden = false;
  $('progress').hidden = true;
  say($('status'), 'این وبگاه داده‌های چند شهر را دارد: شهر دفتر تسهیلات را انتخاب کنید.',
    'This site serves several cities: choose the facilitation office\'s city.');
}

/** The city being worked on, named in the page's header, with a way to change it. */
function showCity(id, name) {
  const change = Object.assign(document.createElement('a'), { href: './' });
  change.append('تغییر شهر ', Object.assign(document.createElement('span'), { lang: 'en', dir: 'ltr', textContent: 'Change city' }));
  const en = Object.assign(document.createElement('span'), { lang: 'en', dir: 'ltr', textContent: `City: ${name.en}` });
  $('city-now').replaceChildren(`شهر: ${name.fa} `, en, ' — ', change);
  $('city-now').hidden = false;
  $('back').href = `../#c=${encodeURIComponent(id)}`;
  document.title = `${name.fa}: ${document.title}`;
}

function onMessage(data) {
  if (data.type === 'choose') {
    chooseCity(data.cities, data.why);
  } else if (data.type === 'city') {
    showCity(data.id, data.name);
  } else if (data.type === 'progress') {
    $('progress').max = data.total;
    $('progress').value = data.done;
    say($('status'), ...STEPS[data.step](data.done, data.total, data.file));
  } else if (data.type === 'loaded') {
    $('progress').value = $('progress').max;
    busy(false);
    $('problems').replaceChildren(...data.problems.map((p) => {
      const li = document.createElement('li');
      li.append(...sentence(p));
      return li;
    }));
    $('problems').hidden = data.problems.length === 0;
    say($('status'), `داده‌های وبگاه آماده است (${fa(data.files)} فایل). فایل برداشت را باز کنید.`,
      `The site's data is ready (${data.files} files). Open the survey file.`);
  } else if (data.type === 'opened') {
    busy(false);
    $('progress').value = $('progress').max;
    $('error').hidden = true;
    summary(data.summary, data.opened);
    showReport($('dossier'), data.dossier || '');
    $('proposal').hidden = false;
    $('files').hidden = false;
    showProfiles(data.profiles);
    // A new survey: the files made from the last one are gone.
    for (const u of urls) URL.revokeObjectURL(u);
    urls = [];
    $('downloads').replaceChildren();
    $('letters').replaceChildren();
    $('letters-neighbourhood').replaceChildren(...data.neighbourhoods.map(([id, name]) => new Option(`${name.fa} (${id})`, id)));
    const warn = data.opened.problems.length ? ` ${fa(data.opened.problems.length)} مورد کنار گذاشته شد.` : '';
    say($('status'), `فایل برداشت خوانده و سنجیده شد.${warn}`, `The survey was read and analysed.${data.opened.problems.length ? ` ${data.opened.problems.length} problems were left out.` : ''}`);
    $('summary').focus();
  } else if (data.type === 'profile') {
    showReport($('profile'), data.html || '');
  } else if (data.type === 'letters') {
    showLetters(data.file);
  } else if (data.type === 'downloads') {
    busy(false);
    showDownloads(data.files);
  } else if (data.type === 'error') {
    busy(data.during === 'load');
    $('error').hidden = false;
    say($('error'), `خطا: ${data.message}`, data.during === 'open' ? 'The survey file could not be used; choose another.' : 'Something went wrong.');
  }
}
const send = connect(onMessage);

$('survey').addEventListener('change', async (ev) => {
  const file = ev.target.files[0];
  if (!file) return;
  $('chosen').textContent = file.name;
  busy(true);
  const bytes = await file.arrayBuffer();
  send({ type: 'open', name: file.name, bytes });
});
$('neighbourhood').addEventListener('change', (ev) => send({ type: 'profile', id: ev.target.value }));
$('make').addEventListener('click', () => {
  if (!$('base-url').reportValidity()) return;
  busy(true);
  send({ type: 'downloads', baseUrl: $('base-url').value });
});

$('make-letters').addEventListener('click', () => {
  if (!$('base-url').reportValidity()) return;
  busy(true);
  send({ type: 'letters', id: $('letters-neighbourhood').value, baseUrl: $('base-url').value });
});

$('summary').tabIndex = -1;
$('base-url').value = new URL('../', location.href).href;
busy(true);
$('open-city').addEventListener('click', () => {
  const url = new URL(location.href);
  url.searchParams.set('c', $('city').value);
  location.assign(url.href);
});
send({ type: 'load', dataUrl: new URL('../data/', location.href).href, lang: 'fa', city: cityAsked });
if ('serviceWorker' in navigator) navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {});
