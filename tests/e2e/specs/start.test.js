// The start page of the release build: loads clean, says what the call is, switches language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, visitor, checkScreen } from '../lib/harness.js';

const env = suite();

test('start page: the call, the deadline, a start button; Italian first, English on request', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/`);
    // The live widget (the prerendered copy, see prerender.test.js, has a start link, not a button).
    await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor();
    const h1 = page.locator('h1');
    assert.match(await h1.textContent(), /Welfare di Comunità e Innovazione Sociale/);
    assert.equal(await page.getAttribute('html', 'lang'), 'it');
    const body = await page.textContent('body');
    assert.match(body, /28\/04\/2016 ore 18:00/, 'the deadline comes from the call data');
    assert.match(body, /nulla viene inviato/);
    assert.ok(await page.getByRole('button', { name: 'Inizia la verifica' }).isVisible());
    await checkScreen(page, record, '01-start-it');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Start the check' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('body'), /28 April 2016, 18:00/);
    await checkScreen(page, record, '01-start-en');
  } finally {
    await context.close();
  }
});

test('opening the page adds no history entry; Back from the first question returns to the start page', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/`);
    const entries = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: 'Inizia la verifica' }).click();
    await page.locator('h1', { hasText: 'Dove si svolge il progetto' }).waitFor();
    assert.equal(await page.evaluate(() => location.hash), '#/territorio');
    assert.equal(await page.evaluate(() => history.length), entries + 1, 'one entry: the first question');
    await page.goBack();
    await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor();
    assert.equal(await page.evaluate(() => location.hash), '', 'the start page keeps the URL it was opened with');
    await page.goForward();
    await page.locator('h1', { hasText: 'Dove si svolge il progetto' }).waitFor();
    await checkScreen(page, record, '01-start-history');
  } finally {
    await context.close();
  }
});
