// Service worker of the offline kiosk: precaches every built asset (names from the build) and
// answers from its own cache first, so after one load with network the widget starts with none.
// Generated at build time by scripts/postbuild.mjs.
//
// A new deploy installs beside the running one and waits (no skipWaiting at install): a page open in
// the middle of a session keeps the worker and the cache it loaded with, so the hashed catalog and
// engine files it fetches later are still there, even once the server has only the new deploy's. The
// kiosk page tells the waiting worker to take over at its next wipe (src/platform.rs,
// `take_update_at_wipe`), when nobody is using it, and reloads once the new worker controls it: one
// reload. Only then are the old caches deleted. Off a kiosk page (every tab closed) the browser
// activates it by itself.
const VERSION = /*VERSION*/ 'dev';
const ASSETS = /*ASSETS*/ [];
const CACHE = `welfare-check-${VERSION}`;
const ACTIVATE = 'welfare-check:activate';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('message', (event) => {
  if (event.data === ACTIVATE) event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('welfare-check-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  // This worker's own cache: a new deploy's cache, installed beside it, has files of the same names
  // (index.html, start.js, sw.js's neighbours) with other contents.
  // The operator's settings (widget.conf) are theirs to change without a new deploy: the network's
  // copy first, the cached one offline.
  if (url.pathname.endsWith('/widget.conf')) {
    event.respondWith(fetch(event.request).catch(() => caches.open(CACHE).then((cache) => cache.match(event.request, { ignoreSearch: true }))));
    return;
  }
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(event.request, { ignoreSearch: true }))
      .then((hit) => hit ?? fetch(event.request)),
  );
});
