// Faults the widget must survive: an updated catalog that fails (missing, invalid, wrong shape,
// too slow), storage the browser refuses, a share link over a saved draft, a clipboard that is missing
// or refuses, a network at its size limit, a kiosk's result too large for a QR code. Each time a
// visible notice, and the journey goes on with what the widget has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { suite, visitor, checkScreen, operated, ROOT } from '../lib/harness.js';
import { Journey } from '../lib/journey.js';

// An updated catalog as a host would make it (`welfare catalog-validate DIR --out FILE.bin`): the real
// sources without one municipality (Pedesina, SO), so the test can tell it from the bundled one.
const updated = mkdtempSync(path.join(tmpdir(), 'wc-catalog-'));
cpSync(path.join(ROOT, 'data/catalog'), path.join(updated, 'src'), { recursive: true });
const comuni = path.join(updated, 'src/comuni-territorio.csv');
writeFileSync(comuni, readFileSync(comuni, 'utf8').split('\n').filter((l) => !l.includes(',Pedesina,')).join('\n'));
execFileSync('cargo', ['run', '-q', '-p', 'welfare-cli', '--', 'catalog-validate', path.join(updated, 'src'),
  '--out', path.join(updated, 'updated.bin')], { cwd: ROOT, stdio: 'inherit' });
const packed = readFileSync(path.join(updated, 'updated.bin'));

const BROKEN = ['missing.bin', 'damaged.bin', 'json.json', 'html.bin', 'slow.bin'];
const QR_BASE = 'https://www.example.org/verifica';
const updates = Object.fromEntries(['updated.bin', ...BROKEN].map((f) => [f.replace(/\.\w+$/, ''), `catalog = /catalog/${f}\n`]));
updates.kiosk = `kiosk = 1\nqr-base = ${QR_BASE}\n`;

// The operator names an updated catalog in widget.conf (a page per file, `/op/<name>/`); a link cannot.
const env = suite(...operated(updates, { '/': path.join(ROOT, 'dist'), '/vendor/': path.join(ROOT, 'tests/e2e/node_modules/jsqr/dist') }, {
  routes: {
    '/catalog/updated.bin': { body: packed, type: 'application/octet-stream' },
    // The right header, then a cut: a download that stopped half way.
    '/catalog/damaged.bin': { body: packed.subarray(0, 4000), type: 'application/octet-stream' },
    '/catalog/json.json': { body: '{"projects": [], "organisations": []}' },
    '/catalog/slow.bin': { body: '', delay: 10_000 },
    '/catalog/html.bin': { body: '<html>not found</html>', type: 'text/html' },
  },
}));


test('an updated catalog that loads and validates replaces the bundled one', async () => {
  const { context, page, record } = await visitor(env.browser);
  try {
    await page.goto(`${env.server.origin}/op/updated/`);
    const j = new Journey(page, record, 'fault-catalog-updated');
    await j.press(/Inizia la verifica/);
    await j.heading(/Dove si svolge il progetto/);
    // Sondrio's other comuni are there; Pedesina, left out of the update, is not.
    // The suggestions follow the typing: type again until the update has arrived (a few ms here).
    const noResult = page.getByText('Nessun Comune trovato');
    for (let i = 0; i < 50 && !(await noResult.isVisible()); i += 1) {
      await j.fill('#wc-municipality', i % 2 ? 'pedesi' : 'pedes');
      await page.waitForTimeout(200);
    }
    await noResult.waitFor({ timeout: 1_000 });
    await j.fill('#wc-municipality', 'sondr');
    await page.locator('#wc-municipality-listbox [role=option]', { hasText: 'Sondrio' }).first().waitFor();
    assert.equal(await page.getByText(/Non è stato possibile aggiornare/).count(), 0);
    await j.screen('territory');
  } finally {
    await context.close();
  }
});

for (const file of BROKEN) {
  test(`an updated catalog that fails (${file}) gives a notice and the bundled data keeps working`, async () => {
    const { context, page, record } = await visitor(env.browser);
    // The failed fetch itself is expected in the console (a 404); nothing else is.
    try {
      await page.goto(`${env.server.origin}/op/${file.replace(/\.\w+$/, '')}/`);
      await page.getByText(/Non è stato possibile aggiornare l'elenco di progetti e partner/).waitFor({ timeout: 15_000 });
      record.consoleErrors = record.consoleErrors.filter((e) => !/404|Failed to load resource/.test(e));
      const j = new Journey(page, record, `fault-catalog-${file.replace(/\.\w+$/, '')}`);
      await j.press(/Inizia la verifica/);
      await j.heading(/Dove si svolge il progetto/);
      await j.fill('#wc-municipality', 'lecc');
      await page.locator('#wc-municipality-listbox [role=option]', { hasText: 'Lecco' }).first().waitFor();
      await j.screen('territory');
    } finally {
      await context.close();
    }
  });
}

test('storage the browser refuses: the journey works, saving says it cannot', async () => {
  const { context, page, record } = await visitor(env.browser);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  try {
    await page.goto(`${env.server.origin}/?now=2016-04-01T10:00`);
    const j = new Journey(page, record, 'fault-storage');
    await j.start();
    await j.territory({ province: 'PV' });
    await page.getByText(/Questo browser non permette di salvare/).waitFor();
    assert.match(await j.admissibleNetwork({ town: 'Pavia', province: 'PV', need: 'Salute mentale' }), /Ammissibile/);
  } finally {
    await context.close();
  }
});

const OPEN = 'now=2016-04-01T10:00';
const STORAGE_KEY = 'welfare-check/answers';

/**
 * A share code as the widget writes it (crates/core/src/codec/share.rs: `w2.` + base64url of the postcard
 * encoding of (call id, answers)), for answers that say nothing but a description and members, so a
 * test can make answers of any size. `kind` is the index of a MemberKind (6: social cooperative).
 */
function shareCode({ call = '2016', description = '', members = [], lead = null } = {}) {
  const varint = (n) => { const out = []; do { out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0)); n >>>= 7; } while (n); return out; };
  const text = (s) => { const b = [...Buffer.from(s, 'utf8')]; return [...varint(b.length), ...b]; };
  const bytes = [
    ...text(call),
    0, 0, // territory: no province, no municipality
    ...varint(members.length),
    ...members.flatMap((m, i) => [...varint(i + 1), ...text(m.name), 1, m.kind ?? 6, 0, 0, 0]), // id, name, kind, no province, no letter, no directory key
    ...(lead ? [1, ...varint(lead)] : [0]),
    0, 0, // needs, beneficiaries
    ...text(description),
    0, 0, 0, // money: no cost, no grant, no co-financing
    0, // merit
  ];
  return `w2.${Buffer.from(bytes).toString('base64url')}`;
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

test('a share link opened over a different saved draft keeps the draft until the visitor chooses', async () => {
  const { context, page, record } = await visitor(env.browser);
  const draft = shareCode({ description: 'La mia bozza sul dispositivo' });
  const link = shareCode({ call: '2017', description: 'Le risposte del link' });
  try {
    await page.goto(`${env.server.origin}/`);
    await page.evaluate(([key, code]) => localStorage.setItem(key, code), [STORAGE_KEY, draft]);
    const open = async () => {
      await page.goto('about:blank');
      await page.goto(`${env.server.origin}/?${OPEN}#r=${link}`);
      await page.locator('#wc-verdict').waitFor();
      // The link's answers show; storage still holds the draft after every effect has run.
      await page.waitForTimeout(300);
      assert.equal(await stored(page), draft, 'the link overwrote the saved draft');
      await page.getByText("Su questo dispositivo c'è una bozza salvata").waitFor();
    };
    await open();
    await checkScreen(page, record, 'fault-draft-01-choice');

    // "Open the draft": its answers, for review, and saved again.
    await page.getByRole('button', { name: 'Apri la bozza' }).click();
    await page.getByRole('heading', { level: 1, name: 'Controlla le risposte' }).waitFor();
    assert.match(await page.textContent('.wc-summary'), /La mia bozza sul dispositivo/);
    assert.equal(await stored(page), draft);
    await checkScreen(page, record, 'fault-draft-02-opened');

    // Opened again, "Keep the link": the link's answers replace the draft.
    await open();
    await page.getByRole('button', { name: /Tieni il link/ }).click();
    await page.getByText("Su questo dispositivo c'è una bozza salvata").waitFor({ state: 'detached' });
    await page.waitForFunction(([key, code]) => localStorage.getItem(key) === code, [STORAGE_KEY, link]);
    await checkScreen(page, record, 'fault-draft-03-kept');
  } finally {
    await context.close();
  }
});

// The clipboard API exists only in a secure context: a kiosk on a plain-http LAN address has no
// `navigator.clipboard`; elsewhere `writeText` may reject (permission refused).
const CLIPBOARDS = [
  ['missing', () => { delete Navigator.prototype.clipboard; }],
  ['refusing', () => { Clipboard.prototype.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')); }],
  ['throwing', () => { Clipboard.prototype.writeText = () => { throw new TypeError('writeText is not available'); }; }],
];

for (const [name, init] of CLIPBOARDS) {
  test(`a clipboard that is ${name}: the link is not said to be copied, and is selected for copying by hand`, async () => {
    const { context, page, record } = await visitor(env.browser);
    await page.addInitScript(init);
    try {
      await page.goto(`${env.server.origin}/?${OPEN}#r=${shareCode({ description: 'orti sociali' })}`);
      await page.locator('#wc-verdict').waitFor();
      await page.getByRole('button', { name: 'Copia il link' }).click();
      const status = page.locator('.wc-tools [role=status]');
      await page.waitForFunction(() => document.querySelector('.wc-tools [role=status]')?.textContent, null, { timeout: 5_000 })
        .catch(() => {});
      const said = await status.textContent();
      assert.doesNotMatch(said, /Link copiato/, 'said "copied" when nothing was copied');
      assert.match(said, /Il link non è stato copiato/);
      // The link is there, focused and selected whole.
      const field = await page.evaluate(() => {
        const input = document.querySelector('#wc-share-link');
        return { focused: document.activeElement === input, value: input.value, start: input.selectionStart, end: input.selectionEnd };
      });
      assert.ok(field.value.includes('#r=w2.'), field.value);
      assert.deepEqual([field.focused, field.start, field.end], [true, 0, field.value.length]);
      // No unhandled rejection, no crash screen (checkScreen fails on any console error).
      assert.equal(await page.getByRole('heading', { name: 'Qualcosa non ha funzionato' }).count(), 0);
      await checkScreen(page, record, `fault-clipboard-${name}`);
    } finally {
      await context.close();
    }
  });
}

test('a clipboard that works: "copied", and the clipboard holds the link', async () => {
  const { context, page, record } = await visitor(env.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  try {
    await page.goto(`${env.server.origin}/?${OPEN}#r=${shareCode({ description: 'orti sociali' })}`);
    await page.locator('#wc-verdict').waitFor();
    await page.getByRole('button', { name: 'Copia il link' }).click();
    await page.getByText('Link copiato.').waitFor();
    const link = await page.inputValue('#wc-share-link');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    await checkScreen(page, record, 'fault-clipboard-works');
  } finally {
    await context.close();
  }
});

test('a network at its size limit: names have a maxlength, the add button says the network is full, and reloading keeps every member', async () => {
  const { context, page, record } = await visitor(env.browser);
  const members = Array.from({ length: 99 }, (_, i) => ({ name: `Ente ${i + 1}` }));
  try {
    await page.goto(`${env.server.origin}/?${OPEN}#r=${shareCode({ members, lead: 1 })}`);
    await page.locator('#wc-verdict').waitFor();
    await page.evaluate(() => { location.hash = '/rete'; });
    const j = new Journey(page, record, 'fault-network-full');
    await j.heading(/La rete di partner/);
    assert.equal(await page.getAttribute('#wc-member-name', 'maxlength'), '200');
    await j.fill('#wc-member-name', 'Ente 100');
    await j.select('#wc-member-kind', 'comune');
    await j.press('Aggiungi alla rete');
    await page.getByText('Partner della rete (100)').waitFor();
    const add = page.locator('.wc-member-form button[type=submit]');
    assert.equal(await add.textContent(), 'Rete al completo: massimo 100 partner');
    assert.equal(await add.isDisabled(), true);
    assert.match(await page.textContent('#wc-member-cap'), /al massimo 100 partner/);
    await j.screen('full');
    // What the page shows is what a reload gives back.
    await page.reload();
    await j.heading(/La rete di partner/);
    await page.getByText('Partner della rete (100)').waitFor();
    await page.getByRole('heading', { name: 'Ente 100' }).waitFor();
    // The description's limit is the codec's too.
    await page.evaluate(() => { location.hash = '/bisogno'; });
    await j.heading(/Il bisogno sociale/);
    assert.equal(await page.getAttribute('#wc-description', 'maxlength'), '4000');
  } finally {
    await context.close();
  }
});

/** The text of the kiosk's QR code on the page, read back with jsQR (null if there is none). */
async function readQr(page) {
  if ((await page.locator('.wc-qr').count()) === 0) return null;
  await page.addScriptTag({ url: '/vendor/jsQR.js' });
  return page.evaluate(async () => {
    const svg = document.querySelector('.wc-qr');
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const size = 1000;
    const canvas = document.createElement('canvas');
    canvas.width = size; canvas.height = size;
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, size, size);
    return window.jsQR(ctx.getImageData(0, 0, size, size).data, size, size)?.data ?? null;
  });
}

test("a kiosk's result too large for a QR code: the code leaves the description out and says so, or says why there is none", async () => {
  const base = QR_BASE;
  const members = [{ name: 'Comune di Pavia', kind: 0 }, { name: 'Cooperativa sociale Esempio' }];
  const cases = [
    ['long-description', { members, lead: 1, description: 'Orti sociali e lavoro per i giovani. '.repeat(100) }, 'tranne la descrizione'],
    ['many-members', { members: Array.from({ length: 100 }, (_, i) => ({ name: `Ente del terzo settore numero ${i + 1}` })), lead: 1 }, 'troppe per un codice QR'],
  ];
  for (const [name, answers, note] of cases) {
    const { context, page, record } = await visitor(env.browser);
    try {
      await page.goto(`${env.server.origin}/op/kiosk/?${OPEN}#r=${shareCode(answers)}`);
      await page.locator('#wc-verdict').waitFor();
      await page.getByRole('heading', { name: "Porta l'esito sul telefono" }).waitFor();
      // The catalog engine draws the code once it is there: a code or a note, never "loading" for long.
      await page.locator('.wc-qr, #wc-qr-note').first().waitFor();
      const decoded = await readQr(page);
      if (name === 'long-description') assert.ok(decoded, 'the QR code vanished');
      assert.equal(await page.locator('#wc-qr-note').count(), 1, 'the QR code does not say what it leaves out');
      assert.match(await page.textContent('#wc-qr-note'), new RegExp(note));
      if (name === 'long-description') {
        // The link carries every answer but the description.
        assert.equal(decoded, `${base}#r=${shareCode({ ...answers, description: '' })}`);
      } else {
        assert.equal(decoded, null, 'no QR code');
      }
      await checkScreen(page, record, `fault-qr-${name}`);
    } finally {
      await context.close();
    }
  }
});
