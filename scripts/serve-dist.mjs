// A small static file server for dist/ (no dependencies): correct MIME types, including
// application/wasm, nothing but files under the root, and the security headers docs/deploy.md
// prescribes (a strict Content-Security-Policy whose frame-ancestors and img-src come from
// data/manifest.json), and single byte ranges (`Range: bytes=…`, 206 / 416) as a static host or
// CDN serves them. Used by `scripts/serve.sh` and the end-to-end tests.
// Usage: node scripts/serve-dist.mjs [root] [port] [host]
import { createServer } from 'node:http';
import { open, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] || 8080);
const host = process.argv[4] || '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8', '.woff2': 'font/woff2', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/**
 * The headers for every response, from the manifest in `dir/data/manifest.json`:
 * frame-ancestors lists the embedding origins, img-src the basemap's tile server (if any).
 */
export async function securityHeaders(dir) {
  let manifest = {};
  try { manifest = JSON.parse(await readFile(join(dir, 'data/manifest.json'), 'utf8')); } catch { /* no data: defaults */ }
  const ancestors = ["'self'", ...((manifest.embed && manifest.embed.allowed_origins) || [])];
  const tiles = [];
  const url = manifest.basemap && manifest.basemap.url;
  if (url) {
    // A tile template like https://{s}.tile.example.org/{z}/{x}/{y}.png: its origin, {s} as *.
    const m = url.match(/^(https?:\/\/)([^/]+)/);
    if (m) tiles.push(m[1] + m[2].replace(/\{s\}/g, '*'));
  }
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${tiles.join(' ')}`.trim(),
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'geolocation=(self), camera=(), microphone=()',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/**
 * The range a `Range` header asks for in a file of `size` bytes: `[first, last]`, null for none
 * (or a form this server does not serve, such as several ranges: the whole file then), or 'bad'
 * when it can't be satisfied (416).
 */
export function byteRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec((header || '').trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let a; let b;
  if (m[1] === '') { a = Math.max(0, size - Number(m[2])); b = size - 1; } else { a = Number(m[1]); b = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1); }
  if (a > b || a >= size) return 'bad';
  return [a, b];
}

/**
 * The headers for one path: the staff page (/staff/) also allows style attributes
 * (`style-src-attr 'unsafe-inline'`): plotters measures chart text in a styled <span>. No
 * script runs from them; every other page keeps the strict policy.
 */
export function pageHeaders(headers, pathname) {
  const csp = headers['content-security-policy'];
  if (!csp || !/(^|\/)staff\//.test(pathname)) return headers;
  return { ...headers, 'content-security-policy': `${csp}; style-src-attr 'unsafe-inline'` };
}

export async function startServer(dir = root, p = port, h = host, { secure = true } = {}) {
  // `secure: false` for the benchmark pages only (they run inline measuring code).
  const headers = secure ? await securityHeaders(dir) : {};
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      let file = join(dir, path);
      if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
      let s = await stat(file).catch(() => null);
      if (s && s.isDirectory()) { file = join(file, 'index.html'); s = await stat(file).catch(() => null); }
      if (!s) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const type = { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache', 'accept-ranges': 'bytes' };
      // One byte range (`Range: bytes=a-b`, `a-` or `-n`), as a static host or CDN answers it:
      // only those bytes are read from the file (a province's parcel layer is hundreds of MB).
      const range = byteRange(req.headers.range, s.size);
      if (range === 'bad') {
        res.writeHead(416, { ...headers, ...type, 'content-range': `bytes */${s.size}` }).end();
        return;
      }
      if (range) {
        const [a, b] = range;
        const part = Buffer.alloc(b - a + 1);
        const fh = await open(file);
        try { await fh.read(part, 0, part.length, a); } finally { await fh.close(); }
        res.writeHead(206, { ...headers, ...type, 'content-range': `bytes ${a}-${b}/${s.size}`, 'content-length': part.length });
        res.end(part);
        return;
      }
      res.writeHead(200, { ...pageHeaders(headers, url.pathname), ...type });
      res.end(await readFile(file));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((ok) => server.listen(p, h, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().then(() => console.log(`Baft is served at http://${host}:${port}/ (Ctrl+C to stop)`));
}
