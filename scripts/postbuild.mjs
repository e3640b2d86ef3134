// After `trunk build`: makes dist/ work under a strict Content-Security-Policy and stamps the
// service worker. Run by scripts/build.sh.
//   1. Trunk's inline module loader moves to its own file (CSP: no 'unsafe-inline').
//   2. Every script and stylesheet of index.html gets Subresource Integrity (sha384).
//   3. No inline script, inline style or style attribute is left (else the build fails).
//   4. dist/sw.js gets the build id and the list of app-shell files to precache.
// Usage: node scripts/postbuild.mjs [dist]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] || 'dist';
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');
const short = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 12);
const fail = (msg) => { console.error(`[postbuild] ${msg}`); process.exit(1); };

// 1. Inline scripts (Trunk's loader) → files.
html = html.replace(/<script([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
  if (/\ssrc=/.test(attrs) || body.trim() === '') return whole;
  const buf = Buffer.from(body.trim() + '\n');
  const name = `init-${short(buf)}.js`;
  writeFileSync(join(dist, name), buf);
  const type = /type="module"/.test(attrs) ? ' type="module"' : '';
  return `<script${type} src="./${name}" integrity="${sri(buf)}" crossorigin="anonymous"></script>`;
});

// 2. Integrity on every local script and stylesheet that lacks it.
const local = (url) => join(dist, url.replace(/^\.?\//, '').split(/[?#]/)[0]);
html = html.replace(/<(script|link)\b([^>]*)>/g, (whole, tag, attrs) => {
  const isScript = tag === 'script';
  const isStyle = tag === 'link' && /rel="(stylesheet|modulepreload)"/.test(attrs);
  if ((!isScript && !isStyle) || /integrity=/.test(attrs)) return whole;
  const url = (attrs.match(isScript ? /\ssrc="([^"]+)"/ : /\shref="([^"]+)"/) || [])[1];
  if (!url || /^[a-z]+:/i.test(url) || !existsSync(local(url))) return whole;
  return `<${tag}${attrs} integrity="${sri(readFileSync(local(url)))}" crossorigin="anonymous">`;
});

// 2b. Leaflet is downloaded early but run late: the page preloads it, and www/map.js adds the
// script once the app has put its first answer on screen (src/settled.rs), so neither the page,
// the app's start nor a link's first answer waits for its evaluation (map calls are queued).
{
  let found = 0;
  html = html.replace(/<script (src="(\.\/leaflet-[0-9a-f]+\.js)")([^>]*)><\/script>/g, (whole, src, url, rest) => {
    found += 1;
    return `<link rel="preload" as="script" href="${url}"${rest} data-leaflet>`;
  });
  if (found !== 1) fail(`expected one Leaflet script in index.html, found ${found}`);
}

// 3. Nothing inline may remain.
if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) fail('an inline <script> is left in index.html');
if (/<style[\s>]/.test(html)) fail('an inline <style> is left in index.html');
if (/\sstyle="/.test(html)) fail('a style attribute is left in index.html');
if (/\son[a-z]+="/.test(html)) fail('an inline event handler is left in index.html');
writeFileSync(indexPath, html);

// 4. The service worker: build id and app-shell list.
const swPath = join(dist, 'sw.js');
if (existsSync(swPath)) {
  const shell = ['./'];
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const rel = relative(dist, p).split('\\').join('/');
      if (statSync(p).isDirectory()) {
        if (rel !== 'data' && rel !== 'js-api' && rel !== 'staff') walk(p);
      } else if (rel !== 'sw.js' && rel !== 'embed.html' && !rel.startsWith('embed-builder')) {
        shell.push(rel);
      }
    }
  })(dist);
  shell.sort();
  const build = short(Buffer.from(shell.map((f) => f + ' ' + short(f === './' ? html : readFileSync(join(dist, f)))).join('\n')));
  let sw = readFileSync(swPath, 'utf8');
  if (!sw.includes("'__BAFT_BUILD__'") || !sw.includes('__BAFT_SHELL__')) fail('sw.js lacks its build placeholders');
  sw = sw.replace("'__BAFT_BUILD__'", JSON.stringify(build)).replace('__BAFT_SHELL__', JSON.stringify(shell));
  writeFileSync(swPath, sw);
  console.log(`[postbuild] sw.js stamped: build ${build}, ${shell.length} shell files`);
}
console.log('[postbuild] index.html: loader external, integrity on every script and stylesheet');
