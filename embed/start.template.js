// The standalone page's loader (index.html loads it as `<script type="module" async blocking="render">`,
// see Trunk.toml's pattern_script). Compared with Trunk's default inline loader it
// - starts fetching and compiling the wasm at once, in parallel with the JS glue, instead of after the
//   glue, the whole document and the stylesheet (a deferred module waits for all three);
// - decides, before the first paint, whether the start page prerendered into index.html at build time
//   (scripts/prerender.mjs) may show: only when the URL asks for that very page, so a share link, a step,
//   another language, edition or theme, or a kiosk never shows the wrong page; the live widget replaces it;
// - reads the operator's settings from `widget.conf` beside index.html (same origin, fetched at once, in
//   parallel with the wasm; see SECURITY.md): a kiosk, its idle time and QR base, an updated catalog are
//   the host's to set, never a link's. The page's link may only choose language, edition, theme;
// - is not inline, so index.html itself runs under `script-src 'self' 'wasm-unsafe-eval'`.
//
// Generated at build time by scripts/postbuild.mjs from embed/start.template.js: the asset names and the
// prerendered page's facts below are the build's.
const ASSETS = /*ASSETS*/ { js: 'app.js', wasm: 'app_bg.wasm' };
// { lang, call, until }: the prerendered page's language and edition, and the time (ms since 1970, UTC)
// it stops being true (the deadline, if the call was open at build time); null: nothing prerendered.
const PRERENDER = /*PRERENDER*/ null;
const base = new URL('.', import.meta.url);

/** Whether the live widget would show the prerendered start page at this URL and time. */
function prerenderFits({ search, hash }, prerender, now) {
  if (!prerender || (prerender.until && now >= prerender.until)) return false;
  // The start step: no fragment, or the one the widget writes for it (`#/`).
  if (!['', '#', '#/'].includes(hash)) return false;
  // Options that change the start page must be absent or the prerendered values (src/options.rs);
  // `embed`, `parent` (an iframe) and campaign tags do not change it; anything else hides it.
  const same = { lang: prerender.lang, call: prerender.call, theme: 'light' };
  for (const [key, value] of new URLSearchParams(search)) {
    if (key === 'embed' || key === 'parent' || key.startsWith('utm_')) continue;
    if (same[key] === undefined || same[key] !== value) return false;
  }
  return true;
}

/** Whether the operator's settings leave the start page as prerendered (no kiosk, language, edition…). */
function configFits(config) {
  return !config.split('\n').map((l) => l.trim()).some((l) => l && !l.startsWith('#'));
}

const html = document.documentElement;
// The operator's settings: an empty text when the file is missing or unreadable (the widget then runs
// with its defaults). Same origin, no credentials sent, never from the HTTP cache without revalidation.
const config = fetch(new URL('widget.conf', base), { credentials: 'same-origin', cache: 'no-cache' })
  .then((r) => (r.ok ? r.text() : ''))
  .catch(() => '');

const wasmUrl = new URL(ASSETS.wasm, base);
// Compiled while the rest loads; on a server without `application/wasm` (or a browser without
// compileStreaming) the glue fetches the URL itself and falls back to a slower path.
const compiled = (typeof WebAssembly.compileStreaming === 'function'
  ? WebAssembly.compileStreaming(fetch(wasmUrl))
  : Promise.reject(new Error('no compileStreaming'))).catch(() => wasmUrl);
const settings = await config;
if (prerenderFits(location, PRERENDER, Date.now()) && configFits(settings)) html.setAttribute('data-wc-prerender', 'show');

try {
  const bindings = await import(new URL(ASSETS.js, base).href);
  // `mount_page` mounts on #welfare-check: the document must be parsed (it usually is by now).
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  const wasm = await bindings.default({ module_or_path: await compiled });
  bindings.mount_page(settings);
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  // No start page that looks usable when the widget cannot start.
  html.removeAttribute('data-wc-prerender');
  throw error;
}
