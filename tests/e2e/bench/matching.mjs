#!/usr/bin/env node
// Matching in the browser (issue 4): our wasm (welfare-core) and MiniSearch over the same synthetic
// records and the same free-text Italian queries, in headless Chromium on 127.0.0.1. Prints markdown.
//
//   node tests/e2e/bench/matching.mjs [--pkg target/bench-wasm-pkg] [--partners 100000] [--queries 50] [--rounds 5]
//
// The pkg folder is `wasm-bindgen --target web` output of crates/bench-wasm (see scripts/bench.sh).
// A benchmark, never a test: it reports figures and asserts nothing about them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../lib/server.js';
import { launchBench, ISOLATED, table, ms, mib, args } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const opt = args({ pkg: path.join(ROOT, 'target/bench-wasm-pkg'), partners: 100000, queries: 50, rounds: 5, k: 10 });

const server = await serve({
  '/bench/': HERE,
  '/pkg/': path.resolve(opt.pkg),
  '/minisearch/': path.join(ROOT, 'tests/e2e/node_modules/minisearch/dist/es'),
}, { headers: ISOLATED });
const browser = await launchBench();
try {
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${server.origin}/bench/matching.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 }).catch(() => {
    throw new Error(`the benchmark page did not load: ${errors.join('; ')}`);
  });
  const r = await page.evaluate((o) => window.runBench(o), { partners: opt.partners, queries: opt.queries, rounds: opt.rounds, k: opt.k });
  const v = await browser.version();
  const runs = `${r.queries} queries × ${r.rounds} rounds after one warm-up round`;
  console.log(`Chromium ${v}, headless; ${r.records} synthetic records; ${runs}; timer ${r.isolated ? '5 µs (cross-origin isolated)' : '100 µs'}.\n`);
  console.log('**Free-text relevance only** (same records: name + kind, needs and description; same queries):\n');
  console.log(table(['engine', 'index build', 'query p50', 'query p95', 'query max', 'matches/query p50', 'memory'], [
    ['welfare-core (wasm): fold + Italian stemmer + BM25, top 10', ms(r.wasm.buildMs, 0), ms(r.wasm.query.p50, 3), ms(r.wasm.query.p95, 3), ms(r.wasm.query.max, 3), String(r.wasm.hits.p50),
      `wasm memory ${mib(r.wasm.memoryAfterIndex)} (${mib(r.wasm.memoryAfterSetup)} before the index)`],
    ['MiniSearch 7.2 (JS): default tokenizer, all matches sorted', ms(r.minisearch.buildMs, 0), ms(r.minisearch.query.p50, 3), ms(r.minisearch.query.p95, 3), ms(r.minisearch.query.max, 3), String(r.minisearch.hits.p50),
      `JS heap +${mib(r.minisearch.indexHeap)} for the index`],
  ]));
  console.log(`\nThe records as JS objects take ${mib(r.recordsHeap)} of JS heap (MiniSearch's input). ` +
    `Top-${r.k} overlap between the two engines: ${(r.topOverlap * 100).toFixed(0)} % (different tokenisation: we stem and drop stop words).\n`);
  console.log(`**Full matching** (\`match_all\`: eligibility gaps, territory, needs, kinds and text; ${r.match.candidates} partner candidates = ${r.records} organisations + municipalities; ${r.queries} varied visitors × ${r.rounds} rounds):\n`);
  console.log(table(['index build', 'match p50', 'match p95', 'match max', 'within 16 ms', 'wasm memory after'], [
    [ms(r.match.buildMs, 0), ms(r.match.query.p50), ms(r.match.query.p95), ms(r.match.query.max), r.match.query.p95 <= 16 ? 'yes (p95)' : 'no (p95)', mib(r.match.memory)],
  ]));
  console.log(`\nJS heap at the end: ${mib(r.heapEnd)}. Wasm memory only grows, so each figure is the high-water mark so far.`);
  if (errors.length) console.log(`\nPage errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
}
