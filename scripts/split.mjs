// After `trunk build --features split`, before postbuild.mjs: cuts the parts of the page that
// come after the first answer (src/components/later.rs) out of the app's wasm module into a
// second one, downloaded only once the first answer is painted. Run by scripts/build.sh.
//
// Trunk cannot split a module (trunk-rs/trunk#1022), so this redoes its last two steps the way
// `cargo leptos --split` does:
//   1. wasm-split-cli reads the module cargo linked (with relocations: -Clink-args=--emit-relocs)
//      and writes the main module, the later module (split_later.wasm), small shared chunks
//      (chunk_*.wasm) if any, and their loader (__wasm_split.js);
//   2. wasm-bindgen runs on the main module only, keeping the linker's exports (memory, function
//      table) that the later module shares;
//   3. wasm-opt -Oz --converge --strip-producers (as Trunk runs it) on every module;
//   4. every file gets a name from its final content: the later modules `split_later-<hash>`,
//      `chunk_<n>-<hash>`; the main module, its JS glue and the loader one name from all three
//      (they name each other, and the main module and the later ones must come from one build),
//      replacing Trunk's, whose hash is of the module before the split;
//   5. index.html: the new names and their integrity; the loader fetches each later module with
//      its integrity.
// Usage: node scripts/split.mjs [dist]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] || 'dist';
const fail = (msg) => { console.error(`[split] ${msg}`); process.exit(1); };
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const targetDir = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })).target_directory;
const linked = join(targetDir, 'wasm32-unknown-unknown/release/baft-app.wasm');
const work = join(targetDir, 'split');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');

const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const trunkName = (html.match(/href="\.\/(baft-app-[0-9a-f]+)\.js"/) || [])[1];
if (!trunkName) fail('no baft-app-<hash>.js in dist/index.html: run trunk build first');
// The module Trunk just bound is the one cargo linked, not one left from another build.
if (!existsSync(linked) || statSync(linked).mtimeMs > statSync(join(dist, `${trunkName}_bg.wasm`)).mtimeMs) {
  fail(`${linked} is not the module of dist/${trunkName}_bg.wasm: build with trunk first`);
}

// 1. Split.
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
run('wasm-split-cli', [linked, work]);
const modules = readdirSync(work).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)).sort();
if (!modules.some((f) => f.startsWith('split_later'))) {
  fail('wasm-split-cli wrote no later module: build the app with --features split and -Clink-args=--emit-relocs');
}

// 2. Bindings for the main module (named for now `main`, as the loader imports it).
const bound = join(work, 'bindgen');
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
  '--out-name', 'main', '--out-dir', bound, join(work, 'main.wasm')]);
// Its snippets are Trunk's (the same crate's): they must not differ.
(function same(d) {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    const there = join(dist, relative(bound, p));
    if (statSync(p).isDirectory()) same(p);
    else if (!existsSync(there) || !readFileSync(p).equals(readFileSync(there))) fail(`${relative(bound, p)} differs from Trunk's`);
  }
})(join(bound, 'snippets'));

// 3 and 4. Optimised, named by content, into dist/.
for (const f of readdirSync(dist)) {
  if (/^((split|chunk)_.*\.wasm|__wasm_split.*\.js)$/.test(f) || f.startsWith(`${trunkName}`)) rmSync(join(dist, f));
}
const opt = (from, to) => { run('wasm-opt', ['-Oz', '--converge', '--strip-producers', from, '-o', to]); return readFileSync(to); };
let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
const shipped = [];
for (const m of modules) {
  const bytes = opt(join(work, m), join(work, `${m}.opt`));
  const base = m.startsWith('split_later') ? 'split_later' : m.replace(/\.wasm$/, '');
  const hashed = `${base}-${sha256(bytes)}.wasm`;
  // Fetched with its integrity: a module that is not this build's is refused, not linked.
  const call = `fetch(new URL("./${m}", import.meta.url))`;
  if (!loader.includes(call)) fail(`__wasm_split.js does not fetch ./${m} as expected: a new wasm-split-cli?`);
  loader = loader.replace(call, `fetch(new URL("./${hashed}", import.meta.url), { integrity: "${sri(bytes)}" })`);
  writeFileSync(join(dist, hashed), bytes);
  shipped.push(hashed);
}
const wasm = opt(join(bound, 'main_bg.wasm'), join(work, 'main_bg.opt.wasm'));
let glue = readFileSync(join(bound, 'main.js'), 'utf8');
const name = `baft-app-${sha256(Buffer.concat([wasm, Buffer.from(glue), Buffer.from(loader)]))}`;
const loaderName = `__wasm_split-${name.slice('baft-app-'.length)}.js`;
const swap = (text, from, to, what) => {
  if (!text.includes(from)) fail(`${what} does not name ${from}: a new wasm-bindgen or wasm-split-cli?`);
  return text.split(from).join(to);
};
glue = swap(glue, "'main_bg.wasm'", `'${name}_bg.wasm'`, 'the JS glue');
// The import only: the imports object keeps "./__wasm_split.js", the module name in the wasm.
glue = swap(glue, 'from "./__wasm_split.js"', `from "./${loaderName}"`, 'the JS glue');
loader = swap(loader, 'from "./main.js"', `from "./${name}.js"`, '__wasm_split.js');
writeFileSync(join(dist, `${name}_bg.wasm`), wasm);
writeFileSync(join(dist, `${name}.js`), glue);
writeFileSync(join(dist, loaderName), loader);

// 5. index.html: the new names and integrity.
html = swap(html, trunkName, name, 'index.html');
for (const [file, bytes] of [[`${name}.js`, Buffer.from(glue)], [`${name}_bg.wasm`, wasm]]) {
  const tag = new RegExp(`(<link[^>]*href="\\./${file}"[^>]*integrity=")[^"]*(")`);
  if (!tag.test(html)) fail(`no preload with integrity for ${file} in index.html`);
  html = html.replace(tag, `$1${sri(bytes)}$2`);
}
// The loader is not preloaded: a <link rel="modulepreload" integrity> for it, anywhere in the
// head, made a link's first answer about 200 ms later (bench/ab-first-answer.mjs, CPU 4×: 0.82
// without it). The glue imports it at once, next to the snippets; its name is its content's.
writeFileSync(indexPath, html);
console.log(`[split] ${name}: the main module, ${loaderName} and ${shipped.length} later one(s) (${shipped.join(', ')})`);
