// After `trunk build --features split`, before postbuild.mjs: cuts the parts of the page that
// come after the first answer (src/components/later.rs) out of the app's wasm module into a
// second one, downloaded only once the first answer is painted. Run by scripts/build.sh.
//
// Trunk cannot split a module (trunk-rs/trunk#1022), so this redoes its last two steps the way
// `cargo leptos --split` does:
//   1. wasm-split-cli reads the module cargo linked (with relocations: -Clink-args=--emit-relocs)
//      and writes the main module, the later module (split_later.wasm), small shared chunks
//      (chunk_*.wasm) and their loader (__wasm_split.js);
//   2. wasm-bindgen runs on the main module only, keeping the linker's exports (memory, function
//      table) that the later module shares, under the names Trunk gave the app's files;
//   3. wasm-opt -Oz --converge --strip-producers (as Trunk runs it) on every module;
//   4. index.html's integrity for the two replaced files is computed again.
// Usage: node scripts/split.mjs [dist]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const linked = 'target/wasm32-unknown-unknown/release/baft-app.wasm';
const work = 'target/split';
const fail = (msg) => { console.error(`[split] ${msg}`); process.exit(1); };
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });

const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const name = (html.match(/href="\.\/(baft-app-[0-9a-f]+)\.js"/) || [])[1];
if (!name) fail('no baft-app-<hash>.js in dist/index.html: run trunk build first');

// 1. Split.
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
run('wasm-split-cli', [linked, work]);
const modules = readdirSync(work).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)).sort();
if (!modules.some((f) => f.startsWith('split_later'))) {
  fail('wasm-split-cli wrote no later module: build the app with --features split and -Clink-args=--emit-relocs');
}

// 2. Bindings for the main module, under Trunk's names.
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
  '--out-name', name, '--out-dir', join(work, 'bindgen'), join(work, 'main.wasm')]);

// 3. Optimised into dist/.
for (const f of readdirSync(dist)) if (/^(split|chunk)_.*\.wasm$/.test(f)) rmSync(join(dist, f));
const opt = (from, to) => run('wasm-opt', ['-Oz', '--converge', '--strip-producers', from, '-o', to]);
opt(join(work, 'bindgen', `${name}_bg.wasm`), join(dist, `${name}_bg.wasm`));
copyFileSync(join(work, 'bindgen', `${name}.js`), join(dist, `${name}.js`));
// The splitter names modules by their split point (split_later.wasm, chunk_<n>.wasm): they get
// a hash of their content instead, so that a host may cache them for good (docs/deploy.md).
let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
if (!loader.includes('from "./main.js"')) fail('__wasm_split.js does not import ./main.js: a new wasm-split-cli?');
loader = loader.replace('from "./main.js"', `from "./${name}.js"`);
const shipped = [];
for (const m of modules) {
  opt(join(work, m), join(work, `${m}.opt`));
  const bytes = readFileSync(join(work, `${m}.opt`));
  const base = m.startsWith('split_later') ? 'split_later' : m.replace(/\.wasm$/, '');
  const hashed = `${base}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.wasm`;
  if (!loader.includes(`"./${m}"`)) fail(`__wasm_split.js does not name ${m}`);
  loader = loader.replace(`"./${m}"`, `"./${hashed}"`);
  writeFileSync(join(dist, hashed), bytes);
  shipped.push(hashed);
}
writeFileSync(join(dist, '__wasm_split.js'), loader);
const bound = readFileSync(join(dist, `${name}.js`), 'utf8');
if (!bound.includes('./__wasm_split.js')) fail(`${name}.js does not import ./__wasm_split.js`);

// 4. Integrity of the replaced files.
const sri = (file) => 'sha384-' + createHash('sha384').update(readFileSync(join(dist, file))).digest('base64');
for (const file of [`${name}.js`, `${name}_bg.wasm`]) {
  const tag = new RegExp(`(<link[^>]*href="\\./${file}"[^>]*integrity=")[^"]*(")`);
  if (!tag.test(html)) fail(`no preload with integrity for ${file} in index.html`);
  html = html.replace(tag, `$1${sri(file)}$2`);
}
writeFileSync(indexPath, html);
console.log(`[split] ${name}: the main module and ${shipped.length} later ones (${shipped.join(', ')})`);
