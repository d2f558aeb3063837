// <welfare-check> — embeds the widget in any page with one script and one element:
//
//   <script type="module" src="https://…/welfare-check.js"></script>
//   <welfare-check lang="it" call="2016"></welfare-check>
//
// Attributes: lang (it|en), call (edition id), theme (light|dark|contrast), catalog (URL of an updated
// catalog, packed by `welfare catalog-validate --out FILE.bin`), kiosk (present = kiosk mode), idle (kiosk idle seconds), qr-base (public URL the
// kiosk's QR code points to). The widget lives in a shadow root: host styles do not reach it and its
// styles do not leak out; the host themes it through the --wc-* custom properties on the element.
//
// Generated at build time by scripts/postbuild.mjs from embed/welfare-check.template.js: the asset
// names below are the build's hashed names.
const ASSETS = /*ASSETS*/ { js: 'app.js', wasm: 'app_bg.wasm', css: 'app.css', catalog: 'catalog.bin' };
const ATTRIBUTES = ['lang', 'call', 'theme', 'catalog', 'kiosk', 'idle', 'qr-base'];
const base = new URL('.', import.meta.url);
let ready;

function load() {
  ready ??= (async () => {
    // The wasm is fetched and compiled while the glue loads, not after it (one round trip fewer). On a
    // server without `application/wasm` the glue fetches the URL itself and takes its slower path.
    const wasm = new URL(ASSETS.wasm, base);
    const compiled = (typeof WebAssembly.compileStreaming === 'function'
      ? WebAssembly.compileStreaming(fetch(wasm))
      : Promise.reject(new Error('no compileStreaming'))).catch(() => wasm);
    const module = await import(new URL(ASSETS.js, base).href);
    await module.default({ module_or_path: await compiled });
    return module;
  })();
  return ready;
}

class WelfareCheck extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL(ASSETS.css, base).href;
    const root = document.createElement('div');
    root.className = 'wc-root';
    shadow.append(style, root);
    const params = new URLSearchParams();
    for (const name of ATTRIBUTES) {
      if (this.hasAttribute(name)) params.set(name, this.getAttribute(name) || '1');
    }
    // The widget fetches its catalog (ASSETS.catalog) from the folder this script came from.
    params.set('assets', base.href);
    const module = await load();
    module.mount_in(root, params.toString());
  }
}

if (!customElements.get('welfare-check')) customElements.define('welfare-check', WelfareCheck);
