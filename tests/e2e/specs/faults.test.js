// Faults the widget must survive: an updated catalog that fails (missing, invalid, wrong shape,
// too slow) and storage the browser refuses. Each time a visible notice, and the journey goes on
// with what the widget has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, visitor, checkScreen, ROOT } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';

const env = suite({ '/': path.join(ROOT, 'dist') }, {
  routes: {
    '/catalog/invalid.json': { body: '{"projects": [ oops' },
    '/catalog/wrong-shape.json': { body: '{"projects": "none", "organisations": 42}' },
    '/catalog/slow.json': { body: '{}', delay: 10_000 },
    '/catalog/html.json': { body: '<html>not json</html>', type: 'text/html' },
  },
});

const BROKEN = ['missing.json', 'invalid.json', 'wrong-shape.json', 'html.json', 'slow.json'];

for (const file of BROKEN) {
  test(`an updated catalog that fails (${file}) gives a notice and the bundled data keeps working`, async () => {
    const { context, page, record } = await visitor(env.browser);
    // The failed fetch itself is expected in the console (a 404); nothing else is.
    try {
      await page.goto(`${env.server.origin}/?catalog=${encodeURIComponent(`./catalog/${file}`)}`);
      await page.getByText(/Non è stato possibile aggiornare l'elenco di progetti e partner/).waitFor({ timeout: 15_000 });
      record.consoleErrors = record.consoleErrors.filter((e) => !/404|Failed to load resource/.test(e));
      const j = new Journey(page, record, `fault-catalog-${path.basename(file, '.json')}`);
      await j.press(/Inizia la verifica/);
      await j.heading(/Dove si svolge il progetto/);
      await j.fill('#wc-municipality', 'lecc');
      await page.locator('#wc-municipality-listbox [role=option]', { hasText: 'Lecco' }).first().waitFor();
      await j.screen('territory');
    } finally {
      await context.close();
    }
  });
}

test('storage the browser refuses: the journey works, saving says it cannot', async () => {
  const { context, page, record } = await visitor(env.browser);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  try {
    await page.goto(`${env.server.origin}/?now=2016-04-01T10:00`);
    const j = new Journey(page, record, 'fault-storage');
    await j.start();
    await j.territory({ province: 'PV' });
    await page.getByText(/Questo browser non permette di salvare/).waitFor();
    await j.network([
      { name: 'Comune di Pavia', kind: 'comune', province: 'PV' },
      { name: 'Cooperativa sociale Esempio', kind: 'social_cooperative', province: 'PV' },
    ]);
    await j.needs({ needs: ['Salute mentale'] });
    await j.money({ cost: '1.500.000', grant: '900.000' });
    await j.merit();
    await j.review([/Comune di Pavia/]);
    assert.match(await j.result(), /Ammissibile/);
  } finally {
    await context.close();
  }
});
