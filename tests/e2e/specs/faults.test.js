// Faults the widget must survive: an updated catalog that fails (missing, invalid, wrong shape,
// too slow) and storage the browser refuses. Each time a visible notice, and the journey goes on
// with what the widget has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { suite, visitor, checkScreen, operated, ROOT } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';

// An updated catalog as a host would make it (`welfare catalog-validate DIR --out FILE.bin`): the real
// sources without one municipality (Pedesina, SO), so the test can tell it from the bundled one.
const updated = mkdtempSync(path.join(tmpdir(), 'wc-catalog-'));
cpSync(path.join(ROOT, 'data/catalog'), path.join(updated, 'src'), { recursive: true });
const comuni = path.join(updated, 'src/comuni-territorio.csv');
writeFileSync(comuni, readFileSync(comuni, 'utf8').split('\n').filter((l) => !l.includes(',Pedesina,')).join('\n'));
execFileSync('cargo', ['run', '-q', '-p', 'welfare-cli', '--', 'catalog-validate', path.join(updated, 'src'),
  '--out', path.join(updated, 'updated.bin')], { cwd: ROOT, stdio: 'inherit' });
const packed = readFileSync(path.join(updated, 'updated.bin'));

const BROKEN = ['missing.bin', 'damaged.bin', 'json.json', 'html.bin', 'slow.bin'];
const updates = Object.fromEntries(['updated.bin', ...BROKEN].map((f) => [f.replace(/\.\w+$/, ''), `catalog = /catalog/${f}\n`]));

// The operator names an updated catalog in widget.conf (a page per file, `/op/<name>/`); a link cannot.
const env = suite(...operated(updates, { '/': path.join(ROOT, 'dist') }, {
  routes: {
    '/catalog/updated.bin': { body: packed, type: 'application/octet-stream' },
    // The right header, then a cut: a download that stopped half way.
    '/catalog/damaged.bin': { body: packed.subarray(0, 4000), type: 'application/octet-stream' },
    '/catalog/json.json': { body: '{"projects": [], "organisations": []}' },
    '/catalog/slow.bin': { body: '', delay: 10_000 },
    '/catalog/html.bin': { body: '<html>not found</html>', type: 'text/html' },
  },
}));


test('an updated catalog that loads and validates replaces the bundled one', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/op/updated/`);
    const j = new Journey(page, record, 'fault-catalog-updated');
    await j.press(/Inizia la verifica/);
    await j.heading(/Dove si svolge il progetto/);
    // Sondrio's other comuni are there; Pedesina, left out of the update, is not.
    // The suggestions follow the typing: type again until the update has arrived (a few ms here).
    const noResult = page.getByText('Nessun Comune trovato');
    for (let i = 0; i < 50 && !(await noResult.isVisible()); i += 1) {
      await j.fill('#wc-municipality', i % 2 ? 'pedesi' : 'pedes');
      await page.waitForTimeout(200);
    }
    await noResult.waitFor({ timeout: 1_000 });
    await j.fill('#wc-municipality', 'sondr');
    await page.locator('#wc-municipality-listbox [role=option]', { hasText: 'Sondrio' }).first().waitFor();
    assert.equal(await page.getByText(/Non è stato possibile aggiornare/).count(), 0);
    await j.screen('territory');
  } finally {
    await context.close();
  }
});

for (const file of BROKEN) {
  test(`an updated catalog that fails (${file}) gives a notice and the bundled data keeps working`, async () => {
    const { context, page, record } = await visitor(env.browser);
    // The failed fetch itself is expected in the console (a 404); nothing else is.
    try {
      await page.goto(`${env.server.origin}/op/${file.replace(/\.\w+$/, '')}/`);
      await page.getByText(/Non è stato possibile aggiornare l'elenco di progetti e partner/).waitFor({ timeout: 15_000 });
      record.consoleErrors = record.consoleErrors.filter((e) => !/404|Failed to load resource/.test(e));
      const j = new Journey(page, record, `fault-catalog-${file.replace(/\.\w+$/, '')}`);
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
    assert.match(await j.admissibleNetwork({ town: 'Pavia', province: 'PV', need: 'Salute mentale' }), /Ammissibile/);
  } finally {
    await context.close();
  }
});
