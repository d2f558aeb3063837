// The bundled catalog is a file beside the wasm, fetched once the start page is up. When it cannot be
// loaded (a network that drops, a host that forgot to copy it), the visitor is told, the eligibility
// check still reaches its verdict, and the result says what it cannot suggest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { suite, visitor, ROOT } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';

const dist = path.join(ROOT, 'dist');
const catalogFile = readdirSync(dist).find((f) => /^catalog-[0-9a-f]{16}\.bin$/.test(f));
const env = suite({ '/': dist }, { routes: { [`/${catalogFile}`]: { status: 404, body: 'not found', type: 'text/plain' } } });

test('the build ships its catalog beside the wasm', () => {
  assert.ok(catalogFile, `no catalog-<hash>.bin in ${dist}`);
});

test('without its catalog the check still gives a verdict, and says the suggestions are missing', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/?now=2016-04-01T10:00`);
    await page.getByText(/Non è stato possibile caricare l'elenco di progetti, partner e comuni/).waitFor({ timeout: 15_000 });
    // The failed fetch itself is expected in the console (a 404); nothing else is.
    record.consoleErrors = record.consoleErrors.filter((e) => !/404|Failed to load resource/.test(e));
    const j = new Journey(page, record, 'fault-no-catalog');
    await j.start();
    // The provinces are embedded with the call: the territory question works without the catalog.
    await j.territory({ province: 'PV' });
    const result = await j.admissibleNetwork({ town: 'Pavia', province: 'PV', need: 'Salute mentale' });
    assert.match(result, /Ammissibile/);
    assert.match(result, /Progetti e partner simili non sono disponibili/);
    assert.equal(await page.locator('#wc-partners').count(), 0);
    // "See the suggested partners" (a criterion's remedy) leads to the message that says why there are none.
    await page.getByRole('link', { name: 'Vedi i partner suggeriti' }).first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'wc-partners-heading');
    assert.match(await page.evaluate(() => document.activeElement?.textContent), /non sono disponibili/);
  } finally {
    await context.close();
  }
});
