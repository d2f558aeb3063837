// A tiny static file server on loopback for the e2e suite: serves dist/ (and the fixtures and
// examples folders) with the right MIME types. Optional per-path headers let a test serve a page
// under a strict Content-Security-Policy; `compress` gzips text and wasm as a production host would
// (for the start-up benchmark on an emulated network).
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);

/**
 * Serves `mounts` ({ urlPrefix: folder }) on 127.0.0.1 at a free port.
 * `headers(urlPath)` may return extra response headers; `routes` maps paths to scripted answers;
 * `compress`: gzip (level 9, each file compressed once) when the request accepts it.
 */
export async function serve(mounts, { headers = () => ({}), routes = {}, compress = false } = {}) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const gzipped = new Map();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let pathname = decodeURIComponent(url.pathname);
    // Scripted answers (status, body, delay in ms) for fault tests.
    const route = routes[pathname];
    if (route) {
      if (route.delay) await new Promise((r) => setTimeout(r, route.delay));
      if (!res.destroyed) res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/json' }).end(route.body ?? '');
      return;
    }
    const prefix = prefixes.find((p) => pathname.startsWith(p));
    if (!prefix) { res.writeHead(404).end(); return; }
    const root = path.resolve(mounts[prefix]);
    let file = path.resolve(root, '.' + pathname.slice(prefix.length - 1));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      let body = await readFile(file);
      const extra = {};
      if (compress && COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${file}:${body.length}`;
        if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
        body = gzipped.get(key);
        Object.assign(extra, { 'content-encoding': 'gzip', vary: 'accept-encoding' });
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...extra,
        ...headers(pathname),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}
