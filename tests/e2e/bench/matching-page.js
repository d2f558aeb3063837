// The browser side of matching.mjs: the same records and queries through our wasm (welfare-core's
// analyzer + BM25, and the full match_all) and through MiniSearch. Every figure is timed here with
// performance.now(); the page is cross-origin isolated, so the timer's resolution is 5 µs.
import init, { Bench } from '/pkg/bench_wasm.js';
import MiniSearch from '/minisearch/index.js';

const quantile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.round((s.length - 1) * p)] : 0;
};
const stats = (xs) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: quantile(xs, 1), n: xs.length });
const heap = () => { globalThis.gc?.(); return performance.memory?.usedJSHeapSize ?? 0; };
const time = (f) => { const t = performance.now(); const r = f(); return [performance.now() - t, r]; };

window.runBench = async ({ partners, queries, rounds, k }) => {
  const wasm = await init();
  const memory = () => wasm.memory.buffer.byteLength;
  const out = { partners, rounds, k, wasm: {}, minisearch: {}, match: {} };
  const heapStart = heap();

  // The data: the real catalog and the synthetic directory, built in wasm.
  let bench;
  out.wasm.setupMs = time(() => { bench = new Bench(partners, queries); })[0];
  const wasmAfterSetup = memory();
  const records = JSON.parse(bench.records_json());
  const qs = JSON.parse(bench.queries_json());
  out.records = records.length;
  out.queries = qs.length;
  out.recordsHeap = heap() - heapStart;

  // 1. Text relevance only, ours.
  out.wasm.buildMs = time(() => bench.build_text_index())[0];
  out.wasm.memoryAfterSetup = wasmAfterSetup;
  out.wasm.memoryAfterIndex = memory();
  const oursTop = [];
  const oursHits = [];
  const oursTimes = [];
  for (let r = -1; r < rounds; r += 1) { // round -1 warms up and is not counted
    for (let i = 0; i < qs.length; i += 1) {
      const [ms, hits] = time(() => bench.text_query(i, k));
      if (r >= 0) oursTimes.push(ms);
      if (r === 0) { oursHits.push(hits); oursTop.push(Array.from(bench.last_top())); }
    }
  }
  out.wasm.query = stats(oursTimes);
  out.wasm.hits = stats(oursHits);

  // 1'. Text relevance only, MiniSearch (default tokenizer and term processing, OR of terms, BM25+).
  const before = heap();
  let mini;
  out.minisearch.buildMs = time(() => {
    mini = new MiniSearch({ fields: ['name', 'text'], storeFields: [], searchOptions: { boost: { name: 2 } } });
    mini.addAll(records);
  })[0];
  out.minisearch.indexHeap = heap() - before;
  const miniTimes = [];
  const miniHits = [];
  let overlap = 0;
  for (let r = -1; r < rounds; r += 1) {
    for (let i = 0; i < qs.length; i += 1) {
      const [ms, results] = time(() => mini.search(qs[i]));
      if (r >= 0) miniTimes.push(ms);
      if (r === 0) {
        miniHits.push(results.length);
        const theirs = new Set(results.slice(0, k).map((x) => x.id));
        overlap += oursTop[i].filter((id) => theirs.has(id)).length / Math.max(1, Math.min(k, oursTop[i].length));
      }
    }
  }
  out.minisearch.query = stats(miniTimes);
  out.minisearch.hits = stats(miniHits);
  out.topOverlap = overlap / qs.length;
  mini = null;

  // 2. Full matching over the synthetic directory (+ municipalities), ours only.
  out.match.candidates = bench.candidates();
  out.match.buildMs = time(() => bench.build_match_index())[0];
  const matchTimes = [];
  for (let r = -1; r < rounds; r += 1) {
    for (let i = 0; i < bench.visitor_count(); i += 1) {
      const ms = time(() => bench.match_visitor(i))[0];
      if (r >= 0) matchTimes.push(ms);
    }
  }
  out.match.query = stats(matchTimes);
  out.match.memory = memory();
  out.heapEnd = heap();
  out.isolated = globalThis.crossOriginIsolated === true;
  out.userAgent = navigator.userAgent;
  return out;
};
window.benchReady = true;
