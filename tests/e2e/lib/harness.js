// The e2e harness: one Chromium (Debian's, never a downloaded one), one fresh context per visitor,
// and four guards on every page: no console error, no request off 127.0.0.1, zero axe violations,
// no cookie.
// Screenshots of every visited screen go to target/e2e/.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import AxeBuilderModule from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.js';

const AxeBuilder = AxeBuilderModule.default ?? AxeBuilderModule;
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHOTS = path.join(ROOT, 'target', 'e2e');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * One Chromium and one loopback server for a spec file, started before its tests and closed after.
 * `mounts` and `options` are those of `serve` (default: the release dist/ at /).
 */
export function suite(mounts = { '/': path.join(ROOT, 'dist') }, options = {}) {
  const env = { browser: null, server: null };
  before(async () => {
    env.browser = await launch();
    env.server = await serve(mounts, options);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Serve arguments for pages an operator configured: for each `name`, the build again under `/op/<name>/`
 * with `configs[name]` as its `widget.conf` (the file beside index.html that only the host controls).
 * Returns `[mounts, options]` for `suite(...)`.
 */
export function operated(configs, mounts = { '/': path.join(ROOT, 'dist') }, options = {}) {
  const all = { ...mounts };
  const routes = { ...(options.routes ?? {}) };
  for (const [name, text] of Object.entries(configs)) {
    all[`/op/${name}/`] = mounts['/'];
    routes[`/op/${name}/widget.conf`] = { body: text, type: 'text/plain; charset=utf-8' };
  }
  return [all, { ...options, routes }];
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic'],
  });
}

/** A fresh visitor: a new context and page, with the guards recording from the first byte. */
export async function visitor(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
  const page = await context.newPage();
  const record = { consoleErrors: [], offsite: [], requests: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') record.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => record.consoleErrors.push(`pageerror: ${err.message}`));
  context.on('request', (req) => {
    record.requests.push(req.url());
    if (!isLocal(req.url())) record.offsite.push(req.url());
  });
  // A request off this machine must never reach the network: abort it (the guard still fails).
  await context.route((url) => !isLocal(url.toString()), (route) => route.abort());
  return { context, page, record };
}

export function isLocal(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/** Runs axe on the page as it is now (or only inside `include`); returns the violations. */
export async function axe(page, include) {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Turns `content-visibility: auto` off on the widget's cards (in the page and in the element's shadow
 * root), through the CSSOM, which a strict Content-Security-Policy allows; returns the undo. */
export async function renderEverything(page) {
  const toggle = (value) => {
    const roots = [document, ...[...document.querySelectorAll('welfare-check')].map((e) => e.shadowRoot).filter(Boolean)];
    for (const root of roots) for (const card of root.querySelectorAll('.wc-card')) card.style.contentVisibility = value;
  };
  await page.evaluate(toggle, 'visible');
  return () => page.evaluate(toggle, '');
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The three guards at once, for the screen on show: throws with every problem found.
 * Takes the screenshot first, so a failing screen can be looked at.
 */
export async function checkScreen(page, record, name, { axeInclude } = {}) {
  // The widget lays out cards below the fold only as they near the viewport (`content-visibility:
  // auto`, styles/main.css): the whole page is rendered for the full-page screenshot and for axe,
  // which would otherwise not see their colours, as a visitor scrolling down sees them.
  const unskip = await renderEverything(page);
  await screenshot(page, name);
  const problems = [];
  for (const e of record.consoleErrors) problems.push(`console error: ${e}`);
  for (const u of record.offsite) problems.push(`request off 127.0.0.1: ${u}`);
  for (const v of await axe(page, axeInclude)) problems.push(`axe: ${v}`);
  await unskip();
  for (const c of await page.context().cookies()) problems.push(`cookie set: ${c.name} on ${c.domain}`);
  if (problems.length) throw new Error(`screen "${name}":\n  ${problems.join('\n  ')}`);
}
