// An example form for integrators: Baft's engine (./baft.mjs) on the published data (../data/),
// with no framework. Everything is rendered with textContent (never innerHTML).
import { loadBaft } from './baft.mjs';

const T = {
  fa: {
    title: 'بافت — نمونهٔ API جاوااسکریپت',
    intro: 'این صفحه نمونه‌ای برای برنامه‌نویسان است: موتور بافت بدون رابط کاربری، در فرم شما.',
    loading: 'در حال بارگذاری داده…',
    ready: (v) => `داده بارگذاری شد (نسخهٔ ${v}).`,
    failed: 'داده بارگذاری نشد: ',
    q: 'مختصات، UTM، پلاک یا کد نوسازی (یا گوشه‌های ملک، هر کدام در یک سطر)',
    facts: 'ویژگی‌های ملک (اختیاری)',
    check: 'بررسی',
    problems: 'هشدارهای داده',
    switchTo: 'English',
    point: 'نقطه',
    plot: 'ملک',
    area: 'مساحت',
    plate: 'پلاک',
    layers: 'لایه‌ها',
    packages: 'بسته‌های تشویقی که شامل می‌شوند یا ممکن است شامل شوند',
    none: 'هیچ بسته‌ای شامل نمی‌شود.',
    others: 'بسته‌های دیگر',
    choose: 'چند مورد پیدا شد؛ یکی را انتخاب کنید:',
    street: 'خیابان یا مکان است، نه ملک: مختصات نقطه‌ای روی آن یا پلاک ملک را بنویسید.',
    office: 'دفتر تسهیلات',
    m2: 'متر مربع',
    outsideData: 'این مکان بیرون از محدودهٔ داده‌هاست.',
  },
  en: {
    title: 'Baft — JS API example',
    intro: 'An example for developers: Baft’s engine without its user interface, in your own form.',
    loading: 'Loading data…',
    ready: (v) => `Data loaded (version ${v}).`,
    failed: 'The data could not be loaded: ',
    q: 'Coordinates, UTM, plate or renovation code (or the plot’s corners, one per line)',
    facts: 'Plot facts (optional)',
    check: 'Check',
    problems: 'Data warnings',
    switchTo: 'فارسی',
    point: 'Point',
    plot: 'Plot',
    area: 'Area',
    plate: 'Plate',
    layers: 'Layers',
    packages: 'Incentive packages that apply or may apply',
    none: 'No package applies.',
    others: 'Other packages',
    choose: 'Several matches; pick one:',
    street: 'A street or place, not a plot: give the coordinates of a point on it, or the plot’s plate.',
    office: 'Facilitation office',
    m2: 'm²',
    outsideData: 'This place is outside the area the data covers.',
  },
};

const $ = (id) => document.getElementById(id);
let lang = 'fa';
let baft = null;
let last = null; // () => Answer: repeats the last check (e.g. after switching language)

function el(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const number = (x, digits = 1) =>
  new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-GB', { maximumFractionDigits: digits }).format(x);

function applyLanguage() {
  const t = T[lang];
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
  document.title = t.title;
  for (const e of document.querySelectorAll('[data-t]')) {
    const v = t[e.dataset.t];
    if (typeof v === 'string') e.textContent = v;
  }
  $('lang').textContent = t.switchTo;
  $('lang').lang = lang === 'fa' ? 'en' : 'fa';
  if (baft) {
    baft.setLanguage(lang);
    $('status').textContent = t.ready(baft.dataVersion);
    showProblems();
  }
}

function showProblems() {
  const list = $('problems');
  list.replaceChildren(...baft.problems().map((p) => el('li', p)));
  $('problems-box').hidden = list.children.length === 0;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
  $('answer').replaceChildren();
  delete $('answer').dataset.kind;
}

function run(fn) {
  last = fn;
  $('error').hidden = true;
  try {
    render(fn());
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
  }
}

function render(a) {
  const t = T[lang];
  const out = $('answer');
  out.replaceChildren();
  out.dataset.kind = a.kind;
  if (a.notice) out.append(el('p', a.notice, { class: 'notice' }));
  if (a.kind === 'choices') {
    out.append(el('p', t.choose));
    const ul = el('ul');
    const facts = $('facts').value;
    for (const c of a.choices) {
      if (c.kind === 'street') {
        // A street has no point to check (only its extent): say what to give instead.
        ul.append(el('li', `${c.name[lang]} — ${t.street}`));
        continue;
      }
      const b = el('button', c.kind === 'plot' ? `${c.plate ?? ''} ${c.plotId}`.trim() : c.name[lang], { type: 'button' });
      b.addEventListener('click', () =>
        run(() => (c.kind === 'plot' ? baft.checkParcel(c.index, facts) : baft.checkPoint(c.lon, c.lat, facts))));
      const li = el('li');
      li.append(b);
      ul.append(li);
    }
    out.append(ul);
    return;
  }
  const head = a.kind === 'plot'
    ? `${t.plot} — ${t.area}: ${number(a.areaM2)} ${t.m2}${a.plot?.plate ? ` — ${t.plate} ${a.plot.plate}` : ''}`
    : `${t.point}: ${number(a.lat, 6)}${lang === 'fa' ? '، ' : ', '}${number(a.lon, 6)}`;
  out.append(el('h2', head));
  if (!a.inDataArea) out.append(el('p', t.outsideData));

  out.append(el('h3', t.layers));
  const layers = el('ul', null, { class: 'layers' });
  for (const l of a.layers) {
    const li = el('li', null, { 'data-layer': l.id, 'data-status': l.status });
    let line = `${l.name[lang]}: ${l.statusText}`;
    if (l.percent !== undefined) {
      li.dataset.percent = String(l.percent);
      line += ` (${number(l.percent)}${lang === 'fa' ? '٪' : '%'})`;
    }
    li.append(el('strong', line), el('div', l.sentence), el('div', l.versionText, { class: 'small', 'data-version': l.version.id }));
    layers.append(li);
  }
  out.append(layers);

  if (a.packages.length > 0) {
    out.append(el('h3', t.packages));
    const good = a.packages.filter((p) => p.verdict === 'applies' || p.verdict === 'may_apply');
    const rest = a.packages.filter((p) => !good.includes(p));
    const list = (ps) => {
      const ul = el('ul', null, { class: 'packages' });
      for (const p of ps) {
        const li = el('li', null, { 'data-package': p.id, 'data-verdict': p.verdict });
        li.append(el('strong', `${p.name[lang]} — ${p.verdictText}`));
        const lines = p.verdict === 'applies' ? p.benefits
          : p.verdict === 'may_apply' ? p.questions
            : p.unmet.map((u) => u.text);
        for (const x of lines) li.append(el('div', x, { class: 'small' }));
        ul.append(li);
      }
      return ul;
    };
    out.append(good.length ? list(good) : el('p', t.none));
    if (rest.length) {
      const d = el('details');
      d.append(el('summary', `${t.others} (${number(rest.length, 0)})`), list(rest));
      out.append(d);
    }
    if (a.disclaimer) out.append(el('p', a.disclaimer, { class: 'small' }));
  }
  if (a.office) {
    const o = a.office.office;
    out.append(el('h3', t.office), el('p', `${o.name[lang]} — ${o.address[lang]} — ${o.phone}`));
  }
}

$('lang').addEventListener('click', () => {
  lang = lang === 'fa' ? 'en' : 'fa';
  applyLanguage();
  if (last && baft) run(last);
});

$('form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  if (!baft) return;
  const q = $('q').value;
  const facts = $('facts').value;
  run(() => baft.check(q, facts));
});

try {
  baft = await loadBaft('../data/', { lang });
  $('check').disabled = false;
  applyLanguage();
  document.documentElement.dataset.ready = 'true';
} catch (e) {
  $('status').textContent = T[lang].failed + (e instanceof Error ? e.message : String(e));
  document.documentElement.dataset.ready = 'error';
}
