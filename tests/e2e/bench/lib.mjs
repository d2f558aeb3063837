// Shared by the browser benchmarks: Debian's Chromium (never a downloaded one) with precise memory
// figures and an exposed gc(), a median, and markdown tables.
import { chromium } from 'playwright-core';

export async function launchBench() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
}

/** Headers that make a page cross-origin isolated: performance.now() then has 5 µs resolution. */
export const ISOLATED = () => ({
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
});

export function quantile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.round((s.length - 1) * p)] : 0;
}

export const median = (xs) => quantile(xs, 0.5);

export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const ms = (x, digits = 2) => `${x.toFixed(digits)} ms`;
export const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** `--name value` pairs from argv, with defaults. */
export function args(defaults) {
  const out = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i].replace(/^--/, '');
    if (key in out) {
      const v = argv[i + 1];
      out[key] = typeof defaults[key] === 'number' ? Number(v) : v;
      i += 1;
    } else if (!argv[i].startsWith('--')) {
      (out._ ??= []).push(argv[i]);
    }
  }
  return out;
}
