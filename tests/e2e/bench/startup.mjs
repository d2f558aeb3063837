#!/usr/bin/env node
// Start-up and result benchmark (issue 8), in headless Chromium on 127.0.0.1:
// - the release widget (a dist folder) against static-baseline.html (its start page as plain HTML,
//   same stylesheet), each loaded N times in fresh contexts: median time from navigation start to
//   the first interactive question (the enabled "Inizia la verifica" button of the live widget: the start
//   page prerendered into index.html has a link there, which does not count), when it is in the DOM and
//   when it is painted, and the first contentful paint; on loopback, under a 4× CPU slowdown, and on an
//   emulated network (150 ms round trip, 10 Mbit/s, files gzipped by the server as a host would);
// - the time to compute and show a result: cold (a share link `#r=…` opened in a fresh context, to the
//   verdict and the matches in the DOM) and warm ("Vedi l'esito" clicked on the review step, once that
//   page is idle), with the app's own User Timing measures of the verdict and the matches; and
//   "Aggiungi alla rete" on the first suggested partner (issue 14) to the new verdict in the DOM;
// - JS heap and wasm memory after that journey.
//
//   node tests/e2e/bench/startup.mjs <dist> [--runs 15] [--share w2.…] [--now 2016-04-01T10:00] [--cpu 4]
//                                           [--rtt 150 --mbps 10]
//
// Without --share the code of data/examples/admissible.toml is made with the bench-wasm example.
// A benchmark, never a test: it reports figures and asserts nothing about them.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtemp, copyFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve } from '../lib/server.js';
import { recordWasmInstances, wasmMemories } from '../lib/wasm.js';
import { launchBench, median, quantile, table, ms, mib, args } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const opt = args({ runs: 15, share: '', now: '2016-04-01T10:00', cpu: 4, rtt: 150, mbps: 10 });
const dist = path.resolve(opt._?.[0] ?? path.join(ROOT, 'dist'));
const share = opt.share || execFileSync('cargo', ['run', '-q', '-p', 'bench-wasm', '--example', 'share_code', '--',
  'data/examples/admissible.toml'], { cwd: ROOT, encoding: 'utf8' }).trim();

// The baseline next to a copy of the release stylesheet, so both pages use the same CSS bytes.
const baseline = await mkdtemp(path.join(tmpdir(), 'wc-baseline-'));
const css = (await readdir(dist)).find((f) => f.endsWith('.css'));
if (css) await copyFile(path.join(dist, css), path.join(baseline, 'main.css'));
await copyFile(path.join(HERE, 'static-baseline.html'), path.join(baseline, 'index.html'));

// Injected before any page script: marks (performance.now(), i.e. ms since navigation start) when the
// start button is in the DOM and enabled, and when the verdict and the partner matches are. The start
// button gets an `elementtiming` attribute before its first paint, so the Element Timing API reports
// when it was painted (`renderTime`, on the same clock as first contentful paint).
function marks() {
  const m = (window.__marks = {});
  const check = () => {
    if (m.interactive === undefined) {
      const start = [...document.querySelectorAll('button')]
        .find((b) => b.textContent.includes('Inizia la verifica') && !b.closest('[data-wc-prerendered]'));
      if (start && !start.disabled) {
        m.interactive = performance.now();
        start.setAttribute('elementtiming', 'wc-start');
      }
    }
    if (m.result === undefined && document.getElementById('wc-verdict') && document.getElementById('wc-partners')) {
      m.result = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === 'wc-start') m.painted ??= e.renderTime || e.loadTime;
  }).observe({ type: 'element', buffered: true });
}

const mounts = { '/baseline/': baseline, '/': dist };
const server = await serve(mounts);
const gzipServer = await serve(mounts, { compress: true });
const browser = await launchBench();

/** A fresh context and page; `cpu`: CPU slowdown factor; `net`: { rtt (ms), mbps } network emulation. */
async function fresh(cpu, net) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  await context.addInitScript(marks);
  await context.addInitScript(recordWasmInstances);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (cpu > 1 || net) {
    const cdp = await context.newCDPSession(page);
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    if (net) {
      const bytesPerSecond = (net.mbps * 1e6) / 8;
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: net.rtt, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond,
      });
    }
  }
  return { context, page, errors };
}

const timings = () => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const bytes = performance.getEntriesByType('resource').reduce((s, r) => s + r.encodedBodySize, nav?.encodedBodySize ?? 0);
  // The app's own User Timing measures (src/platform.rs `timed`): the verdict and the matches computed.
  const measure = (name) => performance.getEntriesByName(name).at(-1)?.duration;
  return { ...window.__marks, fcp: fcp?.startTime, dcl: nav?.domContentLoadedEventEnd, load: nav?.loadEventEnd, bytes, verdict: measure('wc-verdict'), matches: measure('wc-matches') };
};

/** Loads `url` in `runs` fresh contexts; the figures of each load. */
async function loads(url, mark, cpu, net) {
  const out = [];
  for (let i = 0; i < opt.runs; i += 1) {
    const { context, page, errors } = await fresh(cpu, net);
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction((k) => window.__marks?.[k] !== undefined, mark, { timeout: 60000 });
      if (mark === 'interactive') await page.waitForFunction(() => window.__marks.painted !== undefined, null, { timeout: 60000 });
      out.push(await page.evaluate(timings));
      if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    } finally {
      await context.close();
    }
  }
  return out;
}

const col = (xs, k) => xs.map((x) => x[k]).filter((v) => typeof v === 'number');
const med = (xs, k) => median(col(xs, k));

try {
  // Start-up: the page a visitor opens (no option, the real clock); the result: a preview inside the call's window.
  const app = `${server.origin}/?now=${opt.now}`;
  const rows = [];
  const net = { rtt: opt.rtt, mbps: opt.mbps };
  // Each file compressed once before the network rows, so no load waits for the compression.
  for (const f of ['', 'baseline/', 'baseline/main.css', ...(await readdir(dist)).filter((f) => f.includes('.'))]) await fetch(`${gzipServer.origin}/${f}`, { headers: { 'accept-encoding': 'gzip' } });
  const conditions = [
    { label: '', origin: server.origin, cpu: 1 },
    { label: ` (${opt.cpu}× CPU slowdown)`, origin: server.origin, cpu: opt.cpu },
    { label: ` (network ${net.rtt} ms RTT, ${net.mbps} Mbit/s, gzip)`, origin: gzipServer.origin, cpu: 1, net },
  ];
  for (const { label, origin, cpu, net: emulated } of conditions) {
    const widget = await loads(`${origin}/`, 'interactive', cpu, emulated);
    const plain = await loads(`${origin}/baseline/`, 'interactive', cpu, emulated);
    const row = (name, xs) => [name + label, ms(med(xs, 'interactive'), 1), ms(med(xs, 'painted'), 1), ms(med(xs, 'fcp'), 1), ms(med(xs, 'dcl'), 1), ms(med(xs, 'load'), 1), `${(med(xs, 'bytes') / 1024).toFixed(0)} KiB`];
    const ratio = (k) => `${(med(widget, k) / med(plain, k)).toFixed(1)}×`;
    rows.push(row('widget (release dist)', widget), row('static HTML baseline', plain));
    rows.push([`ratio widget / baseline${label}`, ratio('interactive'), ratio('painted'), ratio('fcp'), '', '', '']);
  }

  // The result, cold: a share link in a fresh context straight to the verdict and the matches.
  const cold = await loads(`${app}#r=${share}`, 'result', 1);

  // The result, warm: on one page, back to the review step and "Vedi l'esito", `runs` times.
  const { context, page } = await fresh(1);
  const warm = [];
  try {
    await page.goto(`${app}#r=${share}`);
    await page.waitForFunction(() => window.__marks?.result !== undefined);
    for (let i = 0; i < opt.runs; i += 1) {
      await page.evaluate(() => { location.hash = '#/riepilogo'; });
      await page.getByRole('button', { name: "Vedi l'esito" }).waitFor();
      // A visitor reads the review page before clicking: let its own work (render, focus, the URL
      // change) finish first, or the click's figure would include the previous step's.
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 })));
      warm.push(await page.evaluate(() => new Promise((resolve) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.includes("Vedi l'esito"));
        const shown = () => document.getElementById('wc-verdict') && document.getElementById('wc-partners');
        const t0 = performance.now();
        let dom;
        const frame = () => requestAnimationFrame(() => {
          const channel = new MessageChannel(); // runs after the frame's style, layout and paint
          channel.port1.onmessage = () => resolve({ dom, frame: performance.now() - t0, matches: performance.getEntriesByName('wc-matches').at(-1)?.duration });
          channel.port2.postMessage(0);
        });
        const observer = new MutationObserver(() => {
          if (dom === undefined && shown()) { dom = performance.now() - t0; observer.disconnect(); frame(); }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
        if (dom === undefined && shown()) { dom = performance.now() - t0; observer.disconnect(); frame(); }
      })));
    }
    // A suggested partner joins from the result page: "Aggiungi alla rete" on the first suggestion
    // clicked → the recomputed verdict (and what changed) in the DOM, then the next frame; undone
    // after each run so that every run adds the same partner to the same network.
    const added = [];
    for (let i = 0; i < opt.runs; i += 1) {
      await page.locator('#wc-partners li button', { hasText: 'Aggiungi alla rete' }).first().waitFor();
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 })));
      added.push(await page.evaluate(() => new Promise((resolve) => {
        const button = [...document.querySelectorAll('#wc-partners li button')].find((b) => b.textContent.includes('Aggiungi alla rete'));
        const shown = () => document.getElementById('wc-added-status')?.textContent && document.getElementById('wc-verdict');
        const t0 = performance.now();
        let dom;
        const frame = () => requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ dom, frame: performance.now() - t0 });
          channel.port2.postMessage(0);
        });
        const observer = new MutationObserver(() => {
          if (dom === undefined && shown()) { dom = performance.now() - t0; observer.disconnect(); frame(); }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        button.click();
      })));
      // Undone: the undo button goes and the live region (which stays, to announce) is empty again.
      await page.click('#wc-added-undo');
      await page.locator('#wc-added-undo').waitFor({ state: 'detached' });
      await page.waitForFunction(() => !document.getElementById('wc-added-status')?.textContent);
    }
    globalThis.gc?.();
    await page.evaluate(() => globalThis.gc?.());
    const memory = {
      ...(await page.evaluate(() => ({ heap: performance.memory?.usedJSHeapSize, total: performance.memory?.totalJSHeapSize }))),
      ...(await page.evaluate(wasmMemories)),
    };
    // The floor for that screen on this machine: the result page's own markup put in as static HTML
    // (in a copy of the widget's root, the app's stylesheet applying), with the same forced layout
    // the app's focus move causes, and the next frame: no framework, no wasm.
    const staticResult = [];
    for (let i = 0; i < opt.runs; i += 1) {
      staticResult.push(await page.evaluate(() => new Promise((resolve) => {
        const root = document.getElementById('welfare-check');
        const markup = root.innerHTML;
        const copy = root.cloneNode(false);
        copy.id = 'wc-static-copy';
        root.after(copy);
        root.style.display = 'none';
        const t0 = performance.now();
        copy.innerHTML = markup;
        copy.querySelector('h1')?.focus();
        const dom = performance.now() - t0;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { const frame = performance.now() - t0; copy.remove(); root.style.display = ''; resolve({ dom, frame }); };
          channel.port2.postMessage(0);
        });
      })));
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 })));
    }

    console.log(`Chromium ${browser.version()}, headless, 1024×800, loopback server (no network latency but in the rows marked "network": Chromium's network emulation, the server gzipping), fresh context per load, ${opt.runs} loads each, medians.\n`);
    console.log('**Start-up** of the page a visitor opens (`/`): navigation start → the first interactive question (the live widget\'s enabled "Inizia la verifica" button in the DOM, then painted; the prerendered copy\'s start link does not count):\n');
    console.log(table(['page', 'first interactive (DOM)', 'first interactive (painted)', 'first contentful paint', 'DOMContentLoaded', 'load', 'bytes transferred'], rows));
    console.log(`\n**Result** (answers of data/examples/admissible.toml, \`?now=${opt.now}\`; verdict + partner and project matches over the real catalog):\n`);
    console.log(table(['measure', 'median', 'p95'], [
      ['cold: share link opened in a fresh context, navigation → result in the DOM', ms(med(cold, 'result'), 1), ms(quantile(col(cold, 'result'), 0.95), 1)],
      ['compute: the verdict (User Timing `wc-verdict`, `evaluate` in the app; cold loads)', ms(med(cold, 'verdict'), 2), ms(quantile(col(cold, 'verdict'), 0.95), 2)],
      ['compute: the matches (User Timing `wc-matches`: the answers to the catalog engine, matching, display-ready matches back; warm)', ms(med(warm, 'matches'), 2), ms(quantile(col(warm, 'matches'), 0.95), 2)],
      ['warm: "Vedi l\'esito" clicked → result in the DOM (match + render + layout forced by the focus move)', ms(med(warm, 'dom'), 1), ms(quantile(col(warm, 'dom'), 0.95), 1)],
      ['warm: "Vedi l\'esito" clicked → next frame painted', ms(med(warm, 'frame'), 1), ms(quantile(col(warm, 'frame'), 0.95), 1)],
      ['warm: "Aggiungi alla rete" on the first suggested partner clicked → the new verdict and what changed in the DOM (verdict + matches + render)', ms(med(added, 'dom'), 1), ms(quantile(col(added, 'dom'), 0.95), 1)],
      ['warm: "Aggiungi alla rete" clicked → next frame painted', ms(med(added, 'frame'), 1), ms(quantile(col(added, 'frame'), 0.95), 1)],
      ['static floor: the same result markup set as HTML, focus moved → in the DOM (no framework, no wasm)', ms(med(staticResult, 'dom'), 1), ms(quantile(col(staticResult, 'dom'), 0.95), 1)],
      ['static floor: … → next frame painted', ms(med(staticResult, 'frame'), 1), ms(quantile(col(staticResult, 'frame'), 0.95), 1)],
    ]));
    console.log(`\n**Memory after the journey** (${opt.runs + 1} results shown, after gc): JS heap used ${memory.heap ? mib(memory.heap) : 'n/a'} ` +
      `(of ${memory.total ? mib(memory.total) : 'n/a'} allocated), the app's wasm linear memory ${memory.app ? mib(memory.app) : 'n/a'}, ` +
      `the catalog engine's ${memory.engines ? mib(memory.engine) : 'n/a'} (${memory.engines} instance${memory.engines === 1 ? '' : 's'}).`);
  } finally {
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await gzipServer.close();
  await rm(baseline, { recursive: true, force: true });
}
