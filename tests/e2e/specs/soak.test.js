// Soak: many consecutive kiosk sessions in one page (scripted journeys, restarts and idle resets).
// Memory must not keep growing, and no answer of one session may be visible in the next. A wipe
// reloads the page only when a new deploy is waiting (none here): every session runs in the one page.
// CI runs SOAK_SESSIONS=40 (the default here); `make soak` runs 300 and prints the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFile, mkdir } from 'node:fs/promises';
import { suite, visitor, SHOTS } from '../lib/harness.js';
import { recordWasmInstances, wasmMemories } from '../lib/wasm.js';
import { kioskPage, kioskServe } from '../lib/kiosk.js';

const SESSIONS = Number(process.env.SOAK_SESSIONS ?? 40);
const IDLE_EVERY = Number(process.env.SOAK_IDLE_EVERY ?? 20);
const env = suite(...kioskServe([{ idle: 6 }]));

test(`${SESSIONS} kiosk sessions in one page: bounded memory, nothing carried over`, { timeout: 60 * 60 * 1000 }, async () => {
  const { context, page, record } = await visitor(env.browser);
  await page.addInitScript(recordWasmInstances);
  const memory = async () => ({ js: await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0), ...(await page.evaluate(wasmMemories)) });
  const cdp = await context.newCDPSession(page);
  const gc = () => cdp.send('HeapProfiler.collectGarbage');
  const samples = [];
  try {
    let loads = 0;
    page.on('load', () => { loads += 1; });
    await kioskPage(page, env.server.origin, { idle: 6 });
    for (let n = 1; n <= SESSIONS; n += 1) {
      const name = `Sessione ${n} ${Math.random().toString(36).slice(2, 8)}`;
      await page.getByRole('button', { name: /Inizia la verifica/ }).click();
      await page.locator('#wc-province').selectOption(n % 2 ? 'MI' : 'BG');
      await page.getByRole('button', { name: 'Aggiungi la provincia' }).click();
      await page.getByRole('button', { name: 'Continua' }).click();
      await page.locator('#wc-member-name').fill(name);
      await page.locator('#wc-member-kind').selectOption('comune');
      await page.getByRole('button', { name: 'Aggiungi alla rete' }).click();
      await page.getByRole('heading', { name }).waitFor();
      if (n % 3 === 0) {
        // Some visitors go all the way to the result.
        for (const step of ['Continua', 'Continua', 'Continua', 'Continua']) await page.getByRole('button', { name: step }).click();
        await page.getByRole('button', { name: "Vedi l'esito" }).click();
        await page.locator('#wc-verdict').waitFor();
      }
      if (n % IDLE_EVERY === 0) {
        await page.getByRole('button', { name: /Inizia la verifica/ }).waitFor({ timeout: 20_000 });
      } else {
        await page.getByRole('button', { name: 'Ricomincia da capo' }).first().click();
        await page.getByRole('button', { name: /Inizia la verifica/ }).waitFor();
      }
      const leftover = await page.evaluate((n) => document.body.innerText.includes(n) || JSON.stringify({ ...localStorage }).includes(n), name);
      assert.equal(leftover, false, `session ${n} left its answers behind`);
      if (n === 1 || n % 10 === 0 || n === SESSIONS) {
        await gc();
        samples.push({ session: n, ...(await memory()) });
      }
    }
    const first = samples.find((s) => s.session >= Math.min(10, SESSIONS)) ?? samples[0];
    const last = samples[samples.length - 1];
    const mib = (b) => (b / 1048576).toFixed(2);
    const report = samples.map((s) => `| ${s.session} | ${mib(s.js)} | ${mib(s.app)} | ${mib(s.engine)} (${s.engines}) |`).join('\n');
    const text = `# Soak: ${SESSIONS} kiosk sessions in one page\n\n| session | JS heap MiB | app wasm memory MiB | catalog engine memory MiB (instances) |\n|---|---|---|---|\n${report}\n`;
    await mkdir(SHOTS, { recursive: true });
    await writeFile(path.join(SHOTS, 'soak.md'), text);
    console.log(text);
    assert.ok(last.js - first.js < 8 * 1048576, `JS heap grew ${mib(last.js - first.js)} MiB`);
    assert.ok(last.app - first.app <= 4 * 1048576, `wasm memory grew ${mib(last.app - first.app)} MiB`);
    // One engine for the page's life (the bundled catalog is read once), its memory bounded too.
    assert.equal(last.engines, 1, 'one catalog engine instance');
    assert.ok(last.engine - first.engine <= 4 * 1048576, `the engine's memory grew ${mib(last.engine - first.engine)} MiB`);
    assert.equal(loads, 1, 'the sessions ran in one page');
    assert.deepEqual(record.offsite, []);
    assert.deepEqual(record.consoleErrors, []);
  } finally {
    await context.close();
  }
});
