// The catalog engine (engine-<hash>.wasm: the catalog reader, the search and the matching) is a wasm
// module beside the app, fetched with the catalog once the start page is up. When it cannot be used
// (here: the host serves something else under its name), the visitor is told as for a missing catalog,
// the check still reaches its verdict, and nothing crashes. When it stops later, while matching (a trap
// in its module), the result says the suggestions are unavailable: never "loading" for ever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { suite, visitor, ROOT } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';

const dist = path.join(ROOT, 'dist');
const engineFile = readdirSync(dist).find((f) => /^engine-[0-9a-f]{16}\.wasm$/.test(f));
// At / the engine's name serves something else; at /real/ the build is whole.
const env = suite({ '/': dist, '/real/': dist }, { routes: { [`/${engineFile}`]: { status: 200, body: '<html>not wasm</html>', type: 'application/wasm' } } });
const LOADING = /Sto caricando l'elenco/;

test('the release build ships its catalog engine beside the wasm, and the app itself cannot read a catalog', () => {
  assert.ok(engineFile, `no engine-<hash>.wasm in ${dist}`);
  // The catalog reader checks the packed file's first line: only the engine has it (the first load
  // carries no catalog code, ARCHITECTURE.md).
  const app = readdirSync(dist).find((f) => /^welfare-check-[0-9a-f]+_bg\.wasm$/.test(f));
  const has = (file) => readFileSync(path.join(dist, file)).includes('welfare-catalog/2\n');
  assert.equal(has(engineFile), true);
  assert.equal(has(app), false, `${app} links the catalog reader`);
});

test('without a working engine the check still gives a verdict, and says the suggestions are missing', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/?now=2016-04-01T10:00`);
    await page.getByText(/Non è stato possibile caricare l'elenco di progetti, partner e comuni/).waitFor({ timeout: 15_000 });
    const j = new Journey(page, record, 'fault-no-engine');
    await j.start();
    await j.territory({ province: 'PV' });
    const result = await j.admissibleNetwork({ town: 'Pavia', province: 'PV', need: 'Salute mentale' });
    assert.match(result, /Ammissibile/);
    assert.match(result, /Progetti e partner simili non sono disponibili/);
    assert.doesNotMatch(result, LOADING);
    assert.equal(await page.getByRole('heading', { name: 'Qualcosa non ha funzionato' }).count(), 0);
  } finally {
    await context.close();
  }
});

/** Injected before any page script: the catalog engine's instance traps (as a panic in its module
 * would) on every Match request (postcard variant 5 of welfare_core::catalog::engine::Request), and answers the
 * others (version, load, search) as usual. */
function trapOnMatch() {
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const made = await instantiate.apply(this, args);
    const exports = made?.exports;
    if (!(made instanceof WebAssembly.Instance) || typeof exports?.wc_call !== 'function') return made;
    let at = 0;
    const wrapped = {
      memory: exports.memory,
      wc_request: (len) => { at = exports.wc_request(len); return at; },
      wc_call: () => {
        if (new Uint8Array(exports.memory.buffer)[at] === 5) throw new WebAssembly.RuntimeError('unreachable');
        return exports.wc_call();
      },
    };
    Object.defineProperty(made, 'exports', { value: wrapped });
    window.__engineTrapped = true;
    return made;
  };
}

test('an engine that stops while matching: the result says the suggestions are unavailable, never loading', async () => {
  const { context, page, record } = await visitor(env.browser);
  await page.addInitScript(trapOnMatch);
  try {
    await page.goto(`${env.server.origin}/real/?now=2016-04-01T10:00`);
    const j = new Journey(page, record, 'fault-engine-stops');
    await j.start();
    // The engine works until the match: the municipality search answers.
    await j.territory({ province: 'PV', municipality: 'pavi', pick: /Pavia/ });
    assert.equal(await page.evaluate(() => window.__engineTrapped), true, 'the engine instance was not wrapped');
    const result = await j.admissibleNetwork({ town: 'Pavia', province: 'PV', need: 'Salute mentale' });
    assert.match(result, /Ammissibile/);
    assert.match(result, /Progetti e partner simili non sono disponibili/);
    assert.doesNotMatch(result, LOADING);
    // Still so a while later: nothing is coming.
    await page.waitForTimeout(1_000);
    assert.doesNotMatch(await page.textContent('.wc-main'), LOADING);
    assert.equal(await page.getByRole('heading', { name: 'Qualcosa non ha funzionato' }).count(), 0);
    // "See the suggested partners" leads to the message that says why there are none.
    await page.getByRole('link', { name: 'Vedi i partner suggeriti' }).first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'wc-partners-heading');
  } finally {
    await context.close();
  }
});
