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
