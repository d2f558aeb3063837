// Around the journey: browser Back/Forward, language switch mid-journey, the print stylesheet,
// hostile text rendered inert, narrow screens, and no cookies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { suite, visitor, checkScreen, operated, ROOT, SHOTS } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';
import { recordWasmInstances, trapNow, trapWhileMounting } from '../lib/wasm.js';

// The build, and the same build as a kiosk its operator configured.
const env = suite(...operated({ kiosk: 'kiosk = 1\n' }));
// Answers saved on this device earlier: the share code of data/examples/admissible.toml.
const SAVED = execFileSync('cargo', ['run', '-q', '-p', 'bench-wasm', '--example', 'share_code', '--', 'data/examples/admissible.toml'],
  { cwd: ROOT }).toString().trim();

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

test('the result at 1280 px: merit not yet assessed, chart names in full, counts that agree, "On this page" moves focus', async () => {
  const { context, page, record } = await visitor(env.browser, { viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${env.server.origin}/?${OPEN}`);
    const j = new Journey(page, record, 'extras-trust');
    await j.start();
    await j.territory({ province: 'LC' });
    await j.network([
      { name: 'Comune di Lecco', kind: 'comune', province: 'LC' },
      { name: 'Cooperativa sociale Esempio', kind: 'social_cooperative', province: 'LC' },
    ]);
    await j.needs({ needs: ['Disabilità e vita indipendente'] });
    await j.money({ cost: '1.500.000', grant: '900.000' });
    // One question of #Comunità answered: that dimension is partly assessed, the other three not at all.
    await j.merit(["Co-progetta l'idea"]);
    await j.review([/Comune di Lecco/, /(?<!\d)1 risposta su \d+/]);
    const result = await j.result();

    // One member of each sector: the noun agrees with the count.
    assert.match(result, /La tua rete ha 1 ente pubblico\./);
    assert.match(result, /La tua rete ha 1 organizzazione del terzo settore\./);
    assert.match(result, /1 Comune;/);
    assert.doesNotMatch(result, /\b1 (enti|organizzazioni|soggetti|Comuni)\b/);

    // The chart: every dimension's name whole, beside or above its bar, never under it.
    const rows = await page.evaluate(() => [...document.querySelectorAll('.wc-merit__row')].map((row) => {
      const label = row.querySelector('.wc-merit__label');
      const measure = row.querySelector('.wc-merit__measure');
      const l = label.getBoundingClientRect();
      const m = measure.getBoundingClientRect();
      return {
        id: row.dataset.dimension,
        name: label.textContent,
        clipped: label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1,
        overlaps: l.left < m.right - 1 && m.left < l.right - 1 && l.top < m.bottom - 1 && m.top < l.bottom - 1,
        bar: row.querySelector('.wc-merit__track rect') !== null,
        none: row.querySelector('.wc-merit__none')?.textContent ?? null,
      };
    }));
    assert.deepEqual(rows.map((r) => r.name),
      ['#Comunità', '#Innovazione', '#Partnership', '#Risorse', 'Scala di ambito territoriale', 'Soggetti non convenzionali']);
    assert.deepEqual(rows.filter((r) => r.clipped || r.overlaps), [], 'no name is cut or drawn over');
    // Unanswered: said in words, no bar at 0. Partly answered and computed ones: a bar.
    for (const id of ['innovazione', 'partnership', 'risorse']) {
      const row = rows.find((r) => r.id === id);
      assert.deepEqual([row.none, row.bar], ['non ancora valutato', false], id);
    }
    for (const id of ['comunita', 'ambito_scale', 'non_conventional_actors']) assert.ok(rows.find((r) => r.id === id).bar, id);
    const list = page.locator('.wc-merit__list');
    assert.match(await list.locator('li[data-dimension="innovazione"] strong').textContent(), /^#Innovazione: non ancora valutato$/);
    assert.match(await list.locator('li[data-dimension="comunita"]').textContent(), /#Comunità: 100 su 100 \(valutazione parziale/);

    // "In questa pagina": each link, by keyboard, moves focus to its section's heading, in view.
    const nav = page.getByRole('navigation', { name: 'In questa pagina' });
    const links = nav.getByRole('link');
    const count = await links.count();
    assert.ok(count >= 5, `${count} links`);
    for (let i = 0; i < count; i += 1) {
      const link = links.nth(i);
      const target = (await link.getAttribute('href')).slice(1);
      await link.focus();
      await page.keyboard.press('Enter');
      // Two frames: the cards above lay themselves out as they come near the viewport (content-visibility).
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        return { id: el.id, tag: el.tagName, inView: r.top >= 0 && r.bottom <= innerHeight };
      });
      assert.equal(focused.id, target, `link ${i + 1} (${await link.textContent()})`);
      assert.match(focused.tag, /^(H2|P)$/);
      assert.ok(focused.inView, `${target} is scrolled into view`);
      assert.equal(await page.evaluate(() => location.hash), '#/esito', 'the step stays in the URL');
    }
    assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ['#wc-met-heading', '#wc-other-criteria-heading', '#wc-merit-heading', '#wc-partners-heading', '#wc-next-heading']);

    // The same in English.
    await page.getByRole('button', { name: 'English' }).click();
    await j.heading(/The result of the check/);
    const english = await page.textContent('.wc-main');
    assert.match(english, /Your network has 1 public body\./);
    assert.match(english, /Your network has 1 third-sector organisation\./);
    assert.doesNotMatch(english, /\b1 (public bodies|third-sector organisations|municipalities)\b/);
    assert.match(await list.locator('li[data-dimension="innovazione"] strong').textContent(), /^#Innovation: not yet assessed$/);
    assert.ok(await page.getByRole('navigation', { name: 'On this page' }).isVisible());
    await checkScreen(page, record, 'extras-trust-english-result');
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

test('a trap shows a friendly screen: resume, or start from scratch without the saved answers; a kiosk restarts by itself', async () => {
  // The release build has no way to be told to crash (no `debug-panic`): the test traps the widget's own
  // wasm, as a panic would (`-Cpanic=immediate-abort`), while mounting (from inside the first render) and
  // out of a callback once the first screen is up.
  for (const [when, kiosk] of [['mount', false], ['later', false], ['mount', true]]) {
    const { context, page } = await visitor(env.browser);
    try {
      if (when === 'mount') await page.addInitScript(trapWhileMounting);
      else await page.addInitScript(recordWasmInstances);
      // Answers saved earlier on this device (a share code of the journey's network).
      await page.addInitScript((code) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('welfare-check/answers', code); sessionStorage.setItem('seeded', '1'); } }, SAVED);
      await page.goto(`${env.server.origin}/${kiosk ? 'op/kiosk/' : ''}?${OPEN}`);
      if (when === 'later') {
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.evaluate(trapNow);
      }
      await page.getByRole('heading', { name: 'Qualcosa non ha funzionato' }).waitFor();
      const fresh = page.getByRole('button', { name: /Ricomincia da zero/ });
      assert.ok(await fresh.isVisible());
      const refresh = await page.evaluate(() => document.querySelector('meta[http-equiv="refresh"]')?.content ?? null);
      if (kiosk) {
        assert.match(refresh ?? '', /^10;url=http:\/\/127\.0\.0\.1/);
        assert.equal(await page.getByRole('link', { name: /Riprendi/ }).count(), 0, 'a kiosk has nothing to resume');
        continue;
      }
      assert.equal(refresh, null);
      const resume = page.getByRole('link', { name: /Riprendi/ });
      assert.doesNotMatch(await resume.getAttribute('href'), /#/, 'resume drops the answers in the URL');
      assert.equal(await page.evaluate(() => localStorage.getItem('welfare-check/answers')), SAVED, 'the crash keeps the saved answers');
      // "Ricomincia da zero" forgets them, then reloads: the start page, no resumed answers.
      await page.addInitScript(() => { window.__noTrap = true; });
      await fresh.click();
      await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor();
      assert.equal(await page.evaluate(() => localStorage.getItem('welfare-check/answers')), null);
      assert.equal(await page.getByText('Abbiamo ripreso le risposte salvate').count(), 0, 'nothing is resumed');
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
