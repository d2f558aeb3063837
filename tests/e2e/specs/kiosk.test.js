// The kiosk: idle reset wipes everything (the start page included, history too); after one load with
// network it works offline; a new deploy takes over at the next wipe, with one reload, and never under a
// page in the middle of a session; without a service worker it still works; the QR code at the result
// carries the share link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { suite, visitor, checkScreen, ROOT } from '../lib/harness.js';
import { serve } from '../lib/server.js';
import { Journey } from '../lib/journey.js';
import { kioskPage, kioskPath, kioskServe, OPEN_NOW } from '../lib/kiosk.js';

const DIST = path.join(ROOT, 'dist');
const QR_BASE = 'https://www.example.org/verifica';
// Kiosks as their operator configures them (lib/kiosk.js), and the same build where the service
// worker's script cannot be fetched: its registration rejects.
const env = suite(...kioskServe([{ idle: 6 }, {}, { qrBase: QR_BASE }], {
  '/': DIST,
  '/vendor/': path.join(ROOT, 'tests/e2e/node_modules/jsqr/dist'),
  '/sw-refused/': DIST,
}, { routes: { [`${kioskPath({ idle: 6 }, '/sw-refused/')}sw.js`]: { status: 404, body: 'not found', type: 'text/plain' } } },
['/', '/sw-refused/']));

/** What the page shows and keeps: its text, its fragment, its storage. */
const traces = (page) => page.evaluate(() => ({
  text: document.body.innerText,
  hash: location.hash,
  storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
}));

/**
 * Walks the tab's whole history, Back to its first entry and Forward to its last: every entry of the
 * kiosk shows the start page, with none of `secret` in its text, URL or storage.
 */
async function walkHistory(page, origin, secret) {
  const entries = await page.evaluate(() => history.length);
  const check = async (move) => {
    if (!page.url().startsWith(origin)) return;
    await page.locator('h1').waitFor();
    await page.waitForTimeout(200);
    const seen = await traces(page);
    assert.doesNotMatch(seen.text + seen.hash + seen.storage, secret, `after ${move}`);
    assert.match(seen.hash, /^#?\/?$/, `after ${move}: the start page`);
    assert.equal(await page.getByRole('button', { name: 'Inizia la verifica' }).count(), 1, `after ${move}: the start page`);
  };
  // Stepping between the tab's initial about:blank and the kiosk swaps Chromium's renderer; Playwright
  // then sometimes finds no page to ask for the history ("Not attached to an active page") before the
  // move: the move is tried again once the new page is attached.
  const move = async (go) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await go({ waitUntil: 'commit' });
      } catch (e) {
        if (attempt === 3 || !/Not attached to an active page/.test(e.message)) throw e;
        await page.waitForTimeout(250);
      }
    }
  };
  for (let i = 1; i < entries; i += 1) {
    await move((o) => page.goBack(o));
    await check(`Back ×${i}`);
  }
  for (let i = 1; i < entries; i += 1) {
    await move((o) => page.goForward(o));
    await check(`Forward ×${i}`);
  }
}

test('idle reset: a countdown, then answers are gone from memory, storage, URL and history', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await kioskPage(page, env.server.origin, { idle: 6 });
    const entries = await page.evaluate(() => history.length);
    const j = new Journey(page, record, 'kiosk-idle');
    await j.start();
    await j.territory({ province: 'MI' });
    await j.heading(/La rete di partner/);
    await j.fill('#wc-member-name', 'Comune di Segreto');
    await j.select('#wc-member-kind', 'comune');
    await j.press('Aggiungi alla rete');
    await page.getByRole('heading', { name: /Comune di Segreto/ }).waitFor();
    await j.fill('#wc-member-name', 'Bozza non salvata');
    // The steps rewrite the kiosk's one history entry: no visitor's step is left to go back to.
    assert.equal(await page.evaluate(() => history.length), entries, 'the session added history entries');

    // No touch for 6 s: the warning counts down…
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(await dialog.textContent(), /Tra \d+ secondi la verifica ricomincia/);
    await checkScreen(page, record, 'kiosk-idle-warning');
    // …then everything is wiped and the start page returns.
    await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor({ timeout: 15_000 });
    const after = await traces(page);
    assert.doesNotMatch(after.text, /Segreto|Bozza/);
    assert.doesNotMatch(after.storage, /Segreto|Bozza|w\d\./);
    assert.match(after.hash, /^#\/?$/);
    await checkScreen(page, record, 'kiosk-idle-after');
    // Back and Forward through every entry of the tab bring nothing of the visitor back.
    await walkHistory(page, env.server.origin, /Segreto|Bozza|w\d\./);
    assert.deepEqual(record.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('a kiosk left on its start page with answers counts down and wipes them too', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await kioskPage(page, env.server.origin, { idle: 6 });
    const j = new Journey(page, record, 'kiosk-start-idle');
    await j.start();
    await j.territory({ province: 'MI' });
    await j.heading(/La rete di partner/);
    await j.fill('#wc-member-name', 'Comune di Segreto');
    await j.select('#wc-member-kind', 'comune');
    await j.press('Aggiungi alla rete');
    await page.getByRole('heading', { name: /Comune di Segreto/ }).waitFor();
    // The visitor goes Back to the start page (their answers kept, as Back keeps them) and walks away.
    await j.press('Indietro');
    await j.heading(/Dove si svolge il progetto/);
    await j.press('Indietro');
    await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor();
    // The start page counts down too…
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 15_000 });
    await checkScreen(page, record, 'kiosk-start-idle-warning');
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    // …and the next visitor's "Start" finds nothing of the previous one.
    await j.press('Inizia la verifica');
    await j.heading(/Dove si svolge il progetto/);
    assert.equal(await page.getByRole('heading', { name: 'Province scelte' }).count(), 0, 'the province is gone');
    await j.select('#wc-province', 'BG');
    await j.press('Aggiungi la provincia');
    await j.press('Continua');
    await j.heading(/La rete di partner/);
    assert.doesNotMatch(await page.locator('.wc-main').innerText(), /Segreto/);
    await checkScreen(page, record, 'kiosk-start-idle-next-visitor');
  } finally {
    await context.close();
  }
});

test('a touch during the countdown keeps the session', async () => {
  const { context, page } = await visitor(env.browser);
  try {
    await kioskPage(page, env.server.origin, { idle: 6 });
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
    await kioskPage(page, env.server.origin);
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
    const base = 'https://www.example.org/verifica';
    await kioskPage(page, env.server.origin, { qrBase: base });
    const j = new Journey(page, record, 'kiosk-qr');
    await j.start();
    await j.territory({ province: 'BG' });
    await j.admissibleNetwork({ town: 'Bergamo', province: 'BG', need: 'Casa e abitare', cost: '2.000.000', grant: '1.200.000' });
    await page.locator('.wc-qr').waitFor(); // drawn by the catalog engine
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
    assert.ok(decoded.startsWith(`${base}#r=w2.`), decoded);
    // The same link on this widget restores the result of this visitor.
    const fragment = decoded.slice(base.length);
    const other = await visitor(env.browser);
    try {
      await other.page.goto(`${env.server.origin}/?now=${OPEN_NOW}${fragment}`);
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

/** Polls `predicate(arg)` (async, in the page) until it holds, for 20 s at most. */
async function until(page, predicate, arg, what) {
  for (const end = Date.now() + 20_000; !(await page.evaluate(predicate, arg)); await page.waitForTimeout(200)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

/**
 * Three deploys of the build, as an operator would publish them one after the other: the first is
 * `dist/`; the second has another start page (marked), catalog and engine files of other names (the
 * first deploy's are gone from it) and so a service worker of another version; the third another
 * start page and worker version again.
 */
async function threeDeploys() {
  const dir = await mkdtemp(path.join(tmpdir(), 'wc-deploys-'));
  const first = path.join(dir, 'first');
  const second = path.join(dir, 'second');
  await cp(DIST, first, { recursive: true });
  await cp(DIST, second, { recursive: true });
  const files = await readdir(second);
  const old = {
    catalog: files.find((f) => /^catalog-[0-9a-f]{16}\.bin$/.test(f)),
    engine: files.find((f) => /^engine-[0-9a-f]{16}\.wasm$/.test(f)),
  };
  assert.ok(old.catalog && old.engine, `no catalog or engine file in ${DIST}`);
  // Same length, other hash: the app's wasm and the loaders name the files by these bytes.
  const renamed = (name) => name.replace(/-([0-9a-f]{16})\./, (_, h) => `-${[...h].reverse().join('')}.`);
  for (const name of Object.values(old)) await rename(path.join(second, name), path.join(second, renamed(name)));
  for (const f of files.filter((f) => /\.(wasm|js)$/.test(f) && !Object.values(old).includes(f))) {
    let bytes = (await readFile(path.join(second, f))).toString('latin1');
    for (const name of Object.values(old)) bytes = bytes.split(name).join(renamed(name));
    await writeFile(path.join(second, f), Buffer.from(bytes, 'latin1'));
  }
  // The page, marked, with the preloads' integrity of the files as they now are.
  let index = (await readFile(path.join(second, 'index.html'), 'utf8'))
    .replace('<head>', '<head><meta name="wc-test-deploy" content="second">');
  for (const [, file, digest] of [...index.matchAll(/href="\.\/([^"]+)"[^>]*?integrity="(sha384-[^"]+)"/g)]) {
    const now = `sha384-${createHash('sha384').update(await readFile(path.join(second, file))).digest('base64')}`;
    index = index.replace(digest, now);
  }
  await writeFile(path.join(second, 'index.html'), index);
  const sw = await readFile(path.join(second, 'sw.js'), 'utf8');
  const version = sw.match(/\/\*VERSION\*\/ '([^']+)'/)?.[1];
  assert.ok(version, 'sw.js has its VERSION');
  await writeFile(path.join(second, 'sw.js'), sw.replace(`/*VERSION*/ '${version}'`, `/*VERSION*/ '${version}-second'`));
  const third = path.join(dir, 'third');
  await cp(second, third, { recursive: true });
  await writeFile(path.join(third, 'sw.js'), sw.replace(`/*VERSION*/ '${version}'`, `/*VERSION*/ '${version}-third'`));
  await writeFile(path.join(third, 'index.html'), index.replace('content="second"', 'content="third"'));
  const caches = Object.fromEntries(['first', 'second', 'third'].map((d, i) => [d, `welfare-check-${version}${i ? `-${d}` : ''}`]));
  return { dir, first, second, third, old, caches };
}

/**
 * The new deploy's page, after the kiosk told the waiting worker to take over at a wipe. Chromium
 * sometimes leaves the told worker `installed` for good (about one run in five of this test alone, with
 * every request of the page finished; telling it again each second, tried, changed nothing): that case
 * is thrown marked `stuckActivation`, and the test below runs again in a fresh context, at most twice,
 * saying so in its diagnostics. Any other failure fails the test at once.
 */
async function deployReached(page, selector) {
  try {
    await page.locator(selector).waitFor({ state: 'attached', timeout: 45_000 });
  } catch (e) {
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null).catch(() => null);
    if (waiting === 'installed') throw Object.assign(new Error(`the waiting worker was told to take over and stayed installed: ${e.message}`), { stuckActivation: true });
    throw e;
  }
}

test('a new deploy reaches the kiosk at its next wipe with one reload, never under a session in progress', { timeout: 480_000 }, async (t) => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await deployAttempt();
    } catch (e) {
      if (!e.stuckActivation || attempt === 3) throw e;
      t.diagnostic(`attempt ${attempt}: ${e.message.split('\n')[0]}; again in a fresh context`);
    }
  }
});

async function deployAttempt() {
  const deploys = await threeDeploys();
  const [mounts, options] = kioskServe([{ idle: 10 }], { '/': deploys.first });
  const server = await serve(mounts, options);
  const publish = (dir) => { for (const at of Object.keys(mounts)) mounts[at] = dir; };
  const { context, page, record } = await visitor(env.browser);
  const cacheNames = () => page.evaluate(() => caches.keys());
  try {
    let loads = 0;
    page.on('load', () => { loads += 1; });
    await kioskPage(page, server.origin, { idle: 10 });
    // The first deploy's worker installs, precaches the build and controls the page.
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 20_000 });
    const j = new Journey(page, record, 'kiosk-deploy');
    await j.start();
    await j.territory({ province: 'MI' });
    await j.heading(/La rete di partner/);
    await j.fill('#wc-member-name', 'Comune di Segreto');

    // The operator publishes the second deploy; the browser finds its worker (any check does).
    publish(deploys.second);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await until(page, async (cache) => (await caches.keys()).includes(cache)
      && !(await navigator.serviceWorker.getRegistration()).installing, deploys.caches.second, 'the new deploy installed');
    assert.deepEqual((await cacheNames()).sort(), [deploys.caches.first, deploys.caches.second].sort(), 'both deploys cached');
    assert.equal(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting), true,
      'the new worker waits while a visitor uses the kiosk');
    // The page in the middle of its session still gets its own catalog and engine, which the server no
    // longer has, from its own deploy's cache, byte for byte.
    await page.keyboard.press('Shift'); // a touch: the session goes on
    for (const name of Object.values(deploys.old)) {
      const size = (await readFile(path.join(deploys.first, name))).length;
      const got = await page.evaluate(async (name) => {
        const response = await fetch(name);
        return { status: response.status, size: (await response.arrayBuffer()).byteLength };
      }, name);
      assert.deepEqual(got, { status: 200, size }, name);
    }
    await j.select('#wc-member-kind', 'comune');
    await j.press('Aggiungi alla rete');
    await page.getByRole('heading', { name: /Comune di Segreto/ }).waitFor();
    assert.equal(await page.locator('meta[name=wc-test-deploy]').count(), 0, 'still the first deploy');

    // The visitor walks away: the countdown, the wipe, and the second deploy with one reload.
    const before = loads;
    await deployReached(page, 'meta[name=wc-test-deploy]');
    await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor();
    await page.waitForTimeout(2_000);
    assert.equal(loads - before, 1, 'one reload');
    assert.deepEqual(await cacheNames(), [deploys.caches.second], 'the old deploy\'s cache is gone once no page needs it');
    assert.doesNotMatch(await page.locator('body').innerText(), /Segreto/);

    // A deploy nobody has looked for yet is found by the wipe itself: it installs while the kiosk shows
    // its start page, then takes over, again with one reload.
    publish(deploys.third);
    await j.press('Inizia la verifica');
    await j.heading(/Dove si svolge il progetto/);
    const again = loads;
    await deployReached(page, 'meta[name=wc-test-deploy][content=third]');
    await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor();
    await page.waitForTimeout(2_000);
    assert.equal(loads - again, 1, 'one reload');
    assert.deepEqual(await cacheNames(), [deploys.caches.third]);
    assert.deepEqual(record.consoleErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(deploys.dir, { recursive: true, force: true });
  }
}

test('a kiosk without service workers (plain http on a LAN address), or whose worker is refused, works without a console error', async () => {
  // The browser's own report of the refused script (its network log, as for any 404) is expected; the
  // rejected registration reaching the page (an unhandled rejection) is not.
  const refused = /^A bad HTTP response code \(404\) was received when fetching the script\.$/;
  for (const [label, where, prepare] of [
    ['no-sw', '/', (page) => page.addInitScript(() => { delete Navigator.prototype.serviceWorker; })],
    ['sw-refused', '/sw-refused/', async () => {}],
  ]) {
    const { context, page, record } = await visitor(env.browser);
    try {
      await prepare(page);
      await kioskPage(page, env.server.origin, { path: where, idle: 6 });
      if (label === 'sw-refused') {
        for (let i = 0; i < 50 && !record.consoleErrors.some((e) => refused.test(e)); i += 1) await page.waitForTimeout(200);
        await page.waitForTimeout(500);
        assert.ok(record.consoleErrors.some((e) => refused.test(e)), 'the registration was refused');
        record.consoleErrors = record.consoleErrors.filter((e) => !refused.test(e));
      }
      const j = new Journey(page, record, `kiosk-${label}`);
      await j.start();
      await j.territory({ province: 'CO' });
      await j.heading(/La rete di partner/);
      // The restart (a wipe, which looks for a new deploy) works too.
      await j.press('Ricomincia da capo');
      await page.getByRole('button', { name: 'Inizia la verifica' }).waitFor();
      await page.waitForTimeout(1_000);
      if (label === 'no-sw') assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);
      else assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
      await checkScreen(page, record, `kiosk-${label}-after-restart`);
    } finally {
      await context.close();
    }
  }
});
