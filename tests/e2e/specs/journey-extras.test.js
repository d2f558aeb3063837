// Around the journey: browser Back/Forward, language switch mid-journey, the print stylesheet,
// hostile text rendered inert, narrow screens, and no cookies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { suite, visitor, checkScreen, SHOTS } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';

const env = suite();

const OPEN = 'now=2016-04-01T10:00';

test('Back and Forward move between steps; the language switch keeps every answer', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/?${OPEN}`);
    const j = new Journey(page, record, 'extras-history');
    await j.start();
    await j.territory({ province: 'CR', municipality: 'crem', pick: /Crema|Cremona/ });
    await j.network([{ name: 'Comune di Cremona', kind: 'comune', province: 'CR' }]);
    await j.heading(/Il bisogno sociale/);
    await page.goBack();
    await j.heading(/La rete di partner/);
    assert.match(await page.textContent('.wc-members'), /Comune di Cremona/);
    await page.goForward();
    await j.heading(/Il bisogno sociale/);
    await j.check('Casa e abitare');
    await page.getByRole('button', { name: 'English' }).click();
    await j.heading(/The social need/);
    assert.ok(await page.getByLabel('Housing', { exact: true }).isChecked());
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await j.heading(/Your network of partners/);
    assert.match(await page.textContent('.wc-members'), /Comune di Cremona/);
    await checkScreen(page, record, 'extras-english-network');
    assert.deepEqual(await context.cookies(), [], 'no cookies');
  } finally {
    await context.close();
  }
});

test('the print stylesheet gives a clean summary (PDF)', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/?${OPEN}`);
    const j = new Journey(page, record, 'extras-print');
    await j.start();
    await j.territory({ province: 'VA' });
    await j.admissibleNetwork({ town: 'Varese', province: 'VA', need: 'Disabilità e vita indipendente' });
    // Touch targets: every button and form control on the result is at least 44 px tall.
    const small = await page.evaluate(() => [...document.querySelectorAll('.wc-app button, .wc-app input, .wc-app select')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ text: el.textContent.trim() || el.id, h: el.getBoundingClientRect().height }))
      .filter((t) => t.h < 44));
    assert.deepEqual(small, []);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => [...document.querySelectorAll('.wc-header__tools, .wc-tools, .wc-actions')]
      .every((el) => getComputedStyle(el).display === 'none'));
    assert.ok(hidden, 'controls are hidden in print');
    assert.ok(await page.locator('#wc-verdict').isVisible(), 'the verdict prints');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    assert.ok(pdf.length > 10_000, `a real document (${pdf.length} bytes)`);
    await writeFile(path.join(SHOTS, 'extras-print-result.pdf'), pdf);
  } finally {
    await context.close();
  }
});

test('hostile text renders inert and long text does not break a 320 px screen', async () => {
  const { context, page, record } = await visitor(env.browser, { viewport: { width: 320, height: 700 } });
  try {
    await page.goto(`${env.server.origin}/?${OPEN}`);
    const j = new Journey(page, record, 'extras-injection');
    await j.start();
    await j.territory({ province: 'MI' });
    const hostile = [
      '<img src=x onerror="window.__pwned=1">Comune',
      '<script>window.__pwned=2</script>',
      '\u202Eetnemelpmi\u202C أبجد هوز ‏RTL',
      // As long as a name may be (Limits::NAME, 200 characters: the field's maxlength), one unbroken word.
      `Cooperativa ${'lunghissima'.repeat(17)}`,
      'Associazione 🤝🏽👩‍👩‍👧‍👦 ✨',
    ];
    await j.network(hostile.map((name, i) => ({ name, kind: i === 0 ? 'comune' : 'association', province: 'MI' })));
    await j.press('Indietro');
    await j.heading(/La rete di partner/);
    const state = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      injected: document.querySelectorAll('.wc-members img, .wc-members script').length,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    assert.equal(state.pwned, null, 'no script ran');
    assert.equal(state.injected, 0, 'no element was created from text');
    assert.ok(state.overflow <= 0, `no horizontal scroll (${state.overflow}px)`);
    const shown = await page.textContent('.wc-members');
    assert.ok(shown.includes('<script>window.__pwned=2</script>'), 'markup shows as text');
    assert.ok(shown.includes('🤝🏽'));
    await checkScreen(page, record, 'extras-injection-320px');
  } finally {
    await context.close();
  }
});

test('a panic shows a friendly screen with a restart, and a kiosk restarts by itself', async () => {
  // The release build traps on a panic (no hook runs): the trap thrown while mounting, and one thrown
  // out of a callback once the first screen is up, both reach the crash screen.
  for (const [panic, kiosk] of [['1', false], ['later', false], ['1', true]]) {
    const { context, page } = await visitor(env.browser);
    try {
      await page.goto(`${env.server.origin}/?debug-panic=${panic}${kiosk ? '&kiosk=1' : ''}`);
      await page.getByRole('heading', { name: 'Qualcosa non ha funzionato' }).waitFor();
      const restart = page.getByRole('link', { name: /Ricomincia/ });
      assert.ok(await restart.isVisible());
      assert.doesNotMatch(await restart.getAttribute('href'), /#/, 'restart drops the answers in the URL');
      const refresh = await page.evaluate(() => document.querySelector('meta[http-equiv="refresh"]')?.content ?? null);
      if (kiosk) assert.match(refresh ?? '', /^10;url=http:\/\/127\.0\.0\.1/);
      else assert.equal(refresh, null);
    } finally {
      await context.close();
    }
  }
});

test("a host page's own wasm error does not stop the widget", async () => {
  const { context, page } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/`);
    await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor();
    await page.evaluate(() => new Promise((resolve) => {
      setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable (the host page)'); });
      setTimeout(resolve, 50);
    }));
    assert.equal(await page.getByRole('heading', { name: 'Qualcosa non ha funzionato' }).count(), 0);
    await page.getByRole('button', { name: 'Inizia la verifica' }).click();
    await page.locator('h1').first().waitFor();
    assert.notEqual(await page.locator('h1').first().textContent(), 'Qualcosa non ha funzionato');
  } finally {
    await context.close();
  }
});
