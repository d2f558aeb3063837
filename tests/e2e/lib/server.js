// A tiny static file server on loopback for the e2e suite: serves dist/ (and the fixtures and
// examples folders) with the right MIME types. Optional per-path headers let a test serve a page
// under a strict Content-Security-Policy.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

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

/**
 * Serves `mounts` ({ urlPrefix: folder }) on 127.0.0.1 at a free port.
 * `headers(urlPath)` may return extra response headers; `routes` maps paths to scripted answers.
 */
export async function serve(mounts, { headers = () => ({}), routes = {} } = {}) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
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
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
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
