// The page's wasm memory, for the soak and the start-up benchmark: the app's instance and the catalog
// engine's (src/engine.rs), which is a wasm instance of its own the page cannot otherwise see.

/** Injected before any page script (`addInitScript`): keeps the app's exports and every instance made. */
export function recordWasmInstances() {
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmApp = e.detail?.wasm; });
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const made = await instantiate.apply(this, args);
    (window.__wasmInstances ??= []).push(made.instance ?? made);
    return made;
  };
}

/** In the page (`page.evaluate`): linear memory bytes of the app and of the other instances (the engine). */
export function wasmMemories() {
  const app = window.__wasmApp?.memory?.buffer;
  const others = (window.__wasmInstances ?? []).map((i) => i.exports.memory?.buffer).filter((b) => b && b !== app);
  return { app: app?.byteLength ?? 0, engine: others.reduce((n, b) => n + b.byteLength, 0), engines: others.length };
}

// Traps of the widget's own wasm, as a panic in the release build would be (`-Cpanic=immediate-abort`
// makes a panic a bare `unreachable`): the build has no switch to crash on purpose, so the e2e suite asks
// the wasm's allocator for an impossible size, which aborts. The trap's stack names the widget's wasm file.

/** In the page (`page.evaluate`), after `recordWasmInstances`: a trap out of a callback (a timer). */
export function trapNow() {
  setTimeout(() => window.__wasmApp.__wbindgen_malloc(0xfffffff0, 8));
}

/**
 * Injected before any page script (`addInitScript`): the widget's first `document.createElement` (its
 * first render, once `mount` has installed the crash listener) traps inside the wasm. Not after
 * `window.__noTrap` is set (a reload the test wants to go through).
 */
export function trapWhileMounting() {
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (source, imports) {
    let instance;
    let trapped = false;
    for (const ns of Object.values(imports ?? {})) {
      for (const [name, f] of Object.entries(ns)) {
        if (typeof f !== 'function' || !/createElement/.test(name)) continue;
        ns[name] = function (...args) {
          if (!trapped && !window.__noTrap && instance) {
            trapped = true;
            instance.exports.__wbindgen_malloc(0xfffffff0, 8);
          }
          return f.apply(this, args);
        };
      }
    }
    const made = await instantiate.call(this, source, imports);
    instance = made.instance ?? made;
    return made;
  };
}
