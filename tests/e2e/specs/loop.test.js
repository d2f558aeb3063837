// Issue 14, point 2: a suggested partner joins the network from the result page, by keyboard only.
// A network without a public body (Lecco: a cooperative and an association) adds the first suggestion
// (a public body, "Colma il requisito") in one press: the public-body requirement is met in place, the
// page stays on the result, a status says what changed and what is still missing (the new member's
// letter of intent), the share link carries the new network, and one press undoes it. Axe clean on
// every state (before, after, after undo).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, visitor } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';

const env = suite();
const OPEN = 'now=2016-04-01T10:00';

test('a suggested public body joins the network from the result page, and one press undoes it', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/?${OPEN}`);
    const j = new Journey(page, record, 'loop', { keyboard: true });
    await j.start();
    await j.territory({ province: 'LC', municipality: 'lecco', pick: /Lecco/ });
    await j.network([
      { name: 'Cooperativa sociale Esempio', kind: 'social_cooperative', province: 'LC' },
      { name: 'Associazione Esempio', kind: 'association', province: 'LC' },
    ]);
    await j.needs({ needs: ['Giovani (lavoro, NEET, autonomia)'] });
    await j.money({ cost: '1.600.000', grant: '800.000' });
    await j.merit();
    await j.review([/Cooperativa sociale Esempio/]);
    const before = await j.result();
    assert.match(before, /Non ancora ammissibile/);
    assert.match(await page.locator('#wc-not-met').textContent(), /Un ente pubblico nella rete/);
    const link = await page.inputValue('#wc-share-link');
    const verdict = await page.locator('#wc-verdict').textContent();

    // The first suggestion fills the missing requirement: a public body.
    const card = page.locator('#wc-partners .wc-match').first();
    // Cards below the fold are laid out only as they near the viewport (`content-visibility: auto`).
    await card.scrollIntoViewIfNeeded();
    assert.match(await card.textContent(), /Colma il requisito/);
    const name = (await card.locator('h3').textContent()).trim();
    const add = card.getByRole('button', { name: new RegExp(`^Aggiungi alla rete\\s*:\\s*${escape(name)}$`) });
    await add.focus();
    await page.keyboard.press('Enter');

    const status = page.locator('#wc-added-status');
    await status.getByText('Un ente pubblico nella rete: requisito soddisfatto').waitFor();
    const said = await status.textContent();
    assert.match(said, new RegExp(`${escape(name)} è nella rete, senza lettera d'intenti per ora`));
    assert.match(said, /Ancora da fare: Raccogli la lettera d'intenti firmata di/, 'what is still missing: its letter');
    // Focus is on Undo; the page stays on the result; the verdict and the share link follow the new network.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'wc-added-undo');
    assert.equal(await page.evaluate(() => location.hash), '#/esito');
    assert.match(await page.locator('#wc-met').textContent(), /Un ente pubblico nella rete/);
    assert.doesNotMatch(await page.locator('#wc-not-met').textContent(), /Un ente pubblico nella rete/);
    assert.match(await page.locator('#wc-not-met').textContent(), /Lettere d'intenti/);
    const added = await page.inputValue('#wc-share-link');
    assert.notEqual(added, link, 'the share link carries the new network');
    // Partners already in the network are not suggested again.
    assert.equal(await page.locator('#wc-partners .wc-match h3', { hasText: name }).count(), 0);
    await j.screen('added');

    // One press undoes it, by keyboard: Enter on the focused Undo.
    await page.keyboard.press('Enter');
    await page.locator('#wc-added-undo').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#wc-verdict').textContent(), verdict);
    assert.match(await page.locator('#wc-not-met').textContent(), /Un ente pubblico nella rete/);
    assert.equal(await page.inputValue('#wc-share-link'), link, 'the share link is the one before');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'wc-partners-heading');
    assert.equal((await status.textContent()).trim(), '');
    await j.screen('undone');
  } finally {
    await context.close();
  }
});

// Issue 14, point 1: the member's name suggests real organisations and municipalities of the directory
// (accent- and case-insensitive, word starts), with the municipality search's keyboard pattern; picking
// one fills the kind and the province; free text stays possible.
test('typing a member name suggests the directory; picking one fills kind and province', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/?${OPEN}`);
    const j = new Journey(page, record, 'directory', { keyboard: true });
    await j.start();
    await j.territory({ province: 'LC' });
    await j.heading(/La rete di partner/);
    await j.fill('#wc-member-name', 'lecco');
    const option = page.locator('#wc-member-name-listbox [role=option]', { hasText: 'Comune di Lecco' });
    await option.first().waitFor();
    assert.match(await page.locator('.wc-autocomplete [role=status]').textContent(), /enti? trovat[oi]/);
    await j.screen('directory-suggestions');
    // Down to the option, Enter: the name, the kind and the province are filled.
    const options = await page.locator('#wc-member-name-listbox [role=option]').allTextContents();
    const at = options.findIndex((o) => o.startsWith('Comune di Lecco'));
    for (let i = 0; i <= at; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await page.inputValue('#wc-member-name'), 'Comune di Lecco');
    assert.equal(await page.inputValue('#wc-member-kind'), 'comune');
    assert.equal(await page.inputValue('#wc-member-province'), 'LC');
    assert.equal(await page.getAttribute('#wc-member-name', 'aria-expanded'), 'false');
    await j.check('Sì');
    await j.press('Aggiungi alla rete');
    await page.getByRole('heading', { name: /Comune di Lecco/ }).first().waitFor();
    assert.match(await page.locator('.wc-members').textContent(), /Comune · LC/);
    // Free text stays possible: a name the directory does not know, added with Enter in the field.
    await j.fill('#wc-member-name', 'Gruppo di vicinato Xyzzy');
    await page.locator('.wc-autocomplete [role=status]', { hasText: /Nessun ente trovato/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Gruppo di vicinato Xyzzy/ }).first().waitFor();
    await j.screen('directory-added');
  } finally {
    await context.close();
  }
});

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
