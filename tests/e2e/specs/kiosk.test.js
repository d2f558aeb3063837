// The kiosk: idle reset wipes everything; after one load with network it works offline; the QR
// code at the result carries the share link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, visitor, checkScreen, operated, ROOT } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';

const QR_BASE = 'https://www.example.org/verifica';
// Kiosks as their operator configures them (widget.conf beside index.html): a link cannot make one.
const env = suite(...operated({
  idle6: 'kiosk = 1\nidle = 6\n',
  default: 'kiosk = 1\n',
  qr: `kiosk = 1\nqr-base = ${QR_BASE}\n`,
}, {
  '/': path.join(ROOT, 'dist'),
  '/vendor/': path.join(ROOT, 'tests/e2e/node_modules/jsqr/dist'),
}));

const OPEN = 'now=2016-04-01T10:00';

test('idle reset: a countdown, then answers are gone from memory, storage, URL and history', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/op/idle6/?${OPEN}`);
    const j = new Journey(page, record, 'kiosk-idle');
    await j.start();
    await j.territory({ province: 'MI' });
    await j.heading(/La rete di partner/);
    await j.fill('#wc-member-name', 'Comune di Segreto');
    await j.select('#wc-member-kind', 'comune');
    await j.press('Aggiungi alla rete');
    await page.getByRole('heading', { name: /Comune di Segreto/ }).waitFor();
    await j.fill('#wc-member-name', 'Bozza non salvata');

    // No touch for 6 s: the warning counts down…
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(await dialog.textContent(), /Tra \d+ secondi la verifica ricomincia/);
    await checkScreen(page, record, 'kiosk-idle-warning');
    // …then everything is wiped and the start page returns.
    await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor({ timeout: 15_000 });
    const after = await page.evaluate(() => ({
      text: document.body.innerText,
      hash: location.hash,
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    }));
    assert.doesNotMatch(after.text, /Segreto|Bozza/);
    assert.doesNotMatch(after.storage, /Segreto|Bozza|w1\./);
    assert.match(after.hash, /^#\/?$/);
    await checkScreen(page, record, 'kiosk-idle-after');
    // Back (through every entry this visit made) does not bring the answers back.
    const origin = env.server.origin;
    for (let i = 0; i < 6; i += 1) {
      const before = page.url();
      await page.goBack({ waitUntil: 'commit' }).catch(() => {});
      if (!page.url().startsWith(origin)) break;
      assert.doesNotMatch(await page.evaluate(() => document.body.innerText), /Segreto|Bozza/, `after Back from ${before}`);
    }
  } finally {
    await context.close();
  }
});

test('a touch during the countdown keeps the session', async () => {
  const { context, page } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/op/idle6/?${OPEN}`);
    await page.getByRole('button', { name: /Inizia la verifica/ }).click();
    await page.getByRole('alertdialog').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Sì, continuo' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    assert.match(await page.locator('h1').textContent(), /Dove si svolge il progetto/);
  } finally {
    await context.close();
  }
});

test('offline: after one load with network, the kiosk starts and completes a journey with none', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/op/default/?${OPEN}`);
    await page.locator('h1').waitFor();
    // The service worker has installed and precached the build.
    await page.evaluate(() => Promise.race([
      navigator.serviceWorker.ready,
      new Promise((_, reject) => setTimeout(() => reject(new Error('service worker not ready in 20 s')), 20_000)),
    ]));
    await context.setOffline(true);
    await page.reload();
    const j = new Journey(page, record, 'kiosk-offline');
    await j.start();
    await j.territory({ province: 'LC' });
    const result = await j.admissibleNetwork({ town: 'Lecco', province: 'LC', need: 'Anziani, domiciliarità e caregiver' });
    assert.match(result, /Ammissibile/);
    // No link leaves the kiosk.
    assert.equal(await page.locator('.wc-main a[href^="http"]').count(), 0);
  } finally {
    await context.setOffline(false);
    await context.close();
  }
});

test('the QR code at the result decodes to the share link, which restores the result', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    const base = QR_BASE;
    await page.goto(`${env.server.origin}/op/qr/?${OPEN}`);
    const j = new Journey(page, record, 'kiosk-qr');
    await j.start();
    await j.territory({ province: 'BG' });
    await j.admissibleNetwork({ town: 'Bergamo', province: 'BG', need: 'Casa e abitare', cost: '2.000.000', grant: '1.200.000' });
    await page.addScriptTag({ url: '/vendor/jsQR.js' });
    const decoded = await page.evaluate(async () => {
      const svg = document.querySelector('.wc-qr');
      const xml = new XMLSerializer().serializeToString(svg);
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 600; canvas.height = 600;
      const ctx = canvas.getContext('2d');
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, 0, 0, 600, 600);
      const { data } = ctx.getImageData(0, 0, 600, 600);
      return window.jsQR(data, 600, 600)?.data ?? null;
    });
    assert.ok(decoded, 'the QR code decodes');
    assert.ok(decoded.startsWith(`${base}#r=w1.`), decoded);
    // The same link on this widget restores the result of this visitor.
    const fragment = decoded.slice(base.length);
    const other = await visitor(env.browser);
    try {
      await other.page.goto(`${env.server.origin}/?${OPEN}${fragment}`);
      await other.page.locator('#wc-verdict').waitFor();
      const text = await other.page.textContent('.wc-main');
      assert.match(text, /Ammissibile/);
      assert.match(text, /Risposte aperte da un link condiviso/);
      await other.page.getByRole('button', { name: 'Cambia: Partner' }).waitFor({ state: 'detached' }).catch(() => {});
    } finally {
      await other.context.close();
    }
  } finally {
    await context.close();
  }
});
