// Three visitors, from the start page to the result, on the release build. Every screen on the
// way has no console error, no request off 127.0.0.1 and zero axe violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, visitor } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';

const env = suite();

// The 2016 edition is open on this date, so an admissible network can be seen as such.
const OPEN = 'now=2016-04-01T10:00';

test('an admissible network in Lombardy, by keyboard only', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/?${OPEN}`);
    const j = new Journey(page, record, 'admissible', { keyboard: true });
    await j.start();
    await j.territory({ province: 'SO', municipality: 'sondr', pick: /Sondrio/ });
    await j.network([
      { name: 'Comune di Sondrio', kind: 'comune', province: 'SO' },
      { name: 'Cooperativa sociale Il Sentiero', kind: 'social_cooperative', province: 'SO' },
      { name: 'Confartigianato Sondrio', kind: 'trade_association', province: 'SO' },
    ]);
    await j.needs({ needs: ['Giovani (lavoro, NEET, autonomia)', 'Lavoro e occupabilità'], description: 'Orientamento al lavoro per i giovani della Valtellina con le imprese del territorio' });
    await j.money({ cost: '1.500.000', grant: '900.000', share: 'Il contributo è il 60 % del costo totale; il cofinanziamento della rete è 40 %.' });
    await j.merit();
    await j.review([/Comune di Sondrio/, /1\.500\.000 €/, /900\.000 €/]);
    const result = await j.result();
    assert.match(result, /Ammissibile/);
    assert.match(result, /Requisiti soddisfatti/);
    assert.doesNotMatch(result, /Requisiti non ancora soddisfatti/);
    assert.match(result, /Partner che potresti coinvolgere/);
    assert.match(result, /Progetti finanziati da cui imparare/);
    assert.equal(await page.evaluate(() => location.hash), '#/esito');

    // The idea beside the funded ones: a chart a figure, each on the projects it rests on, the idea
    // marked on every one (this visitor gave every figure), and the numbers in a table.
    const figures = page.locator('.wc-compare__figure');
    assert.equal(await figures.count(), 5);
    for (const figure of await figures.all()) {
      assert.match(await figure.textContent(), /basato su \d+ progetti/);
      assert.equal(await figure.locator('svg .wc-compare__you').count(), 1);
      assert.ok((await figure.locator('svg .wc-compare__dot').count()) >= 5);
    }
    const compare = await page.textContent('.wc-compare');
    assert.match(compare, /La tua idea: 1\.500\.000 €\. Progetti finanziati con un valore minore: \d+ su 8; maggiore: \d+ su 8\./);
    assert.match(compare, /La tua idea: 60 %/);
    assert.equal(await page.locator('.wc-compare__table tbody tr').count(), 5);

    // A message to the first suggested partner, by keyboard: a disclosure (native <details>: its
    // expanded state is the browser's) with the draft in a read-only text area and Copy.
    const summary = page.locator('#wc-partners .wc-draft > summary').first();
    const open = () => summary.evaluate((s) => s.parentElement.open);
    assert.match(await summary.textContent(), /^Prepara un messaggio: /);
    assert.equal(await open(), false);
    await j.focus(summary);
    await page.keyboard.press('Enter');
    assert.equal(await open(), true);
    const draft = page.locator('#wc-partners .wc-draft[open] textarea');
    assert.ok(await draft.evaluate((t) => t.readOnly));
    const text = await draft.inputValue();
    assert.match(text, /^Gentili /);
    assert.match(text, /L'idea in breve: Orientamento al lavoro per i giovani della Valtellina/);
    assert.match(text, /Territorio: Sondrio\./);
    assert.match(text, /firmare una lettera d'intenti prima della scadenza del bando/);
    assert.match(await page.textContent('#wc-partners .wc-draft[open]'), /Copia il messaggio[\s\S]*Nulla viene inviato/);
    assert.equal(await page.locator('#wc-projects-heading ~ ol .wc-draft').count(), await page.locator('#wc-projects-heading ~ ol > li').count());
    await j.screen('result-message');
    await page.keyboard.press('Enter');
    assert.equal(await open(), false);
  } finally {
    await context.close();
  }
});

test('a network without a public body sees the failed rule, its remedy and public bodies suggested', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/?${OPEN}`);
    const j = new Journey(page, record, 'no-public-body');
    await j.start();
    await j.territory({ province: 'SO', municipality: 'tiran', pick: /Tirano/ });
    await j.network([
      { name: 'Cooperativa sociale Il Sentiero', kind: 'social_cooperative', province: 'SO' },
      { name: 'Associazione Giovani in Valle', kind: 'association', province: 'SO' },
    ]);
    // The live hint on the network page comes from the same rule as the verdict.
    await j.needs({ needs: ['Giovani (lavoro, NEET, autonomia)', 'Lavoro e occupabilità'] });
    await j.money({ cost: '1.600.000', grant: '800.000' });
    await j.merit();
    await j.review([/Cooperativa sociale Il Sentiero/]);
    const result = await j.result();
    assert.match(result, /Non ancora ammissibile/);
    assert.match(result, /Requisiti non ancora soddisfatti \(1\)/);
    const failed = page.locator('#wc-not-met');
    assert.match(await failed.textContent(), /Come rimediare:.*ente pubblico/s);
    const partners = await page.locator('#wc-partners').textContent();
    assert.match(partners, /Comune di|Ufficio di Piano/);
    assert.match(partners, /la tua rete non ne ha|your network has none|requisito/i);
  } finally {
    await context.close();
  }
});

test('a network in a province outside the territory gets a clear answer and may go on', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/?${OPEN}`);
    const j = new Journey(page, record, 'outside');
    await j.start();
    await j.heading(/Dove si svolge il progetto/);
    await j.select('#wc-province', 'TO');
    await j.press('Aggiungi la provincia');
    await page.getByText(/Torino è fuori dal territorio del bando/).waitFor();
    await j.screen('territory-outside');
    await j.press('Continua');
    await j.network([
      { name: 'Comune di Torino', kind: 'comune', province: 'TO' },
      { name: 'Cooperativa Esempio', kind: 'social_cooperative', province: 'TO' },
    ]);
    await j.needs({ needs: ['Casa e abitare'] });
    await j.money({ cost: '1.500.000', grant: '900.000' });
    await j.merit();
    await j.review([/Torino/]);
    const result = await j.result();
    assert.match(result, /Non ancora ammissibile/);
    assert.match(await page.locator('#wc-not-met').textContent(), /Territorio/);
  } finally {
    await context.close();
  }
});
