// The catalog engine (engine-<hash>.wasm: the catalog reader, the search and the matching) is a wasm
// module beside the app, fetched with the catalog once the start page is up. When it cannot be used
// (here: the host serves something else under its name), the visitor is told as for a missing catalog,
// the check still reaches its verdict, and nothing crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { suite, visitor, ROOT } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';

const dist = path.join(ROOT, 'dist');
const engineFile = readdirSync(dist).find((f) => /^engine-[0-9a-f]{16}\.wasm$/.test(f));
const env = suite({ '/': dist }, { routes: { [`/${engineFile}`]: { status: 200, body: '<html>not wasm</html>', type: 'application/wasm' } } });

test('the release build ships its catalog engine beside the wasm, and the app itself cannot read a catalog', () => {
  assert.ok(engineFile, `no engine-<hash>.wasm in ${dist}`);
  // The catalog reader checks the packed file's first line: only the engine has it (the first load
  // carries no catalog code, ARCHITECTURE.md).
  const app = readdirSync(dist).find((f) => /^welfare-check-[0-9a-f]+_bg\.wasm$/.test(f));
  const has = (file) => readFileSync(path.join(dist, file)).includes('welfare-catalog/1\n');
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
    assert.equal(await page.getByRole('heading', { name: 'Qualcosa non ha funzionato' }).count(), 0);
  } finally {
    await context.close();
  }
});
