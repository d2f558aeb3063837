// The start page prerendered into index.html at build time (scripts/prerender.mjs): it is in the built
// file with the call's data, shows before the wasm only when the URL asks for that very page, pretends
// nothing (links, no buttons), passes the guards, and the live widget replaces it: one start page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { suite, visitor, checkScreen, operated, ROOT } from '../lib/harness.js';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
// The same build a second time under a strict Content-Security-Policy header.
// And once as a kiosk its operator configured (widget.conf beside index.html).
const env = suite(...operated({ kiosk: 'kiosk = 1\n' }, { '/': path.join(ROOT, 'dist'), '/csp/': path.join(ROOT, 'dist') }, {
  headers: (p) => (p.startsWith('/csp/') ? { 'content-security-policy': CSP } : {}),
}));

/** Holds every request for the wasm until the returned function is called: the page before the widget. */
async function holdWasm(context) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await context.route(/_bg\.wasm$/, async (route) => { await released; await route.continue(); });
  return release;
}

/** Resolves after the page's first frames: the render-blocking loader has started by then. */
const painted = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** The live widget is up: its start button, and nothing of the prerendered copy is left. */
async function live(page, button = 'Inizia la verifica') {
  await page.getByRole('button', { name: button }).waitFor();
  return page.evaluate(() => ({
    prerendered: document.querySelectorAll('[data-wc-prerendered]').length,
    apps: document.querySelectorAll('#welfare-check > .wc-app').length,
    headings: document.querySelectorAll('h1').length,
    mains: document.querySelectorAll('#wc-main').length,
  }));
}

test('the built index.html carries the start page: the call\'s data, a start link, no button, no inline script', async () => {
  const html = await readFile(path.join(ROOT, 'dist/index.html'), 'utf8');
  const call = await readFile(path.join(ROOT, 'data/calls/2016.toml'), 'utf8');
  const name = call.match(/^name = \{ it = "([^"]+)"/m)[1];
  const root = html.match(/<div id="welfare-check" class="wc-root">([\s\S]*)<\/div>\s*<\/body>/)?.[1] ?? '';
  assert.match(root, /<div lang="it" class="wc-app wc-theme-light" data-wc-prerendered="">/);
  assert.ok(root.includes(`<h1 id="wc-heading" tabindex="-1">${name}</h1>`), `the heading is the call's name (${name})`);
  assert.match(root, /28\/04\/2016 ore 18:00/, 'the deadline comes from the call data');
  assert.match(root, /<a class="wc-button wc-button--start" href="#\/territorio">Inizia la verifica/);
  assert.match(root, /<a lang="en" class="wc-button wc-button--secondary" href="\?lang=en">English<\/a>/);
  assert.doesNotMatch(root, /<button/, 'nothing in the copy pretends to be the live widget');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.match(html, /<script type="module" async blocking="render" src="\.\/start\.js"><\/script>/);
});

test('before the wasm the start page shows and passes the guards; the widget then replaces it: one start page', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    const release = await holdWasm(context);
    await page.goto(`${env.server.origin}/`, { waitUntil: 'domcontentloaded' });
    await painted(page);
    // The loader decides once the operator's widget.conf has come (same origin, a few hundred bytes):
    // on a busy machine that can be a frame after the first paint, never after the wasm.
    const copy = page.locator('[data-wc-prerendered]');
    await copy.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
    assert.ok(await copy.isVisible(), 'shown while the wasm loads');
    assert.match(await copy.locator('h1').textContent(), /Welfare di Comunità e Innovazione Sociale/);
    assert.equal(await page.getByRole('button').count(), 0, 'no button before the widget runs');
    assert.ok(await page.getByRole('link', { name: 'Inizia la verifica' }).isVisible());
    await checkScreen(page, record, 'prerender-before-wasm');

    release();
    assert.deepEqual(await live(page), { prerendered: 0, apps: 1, headings: 1, mains: 1 });
    assert.match(await page.locator('h1').textContent(), /Welfare di Comunità e Innovazione Sociale/);
    await checkScreen(page, record, 'prerender-after-wasm');
  } finally {
    await context.close();
  }
});

test('the prerendered start link works before the wasm: the widget opens on the first question', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    const release = await holdWasm(context);
    await page.goto(`${env.server.origin}/`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('link', { name: 'Inizia la verifica' }).click();
    assert.equal(new URL(page.url()).hash, '#/territorio');
    release();
    await page.locator('h1', { hasText: 'Dove si svolge il progetto' }).waitFor();
    assert.equal(await page.locator('[data-wc-prerendered]').count(), 0);
    await checkScreen(page, record, 'prerender-link-to-territory');
  } finally {
    await context.close();
  }
});

test('any other page (language, edition, theme, an operator\'s kiosk, preview, step, share link) never shows the copy', async () => {
  const cases = [
    ['?lang=en', 'Start the check'],
    ['?call=2017', 'Inizia la verifica'],
    ['?theme=dark', 'Inizia la verifica'],
    ['op/kiosk/', 'Inizia la verifica'],
    ['?now=2016-04-01T10:00', 'Inizia la verifica'],
    ['#/riepilogo', "Vedi l'esito"],
    ['#r=w2.damaged', 'Inizia la verifica'],
  ];
  for (const [url, button] of cases) {
    const { context, page } = await visitor(env.browser);
    try {
      const release = await holdWasm(context);
      await page.goto(`${env.server.origin}/${url}`, { waitUntil: 'domcontentloaded' });
      await painted(page);
      assert.equal(await page.locator('[data-wc-prerendered]').count(), 1, url);
      assert.equal(await page.locator('[data-wc-prerendered]').isVisible(), false, `${url}: the copy is hidden`);
      release();
      const after = await live(page, button);
      assert.equal(after.prerendered, 0, url);
      assert.equal(after.apps, 1, url);
    } finally {
      await context.close();
    }
  }
  // Nor does the default page once the copy is out of date (a call open at build time, visited after its deadline).
  const { context, page } = await visitor(env.browser);
  try {
    await holdWasm(context);
    await context.route(/\/start\.js$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/(\/\*PRERENDER\*\/ \{[^}]*"until":)null/, '$11');
      assert.match(body, /"until":1\}/);
      await route.fulfill({ response, body });
    });
    await page.goto(`${env.server.origin}/`, { waitUntil: 'domcontentloaded' });
    await painted(page);
    assert.equal(await page.locator('[data-wc-prerendered]').isVisible(), false, 'an expired copy is hidden');
  } finally {
    await context.close();
  }
});

test('index.html runs under a strict Content-Security-Policy (its loader is a file, not inline)', async () => {
  const { context, page, record } = await visitor(env.browser);
  const violations = [];
  page.on('console', (m) => { if (/Content.Security.Policy|CSP/i.test(m.text())) violations.push(m.text()); });
  try {
    const response = await page.goto(`${env.server.origin}/csp/`);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await page.getByRole('button', { name: 'Inizia la verifica' }).click();
    await page.locator('h1', { hasText: 'Dove si svolge il progetto' }).waitFor();
    assert.deepEqual(violations, []);
    await checkScreen(page, record, 'prerender-csp');
  } finally {
    await context.close();
  }
});
