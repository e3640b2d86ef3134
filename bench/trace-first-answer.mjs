// Where the first answer's time goes: the app and the peer page (bench/peer.html) answering a
// `#p=` link with the zone layers alone, CPU 4×, each traced by Chromium (devtools timeline and
// V8's wasm events), alternating in fresh contexts of one browser. For each page it prints, in
// median ms over the runs, the time from navigation to the answer in the DOM, how much of it the
// main thread was busy, and what with: compiling wasm functions at their first call (V8 compiles
// each with Liftoff on the main thread when it is first called), the rest of V8's wasm work there
// (streaming, instantiation), running script (wasm included, and the promise callbacks the app's
// async Rust runs in), style and layout, paint, HTML and CSS parsing, garbage collection, and the
// rest: tasks' own time, which this trace does not break down (V8's own category, which would
// show JavaScript's parsing and compiling apart, slows the peer's page too much to compare), and
// the network's messages. Idle is waiting.
// TRACE_NAMES=1 prints the 25 event names with the most time of their own, per run.
//
// Needs target/vs-turf/zones-only (made by `./scripts/bench.sh vs-turf`) and a built dist/.
// Usage: node bench/trace-first-answer.mjs [runs]
import { chromium } from '@playwright/test';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { appSiteWithPeer } from './first-answer.mjs';
import { startServer } from '../scripts/serve-dist.mjs';

const RUNS = Number(process.argv[2] || 5);
const zones = resolve('target/vs-turf/zones-only');
if (!existsSync(zones)) throw new Error(`${zones} is missing: run ./scripts/bench.sh vs-turf first`);
const site = resolve('target/trace-site');
appSiteWithPeer(site, zones);

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm',
  'disabled-by-default-v8.wasm.detailed', 'blink.user_timing', 'loading'];
// The kinds of main-thread work, by trace event name (the first that matches an event's name).
const KINDS = [
  ['wasm compile at first call', /^wasm\.(CompileLazy|CompileBaseline|AddCompiledCode|PublishCode)$/],
  ['other wasm work (streaming, instantiation)', /^(wasm\.|v8\.wasm\.)/],
  ['style and layout', /^(Layout|UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|LayoutShift)$/],
  ['paint', /^(Paint|PrePaint|Layerize|UpdateLayer|Commit|CompositeLayers|PaintImage|RasterTask)$/],
  ['HTML and CSS parsing', /^(ParseHTML|ParseAuthorStyleSheet)$/],
  ['garbage collection', /^(MinorGC|MajorGC|V8\.GC|BlinkGC|ThreadState::)|GC/],
  ['script', /^(BlinkScheduler_PerformMicrotaskCheckpoint|EvaluateScript|v8\.compile|v8\.run|FunctionCall|v8\.callFunction|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8\.evaluateModule|XHRReadyStateChange|V8\.Execute|v8\.produceModuleCache|v8\.compileModule)$/],
];

function breakdown(events, answerAt, url) {
  // The page's own navigation (not the new tab's about:blank), on its renderer's main thread.
  const start = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame
    && (e.args.data.documentLoaderURL || '').startsWith(url.split('#')[0])).sort((a, b) => b.ts - a.ts)[0];
  if (!start) throw new Error(`no navigation to ${url} in the trace`);
  const main = { pid: start.pid, tid: start.tid };
  const nav = start.ts;
  const end = nav + answerAt * 1000;
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const unpaired = mine.filter((e) => e.ph === 'B' || e.ph === 'E').length;
  if (unpaired) console.error(`  (${unpaired} begin/end events on the main thread are not counted)`);
  // Complete events that overlap [navigation, answer), cut to it.
  const onMain = mine.filter((e) => e.ph === 'X' && e.ts + e.dur > nav && e.ts < end)
    .map((e) => ({ name: e.name, ts: Math.max(e.ts, nav), end: Math.min(e.ts + e.dur, end) }))
    .sort((a, b) => a.ts - b.ts || b.end - a.end);
  // Each event's own time (its duration less its children's) goes to the innermost kind that
  // holds it: a wasm compile inside a script's call is compile, a layout forced by script is
  // layout; what no kind holds is "other" (the tasks' own bookkeeping, loading, fonts).
  const out = { total: answerAt, busy: 0, other: 0 };
  for (const [k] of KINDS) out[k] = 0;
  const names = new Map();
  const stack = [];
  for (const e of onMain) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    // A child never outlasts its parent (rounding, or events that overlap without nesting).
    if (parent) e.end = Math.min(e.end, parent.end);
    const own = KINDS.find(([, re]) => re.test(e.name));
    const kind = own ? own[0] : parent ? parent.kind : 'other';
    const ms = (e.end - e.ts) / 1000;
    out[kind] += ms;
    names.set(e.name, (names.get(e.name) || 0) + ms);
    if (parent) { out[parent.kind] -= ms; names.set(parent.name, names.get(parent.name) - ms); } else out.busy += ms;
    stack.push({ end: e.end, kind, name: e.name });
  }
  if (process.env.TRACE_NAMES) console.error([...names].sort((x, y) => y[1] - x[1]).slice(0, 25).map(([n, v]) => `${n} ${v.toFixed(1)}`).join('\n'));
  out.idle = out.total - out.busy;
  return out;
}

async function traced(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (window.__firstAnswer === undefined && document.querySelector('#result [data-layer]')) window.__firstAnswer = performance.now();
    }).observe(document, { subtree: true, childList: true });
  });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  await page.waitForFunction(() => window.__firstAnswer !== undefined, null, { timeout: 120_000, polling: 50 });
  const at = await page.evaluate(() => window.__firstAnswer);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await context.close();
  return breakdown(trace.traceEvents, at, url);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const port = 4330;
const server = await startServer(site, port, '127.0.0.1');
const fx = JSON.parse(readFileSync('tests/fixtures/sample-points.json', 'utf8')).worn_block.point;
const hash = `#p=${fx.lat},${fx.lon}`;
const runs = { peer: [], app: [] };
for (let r = 0; r < RUNS; r++) {
  runs.peer.push(await traced(browser, `http://127.0.0.1:${port}/peer.html${hash}`));
  runs.app.push(await traced(browser, `http://127.0.0.1:${port}/${hash}`));
  process.stderr.write(`  run ${r + 1}/${RUNS} done\n`);
}
server.close();
await browser.close();
rmSync(site, { recursive: true, force: true });

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rows = ['total', 'busy', ...KINDS.map(([k]) => k), 'other', 'idle'];
const label = { total: 'navigation → answer in the DOM', busy: 'main thread busy', idle: 'main thread idle (network, waits)' };
console.log(`first answer to a #p= link, zone layers alone, CPU 4×, Chromium trace; medians of ${RUNS} (ms)\n`);
console.log('| | peer page | the app | app − peer |\n|---|---:|---:|---:|');
for (const k of rows) {
  const p = median(runs.peer.map((x) => x[k])), a = median(runs.app.map((x) => x[k]));
  const name = label[k] || `· ${k}`;
  console.log(`| ${name} | ${p.toFixed(0)} | ${a.toFixed(0)} | ${(a - p >= 0 ? '+' : '')}${(a - p).toFixed(0)} |`);
}
