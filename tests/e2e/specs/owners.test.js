// Who may configure the widget (SECURITY.md): the operator, through widget.conf beside index.html (or the
// element's attributes), never a visitor's link. A link may choose language, edition, theme, the step and a
// share code; a staff preview date shows a banner and is never copied into share links or QR codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { suite, visitor, checkScreen, operated, ROOT } from '../lib/harness.js';
import { serve } from '../lib/server.js';

const QR_BASE = 'https://www.example.org/verifica';
const env = suite(...operated({ kiosk: `kiosk = 1\nqr-base = ${QR_BASE}\n` }));
const OPEN = 'now=2016-04-01T10:00';
const CODE = execFileSync('cargo', ['run', '-q', '-p', 'bench-wasm', '--example', 'share_code', '--', 'data/examples/admissible.toml'],
  { cwd: ROOT }).toString().trim();

test('a link naming a catalog on another origin, a kiosk, a QR base or an idle time changes nothing and requests nothing', async () => {
  // Another origin that records what it is asked for (a local one, so the guards let it through to count).
  const asked = [];
  const spy = await serve({ '/': path.join(ROOT, 'dist') }, { headers: (p) => { asked.push(p); return {}; } });
  const { context, page, record } = await visitor(env.browser);
  try {
    const link = new URLSearchParams({
      catalog: `${spy.origin}/catalog-other.bin`, kiosk: '1', 'qr-base': 'https://evil.example/', idle: '6',
      assets: `${spy.origin}/`, 'debug-panic': '1', now: '2016-04-01T10:00',
    });
    await page.goto(`${env.server.origin}/?${link}#r=${CODE}`);
    await page.locator('#wc-verdict').waitFor();
    await page.locator('.wc-card').first().waitFor();
    assert.deepEqual(asked, [], 'nothing is fetched from the origin the link names');
    assert.ok(!record.requests.some((u) => u.startsWith(spy.origin)));
    const state = await page.evaluate(() => ({
      kiosk: !!document.querySelector('.wc-kiosk'),
      qr: document.querySelectorAll('.wc-qr').length,
      share: document.querySelector('#wc-share-link')?.value ?? '',
    }));
    assert.deepEqual({ kiosk: state.kiosk, qr: state.qr }, { kiosk: false, qr: 0 }, 'a link does not make a kiosk');
    // The preview shows itself, and the share link carries neither it nor any operator option.
    assert.match(await page.locator('.wc-preview').textContent(), /Anteprima: data simulata, 01\/04\/2016/);
    assert.ok(state.share.startsWith(`${env.server.origin}/#r=w2.`), state.share);
    assert.doesNotMatch(state.share, /now=|kiosk|qr-base|catalog|idle|debug/);
    await checkScreen(page, record, 'owners-link-refused');
  } finally {
    await context.close();
    await spy.close();
  }
});

test("the operator's widget.conf makes a kiosk, and its QR code never carries the preview date", async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/op/kiosk/?${OPEN}&lang=en#r=${CODE}`);
    await page.locator('#wc-verdict').waitFor();
    assert.ok(await page.locator('.wc-kiosk').count(), 'the operator made a kiosk');
    assert.match(await page.locator('.wc-preview').textContent(), /Preview: simulated date, 1 April 2016/);
    const qr = await page.locator('.wc-qr-box').getAttribute('data-link');
    assert.ok(qr.startsWith(`${QR_BASE}#r=w2.`), qr);
    assert.doesNotMatch(qr, /now=/);
    await checkScreen(page, record, 'owners-operator-kiosk');
  } finally {
    await context.close();
  }
});

test('without a preview date there is no preview banner', async () => {
  const { context, page } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/`);
    await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor();
    assert.equal(await page.locator('.wc-preview').count(), 0);
  } finally {
    await context.close();
  }
});
