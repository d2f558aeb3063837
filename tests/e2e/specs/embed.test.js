// The same build embedded three ways: as <welfare-check> in a host page (shadow DOM, styles
// isolated both ways), under a strict CSP, and in an iframe that reports its height.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, visitor, checkScreen, ROOT } from '../lib/harness.js';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
// The CSP page is also served with the policy as a header: the stricter of the two applies.
const env = suite({ '/': path.join(ROOT, 'dist') }, {
  headers: (p) => (p.endsWith('/csp.html') ? { 'content-security-policy': CSP } : {}),
});

/** Computed styles of the widget's heading, start button and root, read inside the shadow root. */
async function widgetLook(page) {
  await page.locator('welfare-check h1').waitFor();
  return page.evaluate(() => {
    const shadow = document.querySelector('welfare-check').shadowRoot;
    const pick = (el) => {
      const s = getComputedStyle(el);
      return { color: s.color, fontSize: s.fontSize, fontFamily: s.fontFamily, background: s.backgroundColor, letterSpacing: s.letterSpacing };
    };
    return {
      h1: pick(shadow.querySelector('h1')),
      button: pick(shadow.querySelector('.wc-button--start')),
      text: pick(shadow.querySelector('.wc-lead')),
    };
  });
}

test('as an element: works in the host page, in its shadow root, and its styles stay inside', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/examples/element.html`);
    await page.locator('welfare-check h1').waitFor();
    assert.match(await page.locator('welfare-check h1').textContent(), /Welfare di Comunità/);
    assert.ok(await page.evaluate(() => !!document.querySelector('welfare-check').shadowRoot), 'mounted in a shadow root');
    // The host's theme (a custom property on the element) reaches the widget.
    const look = await widgetLook(page);
    assert.equal(look.button.background, 'rgb(106, 27, 77)');
    // The widget's styles do not reach the host: its own .wc-button is untouched, its text unchanged.
    const host = await page.evaluate(() => {
      const b = getComputedStyle(document.getElementById('host-button'));
      const t = getComputedStyle(document.getElementById('host-text'));
      return { buttonBackground: b.backgroundColor, buttonMinHeight: b.minHeight, textColor: t.color, textFont: t.fontFamily };
    });
    assert.notEqual(host.buttonBackground, 'rgb(106, 27, 77)');
    assert.notEqual(host.buttonMinHeight, '44px');
    assert.equal(host.textColor, 'rgb(85, 26, 139)');
    assert.match(host.textFont, /Georgia/);
    await checkScreen(page, record, 'embed-element');
    // The journey works inside the host page: start, then the first question.
    await page.locator('welfare-check').getByRole('button', { name: /Inizia la verifica/ }).click();
    await page.locator('welfare-check h1', { hasText: 'Dove si svolge il progetto' }).waitFor();
    // The catalog comes from the loader's folder (the page is in examples/): the municipalities are there.
    await page.locator('welfare-check #wc-municipality').fill('lecc');
    await page.locator('welfare-check #wc-municipality-listbox [role=option]', { hasText: 'Lecco' }).first().waitFor();
    assert.ok(record.requests.some((u) => new URL(u).pathname.match(/^\/catalog-[0-9a-f]{16}\.bin$/)), 'catalog fetched beside the loader');
    await checkScreen(page, record, 'embed-element-territory');
  } finally {
    await context.close();
  }
});

test('a hostile host stylesheet does not change the widget', async () => {
  const plain = await visitor(env.browser);
  const hostile = await visitor(env.browser);
  try {
    await plain.page.goto(`${env.server.origin}/examples/element.html`);
    await hostile.page.goto(`${env.server.origin}/examples/hostile.html`);
    const a = await widgetLook(plain.page);
    const b = await widgetLook(hostile.page);
    // Same look but for the host's deliberate theme colour on the start button.
    assert.deepEqual(b.h1, a.h1);
    assert.deepEqual(b.text, a.text);
    assert.equal(b.button.fontSize, a.button.fontSize);
    assert.equal(b.button.fontFamily, a.button.fontFamily);
    assert.notEqual(b.h1.color, 'rgb(255, 0, 0)');
    assert.equal(await hostile.page.evaluate(() => getComputedStyle(document.getElementById('host-text')).color), 'rgb(255, 0, 0)', 'the hostile sheet does apply to the host');
    await checkScreen(hostile.page, hostile.record, 'embed-hostile', { axeInclude: 'welfare-check' });
  } finally {
    await plain.context.close();
    await hostile.context.close();
  }
});

test('under a strict Content-Security-Policy the widget runs', async () => {
  const { context, page, record } = await visitor(env.browser);
  const violations = [];
  page.on('console', (m) => { if (/Content.Security.Policy|CSP/i.test(m.text())) violations.push(m.text()); });
  try {
    const response = await page.goto(`${env.server.origin}/examples/csp.html`);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await page.locator('welfare-check h1').waitFor();
    await page.locator('welfare-check').getByRole('button', { name: /Inizia la verifica/ }).click();
    await page.locator('welfare-check h1', { hasText: 'Dove si svolge il progetto' }).waitFor();
    assert.deepEqual(violations, []);
    await checkScreen(page, record, 'embed-csp');
  } finally {
    await context.close();
  }
});

test('in an iframe the parent follows the content height', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/examples/iframe.html`);
    const frame = page.frameLocator('#welfare-check-frame');
    await frame.locator('h1').waitFor();
    const sizes = async () => page.evaluate(() => {
      const f = document.getElementById('welfare-check-frame');
      return { frame: f.clientHeight, content: Math.ceil(f.contentDocument.body.getBoundingClientRect().height) };
    });
    await page.waitForFunction(() => {
      const f = document.getElementById('welfare-check-frame');
      return Math.abs(f.clientHeight - Math.ceil(f.contentDocument.body.getBoundingClientRect().height)) <= 1;
    });
    const start = await sizes();
    assert.notEqual(start.frame, 600, 'the height came from the widget, not the host default');
    // A shorter or longer screen: the frame follows.
    await frame.getByRole('button', { name: /Inizia la verifica/ }).click();
    await frame.locator('h1', { hasText: 'Dove si svolge il progetto' }).waitFor();
    await page.waitForFunction((before) => {
      const f = document.getElementById('welfare-check-frame');
      const content = Math.ceil(f.contentDocument.body.getBoundingClientRect().height);
      return content !== before && Math.abs(f.clientHeight - content) <= 1;
    }, start.content);
    await checkScreen(page, record, 'embed-iframe');
  } finally {
    await context.close();
  }
});
